package io.mlconnector.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the event poller resumes: the {@code occurred_at} second of the last event it read, that event's id, and
 * whether the list went on past it ({@code morePending}). Chargebee's times are whole seconds; several events can share
 * one, so the second alone cannot say which of them were read.
 *
 * @param lastEventId empty when no event was read at that second (a cursor put there by hand, or stored before ids)
 */
public record CursorPosition(Instant occurredAt, Optional<String> lastEventId, boolean morePending) {

    public CursorPosition {
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.SECONDS);
        lastEventId = Objects.requireNonNull(lastEventId, "lastEventId").filter(id -> !id.isBlank());
    }

    /** Nothing is known to be pending after this second: the next poll re-reads the overlap behind it. */
    public static CursorPosition caughtUpAt(Instant second) {
        return new CursorPosition(second, Optional.empty(), false);
    }

    /** The last event read was {@code eventId} at {@code occurredAt}. */
    public static CursorPosition after(Instant occurredAt, String eventId, boolean morePending) {
        return new CursorPosition(occurredAt, Optional.of(eventId), morePending);
    }
}
