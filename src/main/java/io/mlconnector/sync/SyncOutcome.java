package io.mlconnector.sync;

/** What happened to one event. */
public sealed interface SyncOutcome {

    String name();

    /** The event's documents are in Acumatica (created now, or found there from an earlier attempt). */
    record Posted(String acumaticaRef, String sent, String answer) implements SyncOutcome {
        public String name() {
            return "POSTED";
        }
    }

    /** Nothing to post, on purpose (a pending invoice, a duplicate); recorded with the reason. */
    record Skipped(String reason) implements SyncOutcome {
        public String name() {
            return "SKIPPED";
        }
    }

    /**
     * A transient failure; the message goes back to the queue and is delivered again.
     *
     * @param soon whether it may come back sooner than the queue's visibility timeout (another worker holds the
     *             document for a short while)
     */
    record RetryLater(String reason, boolean soon) implements SyncOutcome {
        public RetryLater(String reason) {
            this(reason, false);
        }

        public String name() {
            return "RETRY";
        }
    }

    /** Cannot post until someone fixes the cause; parked in the DLQ with the reason, replayed by a redrive. */
    record Held(String reason, String sent, String answer) implements SyncOutcome {
        public String name() {
            return "HELD";
        }
    }
}
