package io.mlconnector.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.CursorStore;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Outside the test suite ({@code ./mvnw verify -Pbenchmark}): a renewal burst of {@link #BURST} Chargebee events in
 * 10 minutes (about 83 a second), after {@link #BEFORE} events in the overlap the first poll re-reads, polled through
 * EventBridge Scheduler invocations with 20 pages (2,000 events) a poll, the cap the issue was measured with. Prints
 * the polls used against ceil(N / 2,000) + 1, the events queued a poll, and how far the cursor is behind afterwards,
 * both behind the end of the run and behind the newest event; asserts only that every event was queued. Timings are
 * printed, not asserted. Chargebee's request budget is lifted: the sandbox answers as fast as it can, and the
 * budget's pacing is not what this measures.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(PollerBurstBenchmarkTest.Profile.class)
class PollerBurstBenchmarkTest {
    private static final int BURST = 50_000;
    private static final int BEFORE = 500;
    private static final int PAGES_MAX = 20;
    private static final Duration BURST_LASTS = Duration.ofMinutes(10);
    private static final int POLLS_AT_MOST = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "poller", "quarkus.log.level", "WARN",
                    "quarkus.log.category.\"org.apache.pekko\".level", "ERROR",
                    "sync.poller.pages-max", Integer.toString(PAGES_MAX), "chargebee.rate-limit.requests", "1000000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @Inject
    CursorStore cursors;

    private final LambdaInvoker lambda = new LambdaInvoker();

    @Test
    void fiftyThousandEventsInTenMinutes_polledTwoThousandAPoll() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        Instant now = Instant.now();
        Instant burstStart = now.minus(BURST_LASTS);
        cursors.advance("events", burstStart.minusSeconds(1), now);
        for (int i = 0; i < BEFORE; i++) {
            event(chargebee, "cus_before_" + i, burstStart.minusSeconds(500 - i));
        }
        Set<String> burst = new HashSet<>();
        long burstSeconds = BURST_LASTS.toSeconds();
        Instant newest = burstStart;
        for (int i = 0; i < BURST; i++) {
            Instant at = burstStart.plusSeconds(i * burstSeconds / BURST);
            burst.add(event(chargebee, "cus_renewal_" + i, at));
            newest = at;
        }

        long started = System.nanoTime();
        int polls = 0;
        long queued = 0;
        JsonNode answer;
        do {
            answer = lambda.invoke(LambdaEvents.schedule());
            polls++;
            queued += answer.path("enqueued").asLong();
        } while (answer.path("morePending").asBoolean() && polls < POLLS_AT_MOST);
        double took = (System.nanoTime() - started) / 1e9;
        Instant cursor = cursors.read("events").orElseThrow();
        Instant end = Instant.now();
        Set<String> inQueue = drainEventIds();

        int bound = (BURST + PAGES_MAX * 100 - 1) / (PAGES_MAX * 100) + 1;
        System.out.printf("%n=== Poller burst benchmark: %,d events in %d minutes (after %d in the overlap), %d pages"
                + " (%,d events) a poll%n", BURST, BURST_LASTS.toMinutes(), BEFORE, PAGES_MAX, PAGES_MAX * 100);
        System.out.printf("Polls used: %d (bound ceil(N/2000)+1 = %d); caught up: %s%n", polls, bound,
                !answer.path("morePending").asBoolean());
        System.out.printf("Events queued: %,d (%,d of the burst, %,d distinct ids in the queue); %.0f a poll%n",
                queued, burst.stream().filter(inQueue::contains).count(), inQueue.size(), (double) queued / polls);
        System.out.printf("Cursor lag after the last poll: %d s behind the end of the run, %d s behind the newest"
                + " event (target < 15 minutes)%n", Duration.between(cursor, end).toSeconds(),
                Duration.between(cursor, newest).toSeconds());
        System.out.printf("Took %.1f s of polling (not asserted: the sandbox, ElasticMQ and this machine's load)%n%n",
                took);

        assertThat(inQueue).containsAll(burst);
    }

    private static String event(ChargebeeSandbox chargebee, String customerId, Instant occurredAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_type", "customer_changed");
        event.put("occurred_at", occurredAt.getEpochSecond());
        ObjectNode customer = event.putObject("content").putObject("customer");
        customer.put("id", customerId);
        customer.put("object", "customer");
        return chargebee.addEvent(event).path("id").asText();
    }

    /** Every event id queued, reading and deleting ten messages at a time. */
    private static Set<String> drainEventIds() {
        ElasticMq sqs = StandIns.shared().sqs();
        Set<String> ids = new HashSet<>();
        while (true) {
            List<Message> batch = sqs.receive(sqs.queueUrl(), 0);
            if (batch.isEmpty()) {
                return ids;
            }
            for (Message message : batch) {
                try {
                    ids.add(JSON.readTree(message.body()).path("event_id").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sqs.client().deleteMessageBatch(r -> r.queueUrl(sqs.queueUrl()).entries(batch.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).build()).toList()));
        }
    }
}
