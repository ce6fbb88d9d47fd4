package io.mlconnector.reconcile;

import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import java.util.List;

/** Chargebee's documents dated in a period, deleted ones included, every invoice and credit note with all its lines. */
public record ChargebeeBooks(List<ChargebeeInvoice> invoices, List<ChargebeeCreditNote> creditNotes,
                             List<ChargebeeTransaction> transactions) {
    public ChargebeeBooks {
        invoices = List.copyOf(invoices);
        creditNotes = List.copyOf(creditNotes);
        transactions = List.copyOf(transactions);
    }
}
