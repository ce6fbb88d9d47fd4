package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ListQuery;
import io.mlconnector.chargebee.SiteCheck;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.EventContent;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.chargebee.dto.SiteConfiguration;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.CursorPosition;
import io.mlconnector.store.CursorStore;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.testing.fakes.InMemoryCursorStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The poller's cursor on an event list in memory, listed like Chargebee's (oldest first, pages of a fixed size, an
 * opaque offset); events of one second keep the order they were added in, and their ids are deliberately not in
 * alphabetical order, so nothing here depends on how ids sort.
 */
class EventPollerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    private static final Duration TIME_RESERVE = Duration.ofSeconds(40);
    private static final int PAGE_SIZE = 3;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ListedEvents chargebee = new ListedEvents();
    private final List<String> queued = new ArrayList<>();
    private final CursorStore cursors = new InMemoryCursorStore();
    private final InvocationDeadline deadline = new InvocationDeadline(clock);

    @Test
    void poll_shouldResumeInTheSecondOfTheLastEventRead_andQueueOnlyWhatFollowsIt_whenMoreWasPending() {
        Instant second = NOW.minusSeconds(30);
        chargebee.add("ev_m", second.minusSeconds(1));
        chargebee.add("ev_z", second);
        chargebee.add("ev_b", second);
        chargebee.add("ev_k", second);
        chargebee.add("ev_a", second.plusSeconds(1));
        cursors.replace(EventPoller.CURSOR, 0, CursorPosition.after(second, "ev_b", true), NOW);

        EventPoller.PollResult result = poller(10).poll();

        assertThat(result.from()).isEqualTo(second.minusSeconds(1));
        assertThat(queued).containsExactly("ev_k", "ev_a");
        assertThat(result.morePending()).isFalse();
        assertThat(cursors.position(EventPoller.CURSOR).orElseThrow().position())
                .isEqualTo(CursorPosition.after(second.plusSeconds(1), "ev_a", false));
    }

    @Test
    void poll_shouldReReadTheOverlapBehindTheCursor_whenThePreviousPollCaughtUp() {
        Instant cursor = NOW.minusSeconds(60);
        chargebee.add("ev_old", cursor.minus(OVERLAP).minusSeconds(1));
        chargebee.add("ev_late", cursor.minusSeconds(120));
        chargebee.add("ev_last", cursor);
        cursors.replace(EventPoller.CURSOR, 0, CursorPosition.after(cursor, "ev_last", false), NOW);

        EventPoller.PollResult result = poller(10).poll();

        assertThat(result.from()).isEqualTo(cursor.minus(OVERLAP));
        assertThat(queued).containsExactly("ev_late", "ev_last");
    }

    @Test
    void poll_shouldQueueTheEventsHeldInTheResumedSecond_whenTheCursorsEventIsNoLongerListed() {
        Instant second = NOW.minusSeconds(30);
        chargebee.add("ev_z", second);
        chargebee.add("ev_b", second);
        chargebee.add("ev_k", second.plusSeconds(2));
        cursors.replace(EventPoller.CURSOR, 0, CursorPosition.after(second, "ev_gone", true), NOW);

        poller(10).poll();

        assertThat(queued).containsExactly("ev_z", "ev_b", "ev_k");
    }

    @Test
    void poll_shouldQueueTheEventsHeldInTheResumedSecond_whenTheListEndsInThatSecond() {
        Instant second = NOW.minusSeconds(30);
        chargebee.add("ev_z", second);
        chargebee.add("ev_b", second);
        cursors.replace(EventPoller.CURSOR, 0, CursorPosition.after(second, "ev_gone", true), NOW);

        EventPoller.PollResult result = poller(10).poll();

        assertThat(queued).containsExactly("ev_z", "ev_b");
        assertThat(result.morePending()).isFalse();
    }

    @Test
    void poll_shouldNotCountPagesReReadToFindTheCursorsEvent_soASecondLongerThanTheCapStillMovesOn() {
        Instant second = NOW.minusSeconds(30);
        for (int i = 0; i < 4 * PAGE_SIZE; i++) {
            chargebee.add("ev_" + (char) ('z' - i), second);
        }
        chargebee.add("ev_next", second.plusSeconds(1));
        String lastRead = "ev_" + (char) ('z' - (3 * PAGE_SIZE - 1));
        cursors.replace(EventPoller.CURSOR, 0, CursorPosition.after(second, lastRead, true), NOW);

        EventPoller.PollResult result = poller(1).poll();

        assertThat(queued).hasSize(PAGE_SIZE).doesNotContain(lastRead);
        assertThat(result.pages()).isEqualTo(4);
        assertThat(result.morePending()).isTrue();
        assertThat(cursors.position(EventPoller.CURSOR).orElseThrow().position().lastEventId())
                .contains("ev_" + (char) ('z' - (4 * PAGE_SIZE - 1)));
    }

    @Test
    void poll_shouldReadUpToPagesMax_whenTheInvocationHasTime_andLeaveTheRestPending() {
        addEvents(20, NOW.minusSeconds(100));
        cursors.advance(EventPoller.CURSOR, NOW.minusSeconds(200), NOW);
        deadline.set(NOW.plus(TIME_RESERVE).plusSeconds(1));

        EventPoller.PollResult result = poller(4).poll();

        assertThat(result.pages()).isEqualTo(4);
        assertThat(queued).hasSize(4 * PAGE_SIZE);
        assertThat(result.morePending()).isTrue();
    }

    @Test
    void poll_shouldStopAfterOnePage_whenLessThanTheTimeReserveIsLeftOfTheInvocation() {
        addEvents(20, NOW.minusSeconds(100));
        cursors.advance(EventPoller.CURSOR, NOW.minusSeconds(200), NOW);
        deadline.set(NOW.plus(TIME_RESERVE).minusSeconds(1));

        EventPoller.PollResult result = poller(100).poll();

        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.morePending()).isTrue();
        assertThat(cursors.position(EventPoller.CURSOR).orElseThrow().position().morePending()).isTrue();
    }

    @Test
    void polls_shouldQueueEveryEventOnce_whenEachReadsOnePage_andNoneWhenNothingHappened() {
        List<String> ids = addEvents(10, NOW.minusSeconds(100));
        cursors.advance(EventPoller.CURSOR, NOW.minusSeconds(OVERLAP.toSeconds() + 200), NOW);
        EventPoller poller = poller(1);

        int polls = 0;
        EventPoller.PollResult result;
        do {
            result = poller.poll();
            polls++;
        } while (result.morePending() && polls < 20);

        assertThat(queued).containsExactlyElementsOf(ids);
        assertThat(polls).isLessThanOrEqualTo((ids.size() + PAGE_SIZE - 1) / PAGE_SIZE + 1);
        assertThat(result.cursor()).isEqualTo(NOW.minusSeconds(100 - 9));
    }

    @Test
    void poll_shouldStopAndLeaveTheCursorAlone_whenAnotherPollMovedItWhileThisOneRead() {
        addEvents(10, NOW.minusSeconds(100));
        cursors.advance(EventPoller.CURSOR, NOW.minusSeconds(200), NOW);
        chargebee.beforeEachList = () -> cursors.advance(EventPoller.CURSOR, NOW.minusSeconds(5), NOW);

        EventPoller.PollResult result = poller(10).poll();

        assertThat(result.pages()).isEqualTo(1);
        assertThat(cursors.position(EventPoller.CURSOR).orElseThrow().position())
                .isEqualTo(CursorPosition.caughtUpAt(NOW.minusSeconds(5)));
    }

    /** {@code count} events one second apart from {@code first}; their ids in list order. */
    private List<String> addEvents(int count, Instant first) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(chargebee.add("ev_" + (count - i), first.plusSeconds(i)));
        }
        return ids;
    }

    private EventPoller poller(int pagesMax) {
        return new EventPoller(chargebee, new SiteCheck(chargebee), new RecordingQueue(queued), cursors,
                syncConfig(pagesMax), clock, deadline);
    }

    private static SyncConfig syncConfig(int pagesMax) {
        Map<String, Object> poller = Map.of("overlap", OVERLAP, "initialLookback", Duration.ofDays(1),
                "pagesMax", pagesMax, "timeReserve", TIME_RESERVE);
        SyncConfig.Poller pollerConfig = answering(SyncConfig.Poller.class, poller);
        return answering(SyncConfig.class, Map.of("poller", pollerConfig));
    }

    private static <T> T answering(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer;
                }));
    }

    /** Chargebee's event list: after a time, oldest first, {@link #PAGE_SIZE} a page; nothing else is asked. */
    private static final class ListedEvents implements ChargebeeClient {
        private final List<ChargebeeEvent> events = new ArrayList<>();
        Runnable beforeEachList = () -> { };

        String add(String id, Instant occurredAt) {
            events.add(new ChargebeeEvent(id, occurredAt, "customer_changed", "v2", "api", EventContent.EMPTY));
            return id;
        }

        @Override
        public Page<ChargebeeEvent> eventsSince(Instant after, Set<String> eventTypes, Optional<String> offset) {
            beforeEachList.run();
            List<ChargebeeEvent> listed = events.stream()
                    .filter(e -> e.occurredAt().getEpochSecond() > after.getEpochSecond())
                    .sorted(Comparator.comparing(ChargebeeEvent::occurredAt)) // stable: a second keeps its order
                    .toList();
            int start = offset.map(Integer::parseInt).orElse(0);
            int end = Math.min(start + PAGE_SIZE, listed.size());
            return new Page<>(listed.subList(start, end),
                    end < listed.size() ? Optional.of(Integer.toString(end)) : Optional.empty());
        }

        @Override
        public List<SiteConfiguration> configurations() {
            return List.of(new SiteConfiguration("test", "v2"));
        }

        @Override
        public List<ChargebeeEvent> eventsByIds(Collection<String> eventIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargebeeEvent event(String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Page<T> list(ChargebeeResource<T> resource, ListQuery query, Optional<String> offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargebeeCustomer customer(String customerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargebeeInvoice invoice(String invoiceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargebeeCreditNote creditNote(String creditNoteId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChargebeeTransaction transaction(String transactionId) {
            throw new UnsupportedOperationException();
        }
    }

    private record RecordingQueue(List<String> eventIds) implements EventQueue {
        @Override
        public void enqueue(QueuedEvent event) {
            eventIds.add(event.eventId());
        }

        @Override
        public void enqueueAll(List<QueuedEvent> events) {
            events.forEach(this::enqueue);
        }

        @Override
        public void comeBackAfter(String receiptHandle, Duration delay) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void park(String messageBody, String reason, String document) {
            throw new UnsupportedOperationException();
        }
    }
}
