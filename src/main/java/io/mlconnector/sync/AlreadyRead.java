package io.mlconnector.sync;

import io.mlconnector.chargebee.dto.ChargebeeEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events a poll that resumes at a cursor's second must not queue again: those of that second up to and including
 * the cursor's last event id, which the previous poll queued. It relies on Chargebee listing the events of one second
 * in the same order on every call. Events of that second seen before the id are held, not dropped: if the second ends
 * (or the list does) without the id, they are released, so a missing id repeats events and never skips one.
 * One instance per poll; not thread-safe.
 */
final class AlreadyRead {
    private final Instant second;
    private final String lastEventId;
    private final List<ChargebeeEvent> held = new ArrayList<>();
    private boolean passed;

    private AlreadyRead(Instant second, String lastEventId, boolean passed) {
        this.second = second;
        this.lastEventId = lastEventId;
        this.passed = passed;
    }

    /** Nothing to skip: a poll that re-reads its overlap queues everything it lists. */
    static AlreadyRead nothing() {
        return new AlreadyRead(null, null, true);
    }

    /** Skips the events of {@code second} listed up to and including {@code lastEventId}. */
    static AlreadyRead through(Instant second, Optional<String> lastEventId) {
        return lastEventId.map(id -> new AlreadyRead(second.truncatedTo(ChronoUnit.SECONDS), id, false))
                .orElseGet(AlreadyRead::nothing);
    }

    /** The events of one page, in list order, that are new to this cursor. */
    List<ChargebeeEvent> newIn(List<ChargebeeEvent> page) {
        List<ChargebeeEvent> fresh = new ArrayList<>();
        for (ChargebeeEvent event : page) {
            if (passed) {
                fresh.add(event);
            } else if (!Objects.equals(secondOf(event), second)) {
                // The second ended without the id: what was held had not been read after all.
                fresh.addAll(held);
                held.clear();
                passed = true;
                fresh.add(event);
            } else if (event.id().equals(lastEventId)) {
                held.clear(); // read by the previous poll, like the id itself
                passed = true;
            } else {
                held.add(event);
            }
        }
        return fresh;
    }

    /** At the end of the list: whatever is still held was not read before. */
    List<ChargebeeEvent> rest() {
        List<ChargebeeEvent> rest = List.copyOf(held);
        held.clear();
        passed = true;
        return rest;
    }

    /** True once the list has gone past the events to skip; until then the cursor has not moved. */
    boolean passed() {
        return passed;
    }

    private static Instant secondOf(ChargebeeEvent event) {
        return event.occurredAt() == null ? null : event.occurredAt().truncatedTo(ChronoUnit.SECONDS);
    }
}
