package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.CursorStore;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.EmfLines;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue #11: more events in the overlap window than one poll reads. Each poll reads at most
 * {@link HandlerProfiles.PollerTwoPages#PAGES_MAX} pages (200 events); a burst of N events must be queued in full
 * within ceil(N / 200) + 1 polls, through EventBridge Scheduler invocations, with the cursor less than 15 minutes
 * behind afterwards. (A poller that always restarts 10 minutes behind its cursor re-reads the same 200 events for
 * ever.)
 */
@QuarkusTest
@TestProfile(HandlerProfiles.PollerTwoPages.class)
class PollerBurstTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS_PER_POLL = HandlerProfiles.PollerTwoPages.PAGES_MAX * 100;
    /** Far more than any bound asserted: a poller that stalls stops here instead of looping. */
    private static final int POLLS_AT_MOST = 12;

    private final LambdaInvoker lambda = new LambdaInvoker();

    @Inject
    CursorStore cursors;

    @Inject
    Clock clock;

    private final List<String> metricLines = new CopyOnWriteArrayList<>();
    private ChargebeeSandbox chargebee;
    private int nextCustomer;

    @BeforeEach
    void setUp() {
        QuarkusMock.installMockForType(new EmbeddedMetrics(JSON, clock, metricLines::add), EmbeddedMetrics.class);
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
    }

    @Test
    void burstOfFiveHundredEventsInTenMinutes_shouldAllBeQueued_withinCeilNOver200PlusOnePolls() {
        Instant now = Instant.now();
        Instant burstStart = now.minus(Duration.ofMinutes(10));
        // Queued by earlier polls: the overlap of the first poll re-reads them.
        cursors.advance("events", burstStart.minusSeconds(1), now);
        for (int i = 0; i < 50; i++) {
            event(burstStart.minusSeconds(500 - 10L * i));
        }
        // The burst: 500 events in 10 minutes, 7 to a second, so pages end in the middle of a second.
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            burst.add(event(burstStart.plusSeconds(8L * (i / 7))));
        }

        int polls = pollUntilCaughtUp();

        assertThat(queuedEventIds()).containsAll(burst);
        assertThat(polls).isLessThanOrEqualTo(ceilDiv(burst.size(), EVENTS_PER_POLL) + 1);
        assertThat(Duration.between(cursors.read("events").orElseThrow(), Instant.now()))
                .isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void moreEventsInOneSecondThanOnePollReads_shouldAllBeQueued_withinCeilNOver200PlusOnePolls() {
        Instant second = Instant.now().minusSeconds(120);
        cursors.advance("events", second.minusSeconds(1), Instant.now());
        List<String> sameSecond = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            sameSecond.add(event(second));
        }

        int polls = pollUntilCaughtUp();

        assertThat(queuedEventIds()).containsAll(sameSecond);
        assertThat(polls).isLessThanOrEqualTo(ceilDiv(sameSecond.size(), EVENTS_PER_POLL) + 1);
        assertThat(cursors.read("events")).contains(second.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void eventsArrivingBetweenPolls_shouldBeQueued_whilePollsWorkThroughABurst() {
        Instant now = Instant.now();
        cursors.advance("events", now.minusSeconds(400), now);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(event(now.minusSeconds(300 - i / 3)));
        }

        JsonNode first = lambda.invoke(LambdaEvents.schedule());
        // Late arrivals: one in the second the first poll stopped in, and one after everything else.
        Instant stoppedAt = Instant.parse(first.path("cursor").asText());
        expected.add(event(stoppedAt));
        expected.add(event(now.minusSeconds(5)));
        int polls = 1 + pollUntilCaughtUp();

        assertThat(first.path("morePending").asBoolean()).isTrue();
        assertThat(queuedEventIds()).containsAll(expected);
        assertThat(polls).isLessThanOrEqualTo(ceilDiv(expected.size(), EVENTS_PER_POLL) + 1);
    }

    @Test
    void eachPoll_shouldLogMorePendingOne_untilThePollThatCatchesUpLogsZero_withWhatItQueued() {
        Instant now = Instant.now();
        cursors.advance("events", now.minusSeconds(400), now);
        for (int i = 0; i < 450; i++) {
            event(now.minusSeconds(300 - i / 2));
        }

        int polls = pollUntilCaughtUp();

        List<JsonNode> lines = metricLines.stream().map(EmfLines::valid).toList();
        assertThat(polls).isGreaterThan(1);
        assertThat(lines).hasSize(polls);
        assertThat(lines.subList(0, polls - 1)).allMatch(line -> line.path(PollerMetrics.MORE_PENDING).asInt() == 1);
        assertThat(lines.get(polls - 1).path(PollerMetrics.MORE_PENDING).asInt()).isZero();
        assertThat(lines.subList(0, polls - 1)).as("behind while more is pending")
                .allMatch(line -> line.path(PollerMetrics.LAG_SECONDS).asLong() > 0);
        assertThat(lines.get(polls - 1).path(PollerMetrics.LAG_SECONDS).asLong()).as("caught up").isZero();
        assertThat(lines.stream().mapToInt(line -> line.path(PollerMetrics.EVENTS_QUEUED).asInt()).sum())
                .isEqualTo(450);
    }

    /** Scheduled invocations until one answers that nothing more is pending; the number it took. */
    private int pollUntilCaughtUp() {
        for (int polls = 1; polls <= POLLS_AT_MOST; polls++) {
            JsonNode result = lambda.invoke(LambdaEvents.schedule());
            if (!result.path("morePending").asBoolean()) {
                return polls;
            }
        }
        return POLLS_AT_MOST + 1;
    }

    /** A customer_changed event at {@code occurredAt}; its id. */
    private String event(Instant occurredAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_type", "customer_changed");
        event.put("occurred_at", occurredAt.getEpochSecond());
        ObjectNode customer = event.putObject("content").putObject("customer");
        customer.put("id", "cus_burst_" + nextCustomer++);
        customer.put("object", "customer");
        return chargebee.addEvent(event).path("id").asText();
    }

    private Set<String> queuedEventIds() {
        ElasticMq sqs = StandIns.shared().sqs();
        Set<String> ids = new HashSet<>();
        for (int round = 0; round < 1_000; round++) {
            List<Message> batch = sqs.receive(sqs.queueUrl(), 0);
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                try {
                    ids.add(JSON.readTree(message.body()).path("event_id").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ids;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
