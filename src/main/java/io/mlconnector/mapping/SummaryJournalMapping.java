package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuJournalLine;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import io.mlconnector.mapping.file.GlSummary;
import io.mlconnector.mapping.file.Mapping;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary mode of the mapping file ({@code gl_summary.enabled}): one balanced GL journal per period and currency
 * for finance teams that keep AR detail in Chargebee, so nothing in it has an AR document in Acumatica.
 *
 * <ul>
 *   <li>Invoices debit AR and credit revenue (per mapped sales account), tax and rounding, and debit discounts;
 *       credit notes do the opposite, except write-offs, which debit the write-off account instead.</li>
 *   <li>Money that moved: successful payments debit their mapped cash account and credit AR; refunds and payment
 *       reversals (chargebacks, returned debits) credit cash and debit AR. A payment that failed late is not a
 *       successful payment when the period is read, so it does not count.</li>
 * </ul>
 *
 * <p>AR is one net line. Pure: the caller passes the period's closed documents and transactions.
 */
public final class SummaryJournalMapping {
    public static final String MODULE_GL = "GL";

    private SummaryJournalMapping() {}

    /** The description that names the journal, and so the natural key it is looked up by. */
    public static String description(YearMonth period, String currency) {
        return "Chargebee summary " + period + " " + currency;
    }

    /** The whole period's journal in one currency from its documents, as one uninterrupted read sums them. */
    public static AcuJournalTransaction toAcumatica(YearMonth period, String currency, List<ChargebeeInvoice> invoices,
                                                    List<ChargebeeCreditNote> creditNotes,
                                                    List<ChargebeeTransaction> transactions, Mapping mapping) {
        SummarySums sums = SummarySums.empty(currency);
        for (ChargebeeInvoice invoice : invoices) {
            sums = add(sums, invoice, mapping);
        }
        for (ChargebeeCreditNote note : creditNotes) {
            sums = add(sums, note, mapping);
        }
        for (ChargebeeTransaction transaction : transactions) {
            sums = add(sums, transaction, mapping);
        }
        return toJournal(period, sums, mapping);
    }

    /** {@code sums} with a closed invoice added: AR up by its total, its revenue, discounts, tax and rounding. */
    public static SummarySums add(SummarySums sums, ChargebeeInvoice invoice, Mapping mapping) {
        Map<String, Money> credits = new TreeMap<>(); // account → net credit
        Money ar = post(credits, invoice.lineItemsOrEmpty(), orEmpty(invoice.lineItemDiscounts()),
                "tax_inclusive".equals(invoice.priceType()), InvoiceMapping.nz(invoice.tax()),
                InvoiceMapping.nz(invoice.roundOffAmount()), sums.currency(), accounts(mapping), mapping, 1);
        return sums.plus(ar, Map.of(), credits);
    }

    /** {@code sums} with a credit note added: the invoice's postings reversed, or a write-off. */
    public static SummarySums add(SummarySums sums, ChargebeeCreditNote note, Mapping mapping) {
        String currency = sums.currency();
        if (CreditNoteMapping.isWriteOff(note)) {
            // What is written off leaves AR for the write-off account, whatever lines and taxes it had.
            Money total = Money.ofMinor(InvoiceMapping.nz(note.total()), currency);
            return sums.plus(total.negate(), Map.of(), Map.of(mapping.writeOff().account(), total.negate()));
        }
        Map<String, Money> credits = new TreeMap<>();
        long tax = note.taxes() == null ? 0 : note.taxes().stream().mapToLong(t -> InvoiceMapping.nz(t.amount())).sum();
        Money ar = post(credits, orEmpty(note.lineItems()), orEmpty(note.lineItemDiscounts()),
                "tax_inclusive".equals(note.priceType()), tax, InvoiceMapping.nz(note.roundOffAmount()), currency,
                accounts(mapping), mapping, -1);
        return sums.plus(ar, Map.of(), credits);
    }

    /** {@code sums} with money that moved added: cash in (or out) against AR; anything else changes nothing. */
    public static SummarySums add(SummarySums sums, ChargebeeTransaction transaction, Mapping mapping) {
        String currency = sums.currency();
        Money moved = Money.ofMinor(InvoiceMapping.nz(transaction.amount()), currency);
        Money received = switch (cashDirection(transaction)) {
            case 1 -> moved;
            case -1 -> moved.negate();
            default -> Money.zero(currency);
        };
        if (received.isZero()) {
            return sums;
        }
        String cashAccount = mapping.paymentFor(transaction.gatewayAccountId(), transaction.paymentMethod(),
                currency).cashAccount();
        return sums.plus(received.negate(), Map.of(cashAccount, received), Map.of());
    }

    /** The balanced journal that posts {@code sums} for {@code period}: AR, then cash, then the credits. */
    public static AcuJournalTransaction toJournal(YearMonth period, SummarySums sums, Mapping mapping) {
        GlSummary accounts = accounts(mapping);
        String currency = sums.currency();
        List<AcuJournalLine> lines = new ArrayList<>();
        lines.add(line(accounts.arAccount(), accounts.subaccount(), sums.ar(), "Accounts receivable " + period));
        sums.cash().forEach((account, amount) -> lines.add(line(account, accounts.subaccount(), amount,
                "Chargebee payments less refunds " + period)));
        sums.credits().forEach((account, amount) -> lines.add(line(account, accounts.subaccount(), amount.negate(),
                "Chargebee " + period)));
        return new AcuJournalTransaction(MODULE_GL, period.atEndOfMonth(), currency, description(period, currency),
                Boolean.FALSE, lines.stream().filter(l -> l.debitAmount().signum() != 0 || l.creditAmount().signum() != 0)
                .toList());
    }

    private static GlSummary accounts(Mapping mapping) {
        return mapping.glSummary().orElseThrow(() -> new IllegalArgumentException(
                "gl_summary is not enabled in the mapping file"));
    }

    /** Books one document's credits; returns what it adds to AR (its total). */
    private static Money post(Map<String, Money> credits, List<InvoiceLineItem> lines,
                              List<ChargebeeInvoice.LineItemDiscount> discounts, boolean taxInclusive, long taxMinor,
                              long roundOffMinor, String currency, GlSummary accounts, Mapping mapping, int sign) {
        Money total = Money.zero(currency);
        for (InvoiceLineItem item : lines) {
            // The same split as the AR lines: price and discounts each without their share of any included tax.
            DocumentLines.Split split = DocumentLines.split(item, discounts, currency, taxInclusive);
            Money price = sign > 0 ? split.price() : split.price().negate();
            Money discount = sign > 0 ? split.discounted() : split.discounted().negate();
            String revenue = mapping.itemFor(item.entityType(), item.entityId()).salesAccount();
            credits.merge(revenue, price, Money::plus);
            credits.merge(accounts.discountAccount(), discount.negate(), Money::plus);
            total = total.plus(price).minus(discount);
        }
        Money tax = Money.ofMinor(sign * taxMinor, currency);
        credits.merge(accounts.taxAccount(), tax, Money::plus);
        Money roundOff = Money.ofMinor(sign * roundOffMinor, currency);
        credits.merge(mapping.rounding().salesAccount(), roundOff, Money::plus);
        return total.plus(tax).plus(roundOff);
    }

    /** +1 money in (a successful payment), -1 money out (a refund or a payment reversal), 0 nothing moved. */
    public static int cashDirection(ChargebeeTransaction transaction) {
        if (!"success".equals(transaction.status()) || transaction.isDeleted()) {
            return 0;
        }
        return switch (transaction.type() == null ? "" : transaction.type()) {
            case "payment" -> 1;
            case "refund", "payment_reversal" -> -1;
            default -> 0;
        };
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A positive amount debits the account, a negative one credits it. */
    private static AcuJournalLine line(String account, String subaccount, BigDecimal signed, String text) {
        BigDecimal debit = signed.signum() > 0 ? signed : BigDecimal.ZERO;
        BigDecimal credit = signed.signum() < 0 ? signed.negate() : BigDecimal.ZERO;
        return new AcuJournalLine(account, subaccount, debit, credit, text);
    }
}
