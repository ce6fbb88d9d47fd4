package io.mlconnector.sync;

import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.mapping.file.Mapping;
import java.util.List;
import java.util.Optional;

/**
 * How one kind of Chargebee document posts. What it needs first ({@link #dependencies}), what it becomes in Acumatica
 * ({@link #map}) and what must be brought up to date after it ({@link #followUps}) are pure functions of the record
 * as Chargebee holds it now; only {@link #settled} (the ledger) and {@link #post} (the ledger and Acumatica) do I/O.
 * {@link PostingWorklist} runs them, one document at a time, dependencies first.
 *
 * @param <R> the Chargebee record
 * @param <B> the Acumatica document it maps to
 */
public interface PostingStrategy<R extends ChargebeeRecord, B> {

    DocumentKind kind();

    /** Chargebee's current record of a document another one names (a dependency or a follow-up). */
    R read(String chargebeeId);

    /** The record with every line: a list or an event truncates long documents. */
    default R complete(R record) {
        return record;
    }

    /**
     * The outcome, when the ledger alone decides it before anything is posted: a tombstone, a document reversed
     * already, a pending invoice. Empty when the document has to be posted or brought up to date.
     */
    Optional<SyncOutcome> settled(R record);

    /** The documents that must be in Acumatica first, in the order they are posted (the customer first). Pure. */
    List<Dependency> dependencies(R record, Mapping mapping);

    /** The Acumatica document for the record, given the keys of its dependencies. Pure. */
    B map(R record, Resolved resolved, Mapping mapping);

    /** Puts the record into Acumatica (or reverses it), its dependencies being resolved; failures are exceptions. */
    SyncOutcome post(R record, Resolved resolved);

    /** The documents to bring up to date after this one posted (a payment's excess applied to it later). Pure. */
    default List<FollowUp> followUps(R record) {
        return List.of();
    }

    /** Why the record cannot serve as the dependency another document names (a refund naming a refund), or empty. */
    default Optional<String> unfitAsDependency(R record) {
        return Optional.empty();
    }
}
