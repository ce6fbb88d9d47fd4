package io.mlconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Stands in for Lambda's SQS event source mapping with ReportBatchItemFailures: receives a batch from ElasticMQ,
 * invokes the worker with a real SQS event, deletes the messages that succeeded and leaves the reported failures to
 * reappear after the visibility timeout (and reach the DLQ after maxReceiveCount).
 */
public final class SqsEventSource {
    /** What one drain did. */
    public record DrainResult(int invocations, int delivered, int failed) {}

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<String, JsonNode> worker;

    /** @param worker invokes the worker with SQS-event JSON and returns its {@code SQSBatchResponse} JSON */
    public SqsEventSource(SqsClient sqs, String queueUrl, Function<String, JsonNode> worker) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.worker = worker;
    }

    /**
     * Polls until the queue stays empty for {@code quietSeconds}, invoking the worker per batch. A queue holding
     * nothing at all (none visible, in flight or delayed) is done at once: the worker and the test send synchronously,
     * so nothing can arrive while it waits, and the quiet period is only waited out while a message may come back.
     */
    public DrainResult drain(int quietSeconds, int invocationsMax) {
        int invocations = 0;
        int delivered = 0;
        int failed = 0;
        while (invocations < invocationsMax) {
            List<Message> batch = receive(0);
            if (batch.isEmpty() && !holdsAnything()) {
                break;
            }
            if (batch.isEmpty()) {
                batch = receive(quietSeconds);
            }
            if (batch.isEmpty()) {
                break;
            }
            Set<String> failures = invoke(batch);
            invocations++;
            delivered += batch.size();
            failed += failures.size();
            for (Message message : batch) {
                if (!failures.contains(message.messageId())) {
                    sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return new DrainResult(invocations, delivered, failed);
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private boolean holdsAnything() {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().anyMatch(count -> Integer.parseInt(count) > 0);
    }

    private Set<String> invoke(List<Message> batch) {
        List<LambdaEvents.SqsRecord> records = new ArrayList<>();
        for (Message message : batch) {
            String count = message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
            Map<String, String> attributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> {
                if (value.stringValue() != null) {
                    attributes.put(name, value.stringValue());
                }
            });
            records.add(new LambdaEvents.SqsRecord(message.messageId(), message.receiptHandle(), message.body(),
                    Integer.parseInt(count), attributes));
        }
        JsonNode response = worker.apply(LambdaEvents.sqs(records));
        Set<String> failures = new HashSet<>();
        response.path("batchItemFailures").forEach(item -> failures.add(item.path("itemIdentifier").asText()));
        return failures;
    }
}
