package io.mlconnector.reconcile;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ResourceReader;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Chargebee's books for a period through the list API: invoices, credit notes and transactions by their
 * {@code date} in the period, deleted ones included, 100 a page. A document whose lines the list truncated
 * ({@code line_items_next_offset}) is read again whole, as summary journals do, so that revenue per account counts
 * every line.
 */
@ApplicationScoped
public class ChargebeeBooksReader {
    private final ChargebeeClient chargebee;

    public ChargebeeBooksReader(ChargebeeClient chargebee) {
        this.chargebee = chargebee;
    }

    public ChargebeeBooks read(Period period) {
        ResourceReader reader = new ResourceReader(chargebee);
        // One window for the whole period: the list pages on by itself, and a failed read is simply run again.
        Duration window = Duration.between(period.start(), period.end());
        List<ChargebeeInvoice> invoices = new ArrayList<>();
        reader.backfill(ChargebeeResource.INVOICES, period.start(), period.end(), window,
                ChargebeeInvoice::updatedAt, invoice -> invoices.add(
                        invoice.lineItemsNextOffset() != null && !invoice.isDeleted()
                                ? chargebee.invoice(invoice.id()) : invoice));
        List<ChargebeeCreditNote> creditNotes = new ArrayList<>();
        reader.backfill(ChargebeeResource.CREDIT_NOTES, period.start(), period.end(), window,
                ChargebeeCreditNote::updatedAt, note -> creditNotes.add(
                        note.isTruncated() && !note.isDeleted() ? chargebee.creditNote(note.id()) : note));
        List<ChargebeeTransaction> transactions = new ArrayList<>();
        reader.backfill(ChargebeeResource.TRANSACTIONS, period.start(), period.end(), window,
                ChargebeeTransaction::updatedAt, transactions::add);
        return new ChargebeeBooks(invoices, creditNotes, transactions);
    }
}
