package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How events are claimed, polled and mapped. */
@ConfigMapping(prefix = "sync")
public interface SyncConfig {

    /** How long a worker owns a claimed event before another delivery may take it over (keep it above the worker timeout). */
    @WithDefault("5m")
    Duration claimLease();

    /**
     * When a message turned away because another worker is posting the same document comes back (its visibility is
     * shortened to this), instead of after the queue's whole visibility timeout.
     */
    @WithDefault("30s")
    Duration busyRetryDelay();

    /**
     * Most documents one event may take on the worklist: itself, what it needs first (its customer, the invoices it
     * applies to) and its follow-ups. Beyond it the event is held with the reason, never looped on.
     */
    @WithDefault("50")
    int maxDocumentsPerEvent();

    /** How long dedup keys are kept; Chargebee retries a webhook for about 3 days 7 hours, so keep well beyond. */
    @WithDefault("30d")
    Duration dedupRetention();

    /** How long audit rows are kept. */
    @WithDefault("400d")
    Duration auditRetention();

    /** Poller settings. */
    Poller poller();

    /** Mapping defaults used until a mapping file says otherwise. */
    Mapping mapping();

    interface Poller {
        /**
         * A poll that starts caught up (the previous one reached the end of the list) re-reads this far behind the
         * cursor, so events committed late in Chargebee are not skipped. A poll that starts with more pending resumes
         * exactly after the last event read instead.
         */
        @WithDefault("10m")
        Duration overlap();

        /** Where the first poll starts, as a distance back from now, when no cursor is stored yet. */
        @WithDefault("1d")
        Duration initialLookback();

        /**
         * Safety cap on the pages (100 events each) one poll reads past its cursor. The usual limit is the
         * invocation's time ({@link #timeReserve()}); the cursor is stored after every page, so the next poll
         * continues where this one stopped.
         */
        @WithDefault("100")
        int pagesMax();

        /**
         * No page is started once less than this is left of the invocation: room for one Chargebee call (the client
         * waits up to 30 s for an answer), queueing its 100 events and storing the cursor.
         */
        @WithDefault("40s")
        Duration timeReserve();
    }

    interface Mapping {
        /** A mapping file on disk (local runs); see src/main/resources/mapping/default-mapping.yaml for the format. */
        Optional<String> file();

        /**
         * An SSM parameter holding the mapping file (deployed functions), read through the Lambda extension. SSM
         * holds 4 KB per standard parameter (8 KB advanced): a file with its comments is larger, so use
         * {@link #s3Uri()} for it.
         */
        Optional<String> parameter();

        /** The mapping file as an S3 object, {@code s3://bucket/key} (deployed functions); wins over the others. */
        Optional<String> s3Uri();
    }
}
