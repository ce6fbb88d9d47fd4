package io.mlconnector.lambda.command;

import io.mlconnector.sync.DocumentKind;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one invocation of the poller function is asked to do, decoded from its payload by {@link PollerCommands} (the
 * JSON of each is on its record). The schedule's payload is a {@link Poll}; every other command is invoked by hand.
 */
public sealed interface PollerCommand {

    /** {@code {"source": "ml-connector.schedule"}} (the schedule), {@code {}} or none: poll Chargebee's events. */
    record Poll() implements PollerCommand {}

    /**
     * {@code {"backfill": {"from": "2024-01-01T00:00:00Z", "to": "2025-01-01T00:00:00Z", "window_days": 31,
     * "types": ["invoice"]}}}: queue every document created in the range; no types means every type.
     */
    record Backfill(Instant from, Instant to, Duration window, Set<DocumentKind> types) implements PollerCommand {
        public Backfill {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            types = Set.copyOf(types);
        }
    }

    /**
     * {@code {"gl_summary": {"period": "2026-05" | "previous", "unless_posted": true}}}: summary mode's journals for
     * a period.
     */
    record GlSummary(PeriodChoice period, boolean unlessPosted) implements PollerCommand {}

    /** {@code {"preflight": true}}: the mapping file checked against Acumatica, every gap listed. */
    record Preflight() implements PollerCommand {}

    /** {@code {"ping": true}}: both credential sets, the endpoint version and the mapping preflight, in plain words. */
    record Ping() implements PollerCommand {}

    /** {@code {"dry_run": {...}}}: the Acumatica bodies that would post, posting nothing. */
    sealed interface DryRun extends PollerCommand {}

    /** {@code {"dry_run": {"event_id": "ev_..."}}}: the documents one event would post. */
    record DryRunEvent(String eventId) implements DryRun {}

    /**
     * {@code {"dry_run": {"period": "2026-05", "limit": 50}}}: the documents created in a period (the mapping's site
     * time zone), at most {@code limit} of them.
     */
    record DryRunPeriod(PeriodChoice period, int limit) implements DryRun {
        public static final int LIMIT_DEFAULT = 50;
        /** A Lambda answer is at most 6 MB: 200 documents with their dependencies stay well inside it. */
        public static final int LIMIT_MAX = 200;
    }

    /** {@code {"reconcile": {"period": "2026-05" | "current" | "previous"}}}: Chargebee and Acumatica compared. */
    record Reconcile(PeriodChoice period) implements PollerCommand {}

    /** {@code {"held": {...}}}: the held documents, one by one. */
    sealed interface Held extends PollerCommand {}

    /**
     * {@code {"held": {"list": {"reason": "...", "type": "invoice", "limit": 50}}}}: every field optional;
     * held documents are few, so the list is answered whole up to the limit (no paging).
     */
    record HeldList(Optional<String> reason, Optional<DocumentKind> type, int limit)
            implements Held {
        public static final int LIMIT_DEFAULT = 50;
        public static final int LIMIT_MAX = 500;
    }

    /** {@code {"held": {"retry": {"type": "invoice", "id": "inv_1"}}}}: one held document posted again. */
    record HeldRetry(DocumentKind type, String id) implements Held {}

    /** {@code {"held": {"retry_all": {"reason": "..."}}}}: every document held with that reason posted again. */
    record HeldRetryAll(String reason) implements Held {}

    /**
     * {@code {"held": {"skip": {"type": "invoice", "id": "inv_1", "reason": "...", "by": "..."}}}}: never posted,
     * recorded with who decided it and why.
     */
    record HeldSkip(DocumentKind type, String id, String reason, String by) implements Held {}

    /** A month ({@code "2026-05"}), or one relative to now in the site's time zone. */
    sealed interface PeriodChoice {
        /** How it was written in the command. */
        String text();

        static PeriodChoice month(YearMonth month) {
            return new Month(month);
        }
    }

    record Month(YearMonth month) implements PeriodChoice {
        @Override
        public String text() {
            return month.toString();
        }
    }

    /** {@code "current"} or {@code "previous"}. */
    enum RelativePeriod implements PeriodChoice {
        CURRENT, PREVIOUS;

        @Override
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
