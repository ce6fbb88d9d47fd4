package io.mlconnector.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Adapter: SQS standard queue; the DynamoDB claim, not the queue, makes processing exactly-once. */
@ApplicationScoped
public class SqsEventQueue implements EventQueue {
    /** SQS accepts at most ten entries per SendMessageBatch. */
    static final int BATCH_MAX = 10;
    /** SQS message attribute values are capped; a reason is a sentence, not a payload. */
    static final int REASON_CHARS_MAX = 1000;

    private final SqsClient sqs;
    private final AwsConfig config;
    private final ObjectMapper json;

    public SqsEventQueue(SqsClient sqs, AwsConfig config, ObjectMapper json) {
        this.sqs = sqs;
        this.config = config;
        this.json = json;
    }

    @Override
    public void enqueue(QueuedEvent event) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(config.queueUrl()).messageBody(body(event)).build());
    }

    @Override
    public void enqueueAll(List<QueuedEvent> events) {
        for (int start = 0; start < events.size(); start += BATCH_MAX) {
            List<QueuedEvent> slice = events.subList(start, Math.min(events.size(), start + BATCH_MAX));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(slice.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " of " + entries.size()
                        + " messages (first: " + response.failed().get(0).code() + ")");
            }
        }
    }

    @Override
    public void comeBackAfter(String receiptHandle, java.time.Duration delay) {
        sqs.changeMessageVisibility(change -> change.queueUrl(config.queueUrl()).receiptHandle(receiptHandle)
                .visibilityTimeout((int) Math.max(0, Math.min(delay.toSeconds(), 43_200))));
    }

    @Override
    public void park(String messageBody, String reason, String document) {
        String shortReason = reason.length() > REASON_CHARS_MAX ? reason.substring(0, REASON_CHARS_MAX) : reason;
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(HELD_REASON, MessageAttributeValue.builder().dataType("String").stringValue(shortReason).build());
        if (document != null) {
            attributes.put(DOCUMENT, MessageAttributeValue.builder().dataType("String").stringValue(document).build());
        }
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(config.dlqUrl()).messageBody(messageBody)
                .messageAttributes(attributes).build());
    }

    private String body(QueuedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a queued event", e);
        }
    }
}
