package io.mlconnector.sandbox.acumatica;

import io.mlconnector.acumatica.ArDocumentType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Auto-numbering of documents: SalesInvoice types (INV000001, CRM000001, ...), AR payments (one sequence shared by
 * Payment, Prepayment and Customer Refund, as Acumatica's AR preferences have a single payment numbering sequence)
 * and GL batches. A number is only taken when a document is actually saved, so a create rejected with 422 leaves no
 * gap, as in Acumatica. Seeds that predate payments and batches get the defaults below. Guarded by the
 * {@link Tenant} lock.
 */
final class DocumentNumbering {

    /** Numbering for document types a seed does not mention. */
    static final Map<String, TenantSeed.Numbering> DEFAULTS = Map.of(
            ArDocumentType.PAYMENT.wireName(), new TenantSeed.Numbering("", 6, "ARPAYMENT"),
            ArDocumentType.PREPAYMENT.wireName(), new TenantSeed.Numbering("", 6, "ARPAYMENT"),
            ArDocumentType.CUSTOMER_REFUND.wireName(), new TenantSeed.Numbering("", 6, "ARPAYMENT"),
            JournalTransactionEndpoint.NUMBERING, new TenantSeed.Numbering("", 6, "GLBATCH"));

    private final Map<String, TenantSeed.Numbering> types;
    private final Map<String, Long> last = new HashMap<>();

    DocumentNumbering(Map<String, TenantSeed.Numbering> seeded) {
        Map<String, TenantSeed.Numbering> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(seeded);
        this.types = Map.copyOf(all);
    }

    boolean hasSequence(String documentType) {
        return types.containsKey(documentType);
    }

    String next(String documentType) {
        TenantSeed.Numbering numbering = types.get(documentType);
        if (numbering == null) {
            throw new IllegalStateException("No numbering sequence for document type " + documentType);
        }
        long number = last.merge(numbering.sequence(), 1L, Long::sum);
        return numbering.prefix() + String.format("%0" + numbering.digits() + "d", number);
    }

    void reset() {
        last.clear();
    }
}
