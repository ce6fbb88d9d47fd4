package io.mlconnector.reconcile;

import io.mlconnector.acumatica.dto.CustomerRow;
import io.mlconnector.acumatica.dto.PaymentRow;
import io.mlconnector.acumatica.dto.SalesDocumentRow;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small typed Chargebee records and Acumatica rows for reconciliation tests; amounts as the APIs send them. */
final class Books {
    static final Instant MAY_10 = Instant.parse("2026-05-10T12:00:00Z");
    static final String MAY_10_ACUMATICA = "2026-05-10T00:00:00+00:00";

    private Books() {}

    /** A tax-exclusive invoice with one line per amount (minor units), all on the plan item price {@code entity}. */
    static ChargebeeInvoice invoice(String id, String customer, String currency, String status, long amountDue,
                                    String entity, long... lineAmounts) {
        List<InvoiceLineItem> lines = new java.util.ArrayList<>();
        long total = 0;
        for (int i = 0; i < lineAmounts.length; i++) {
            total += lineAmounts[i];
            lines.add(new InvoiceLineItem(id + "-li" + i, null, null, lineAmounts[i], 1, lineAmounts[i], 0L, 0L, 0L,
                    false, "line " + i, "plan_item_price", entity, null, null, null));
        }
        return new ChargebeeInvoice(id, customer, null, status, "tax_exclusive", currency, null, MAY_10, MAY_10, null,
                total, 0L, total, total - amountDue, 0L, 0L, 0L, amountDue, null, null, null, null, lines, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), false, MAY_10, 1L);
    }

    static ChargebeeCreditNote creditNote(String id, String customer, String currency, String status, long total,
                                          long available, String entity) {
        InvoiceLineItem line = new InvoiceLineItem(id + "-li0", null, null, total, 1, total, 0L, 0L, 0L, false,
                "credit", "plan_item_price", entity, null, null, null);
        return new ChargebeeCreditNote(id, customer, null, null, "refundable", "other", "other", status,
                "tax_exclusive", currency, MAY_10, total, total, 0L, total - available, available, null,
                List.of(line), null, List.of(), List.of(), List.of(), List.of(), List.of(), null, false, MAY_10, 1L);
    }

    static ChargebeeTransaction payment(String id, String customer, String currency, String status, long amount,
                                        long unused) {
        return new ChargebeeTransaction(id, customer, null, "payment", status, "card", "stripe", "gw_1", null, null,
                currency, null, MAY_10, amount, unused, null, null, null, List.of(), List.of(), false, MAY_10, 1L);
    }

    static SalesDocumentRow acuInvoice(String nbr, String externalRef, String customer, String currency, String amount,
                                       String balance, String status, String account, String... lineAmounts) {
        return acuSales("Invoice", nbr, externalRef, customer, currency, amount, balance, status, account,
                lineAmounts);
    }

    static SalesDocumentRow acuSales(String type, String nbr, String externalRef, String customer, String currency,
                                     String amount, String balance, String status, String account,
                                     String... lineAmounts) {
        List<SalesDocumentRow.Line> lines = java.util.Arrays.stream(lineAmounts)
                .map(a -> new SalesDocumentRow.Line(account, new BigDecimal(a))).toList();
        return new SalesDocumentRow("guid-" + nbr, type, nbr, externalRef, customer, currency, new BigDecimal(amount),
                new BigDecimal(balance), status, MAY_10_ACUMATICA, lines);
    }

    static PaymentRow acuPayment(String nbr, String externalRef, String customer, String currency, String amount,
                                 String available, String status) {
        return new PaymentRow("guid-" + nbr, "Payment", nbr, externalRef, customer, currency, new BigDecimal(amount),
                new BigDecimal(available), status, MAY_10_ACUMATICA);
    }

    static CustomerRow customer(String acumaticaId, String chargebeeId) {
        return new CustomerRow("guid-" + acumaticaId, acumaticaId, chargebeeId);
    }
}
