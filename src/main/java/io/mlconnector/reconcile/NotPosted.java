package io.mlconnector.reconcile;

import java.util.Objects;

/**
 * A Chargebee document the connector knows it did not post, and why: held (waiting for a fix, e.g. a missing mapping)
 * or skipped by an operator (never posts). Fed to {@link Reconciliation} so that such a document reads HELD or
 * SKIPPED with its reason instead of MISSING.
 *
 * @param type {@code invoice}, {@code credit_note} or {@code transaction}
 * @param id the Chargebee id
 */
public record NotPosted(String type, String id, String reason, boolean skipped) {
    public NotPosted {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        reason = reason == null || reason.isBlank() ? "no reason recorded" : reason;
    }

    public static NotPosted held(String type, String id, String reason) {
        return new NotPosted(type, id, reason, false);
    }

    public static NotPosted skipped(String type, String id, String reason) {
        return new NotPosted(type, id, reason, true);
    }
}
