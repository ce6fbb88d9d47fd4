package io.mlconnector.sandbox.acumatica;

import java.util.HashMap;
import java.util.Map;

/**
 * Auto-numbering sequences of SalesInvoice types (INV000001, CRM000001, ...). A number is only taken when a
 * document is actually saved, so a create rejected with 422 leaves no gap, as in Acumatica. Guarded by the
 * {@link Tenant} lock.
 */
final class DocumentNumbering {

    private final Map<String, TenantSeed.Numbering> sequences;
    private final Map<String, Long> last = new HashMap<>();

    DocumentNumbering(Map<String, TenantSeed.Numbering> sequences) {
        this.sequences = Map.copyOf(sequences);
    }

    boolean hasSequence(String documentType) {
        return sequences.containsKey(documentType);
    }

    String next(String documentType) {
        TenantSeed.Numbering sequence = sequences.get(documentType);
        if (sequence == null) {
            throw new IllegalStateException("No numbering sequence for document type " + documentType);
        }
        long number = last.merge(documentType, 1L, Long::sum);
        return sequence.prefix() + String.format("%0" + sequence.digits() + "d", number);
    }

    void reset() {
        last.clear();
    }
}
