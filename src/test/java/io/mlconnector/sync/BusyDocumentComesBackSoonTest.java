package io.mlconnector.sync;

import static io.mlconnector.testing.LambdaContexts.remaining;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.store.DocumentLeases;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A message turned away because another worker holds its document comes back after the busy-retry delay (1 s in
 * tests, 30 s by default), not after the queue's visibility timeout (13 minutes with the default worker timeout).
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class BusyDocumentComesBackSoonTest {
    private static final String INVOICE = "INV-MIN-0001";

    @Inject
    WorkerHandler worker;

    @Inject
    DocumentLeases leases;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void messageTurnedAwayByABusyDocument_shouldComeBackAfterTheBusyDelay_notTheVisibilityTimeout() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        ElasticMq sqs = StandIns.shared().sqs();
        String eventId = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText())).findFirst().orElseThrow()
                .path("id").asText();
        Instant now = Instant.now();
        assertThat(leases.acquire("invoice:" + INVOICE, "another-worker", now, now.plusSeconds(600))).isTrue();
        String body = body(eventId);
        sqs.client().sendMessage(send -> send.queueUrl(sqs.queueUrl()).messageBody(body));
        Message received = sqs.client().receiveMessage(r -> r.queueUrl(sqs.queueUrl()).visibilityTimeout(600)
                .waitTimeSeconds(2)).messages().get(0);

        SQSBatchResponse response = worker.handleRequest(event(received), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        List<Message> again = sqs.client().receiveMessage(r -> r.queueUrl(sqs.queueUrl()).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(again).as("back within seconds, though received with a 600 s visibility timeout").singleElement()
                .satisfies(m -> assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .isEqualTo("2"));

        SQSBatchResponse secondTime = worker.handleRequest(event(again.get(0), "2"), null);

        assertThat(secondTime.getBatchItemFailures()).hasSize(1);
        assertThat(sqs.client().receiveMessage(r -> r.queueUrl(sqs.queueUrl()).waitTimeSeconds(3)).messages())
                .as("turned away before: back after the claim lease (30 s in tests), longer than any document lease,"
                        + " so busy bounces never use up its receives").isEmpty();
        leases.release("invoice:" + INVOICE, "another-worker");
    }

    @Test
    void messageTheInvocationHadNoTimeLeftFor_shouldComeBackAfterTheBusyDelay_notTheVisibilityTimeout()
            throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        ElasticMq sqs = StandIns.shared().sqs();
        String eventId = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText())).findFirst().orElseThrow()
                .path("id").asText();
        sqs.client().sendMessage(send -> send.queueUrl(sqs.queueUrl()).messageBody(uncheckedBody(eventId)));
        Message received = sqs.client().receiveMessage(r -> r.queueUrl(sqs.queueUrl()).visibilityTimeout(600)
                .waitTimeSeconds(2)).messages().get(0);

        SQSBatchResponse response = worker.handleRequest(event(received), remaining(Duration.ofSeconds(3)));

        assertThat(response.getBatchItemFailures()).as("no time to post it").hasSize(1);
        assertThat(sqs.client().receiveMessage(r -> r.queueUrl(sqs.queueUrl()).waitTimeSeconds(5)).messages())
                .as("back within seconds, though received with a 600 s visibility timeout").hasSize(1);
    }

    private String uncheckedBody(String eventId) {
        try {
            return body(eventId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(String eventId) throws Exception {
        return json.writeValueAsString(QueuedEvent.chargebeeEvent(eventId, "invoice_generated", Instant.now(),
                QueuedEvent.FROM_WEBHOOK, "invoice", INVOICE));
    }

    private static SQSEvent event(Message message) {
        return event(message, "1");
    }

    private static SQSEvent event(Message message, String receiveCount) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(Map.of("ApproximateReceiveCount", receiveCount));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
