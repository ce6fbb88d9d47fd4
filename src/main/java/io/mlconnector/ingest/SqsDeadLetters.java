package io.mlconnector.ingest;

import io.mlconnector.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Adapter: the DLQ through the plain SQS client. A move sends first and deletes second, so a failure in between leaves
 * a copy in both queues (the worker's claim makes the extra delivery harmless), never in neither.
 */
@ApplicationScoped
public class SqsDeadLetters implements DeadLetters {
    /** SQS receives at most ten messages per call. */
    static final int RECEIVE_MAX = 10;

    private final SqsClient sqs;
    private final AwsConfig config;

    public SqsDeadLetters(SqsClient sqs, AwsConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    @Override
    public List<ParkedMessage> receive(int max, Duration hide) {
        return sqs.receiveMessage(r -> r.queueUrl(config.dlqUrl()).maxNumberOfMessages(Math.min(max, RECEIVE_MAX))
                        .visibilityTimeout((int) Math.min(hide.toSeconds(), 43_200)).waitTimeSeconds(1)
                        .messageAttributeNames("All"))
                .messages().stream().map(message -> {
                    Map<String, String> attributes = new HashMap<>();
                    message.messageAttributes().forEach((name, value) -> {
                        if (value.stringValue() != null) {
                            attributes.put(name, value.stringValue());
                        }
                    });
                    return new ParkedMessage(message.messageId(), message.body(), message.receiptHandle(), attributes);
                }).toList();
    }

    @Override
    public void moveToQueue(ParkedMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        sqs.sendMessage(send -> send.queueUrl(config.queueUrl()).messageBody(message.body())
                .messageAttributes(attributes));
        delete(message);
    }

    @Override
    public void delete(ParkedMessage message) {
        sqs.deleteMessage(d -> d.queueUrl(config.dlqUrl()).receiptHandle(message.receiptHandle()));
    }

    @Override
    public void release(ParkedMessage message) {
        sqs.changeMessageVisibility(c -> c.queueUrl(config.dlqUrl()).receiptHandle(message.receiptHandle())
                .visibilityTimeout(0));
    }
}
