package io.mlconnector.sync;

import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.mapping.AcumaticaReferences;
import java.util.Map;
import java.util.Optional;

/**
 * The Acumatica keys of a document's dependencies, once the worklist has posted what it could: customers by their
 * CustomerID, other documents as "Type/ReferenceNbr". A lookup is pure; a dependency that could not post makes the
 * document that needs it wait, with that dependency's reason ({@link MissingReference}, so it is held).
 */
public final class Resolved implements AcumaticaReferences {
    private final Map<DocumentRef, String> keys;
    private final Map<DocumentRef, SyncOutcome> outcomes;
    private final Map<DocumentRef, ChargebeeRecord> records;

    /**
     * @param keys     the Acumatica key of each dependency that is in Acumatica
     * @param outcomes what happened to each dependency the worklist tried to post
     * @param records  the Chargebee records the worklist read for them
     */
    public Resolved(Map<DocumentRef, String> keys, Map<DocumentRef, SyncOutcome> outcomes,
                    Map<DocumentRef, ChargebeeRecord> records) {
        this.keys = Map.copyOf(keys);
        this.outcomes = Map.copyOf(outcomes);
        this.records = Map.copyOf(records);
    }

    /** The Acumatica key of a dependency, or the reason it cannot be had yet (the document is held). */
    public String key(DocumentRef document) {
        String key = keys.get(document);
        if (key != null) {
            return key;
        }
        throw new MissingReference(describe(document) + " cannot post yet: " + Optional.ofNullable(
                outcomes.get(document)).map(Resolved::reason).orElse("it is not in Acumatica"));
    }

    /** The Acumatica CustomerID of a Chargebee customer. */
    public String customerId(String chargebeeCustomerId) {
        return key(new DocumentRef(DocumentKind.CUSTOMER, chargebeeCustomerId));
    }

    @Override
    public String invoice(String chargebeeInvoiceId) {
        return referenceNbr(key(new DocumentRef(DocumentKind.INVOICE, chargebeeInvoiceId)));
    }

    @Override
    public String creditNote(String chargebeeCreditNoteId) {
        return referenceNbr(key(new DocumentRef(DocumentKind.CREDIT_NOTE, chargebeeCreditNoteId)));
    }

    @Override
    public String payment(String chargebeeTransactionId) {
        return referenceNbr(key(new DocumentRef(DocumentKind.TRANSACTION, chargebeeTransactionId)));
    }

    /** What happened to a dependency this worklist tried to post; empty when it was in Acumatica already. */
    public Optional<SyncOutcome> outcomeOf(DocumentRef document) {
        return Optional.ofNullable(outcomes.get(document));
    }

    /** Chargebee's current record of a dependency, when the worklist read it. */
    public Optional<ChargebeeRecord> recordOf(DocumentRef document) {
        return Optional.ofNullable(records.get(document));
    }

    /** The Chargebee invoice whose Acumatica invoice has this reference number, among the dependencies. */
    public Optional<String> chargebeeInvoiceOf(String referenceNbr) {
        return keys.entrySet().stream()
                .filter(entry -> entry.getKey().kind() == DocumentKind.INVOICE
                        && referenceNbr.equals(referenceNbr(entry.getValue())))
                .map(entry -> entry.getKey().id()).findFirst();
    }

    /** "Invoice/INV000001" → "INV000001". */
    static String referenceNbr(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    static String describe(DocumentRef document) {
        return document.kind().resourceType().replace('_', ' ') + " " + document.id();
    }

    static String reason(SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Held held) {
            return held.reason();
        }
        if (outcome instanceof SyncOutcome.Skipped skipped) {
            return skipped.reason();
        }
        if (outcome instanceof SyncOutcome.RetryLater retry) {
            return retry.reason();
        }
        return outcome.name();
    }
}
