package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuJournalLine;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.PostingAccount;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bad-debt provisions: GL journals for an amount that has no AR document. When Chargebee gives up collecting an
 * invoice (status {@code not_paid}: dunning exhausted) the invoice stays open in Acumatica, because the customer still
 * owes it, and a journal debits the bad-debt expense account and credits the allowance for doubtful accounts with the
 * amount due. When the invoice leaves {@code not_paid} (paid, written off, voided, deleted) a second journal reverses
 * it. Each journal's description names the invoice and is its natural key. Pure.
 */
public final class BadDebtMapping {
    private BadDebtMapping() {}

    public static String provisionDescription(String invoiceId) {
        return "Chargebee bad debt provision " + invoiceId;
    }

    public static String releaseDescription(String invoiceId) {
        return "Chargebee bad debt provision release " + invoiceId;
    }

    /** Chargebee stopped collecting it and something is still due. */
    public static boolean isUncollectible(ChargebeeInvoice invoice) {
        return "not_paid".equals(invoice.status()) && InvoiceMapping.nz(invoice.amountDue()) > 0 && !invoice.isDeleted();
    }

    /** Debit bad-debt expense, credit the allowance, with the amount due, dated when Chargebee last changed it. */
    public static AcuJournalTransaction provision(ChargebeeInvoice invoice, Mapping mapping) {
        if (!isUncollectible(invoice)) {
            throw new IllegalArgumentException("Invoice " + invoice.id() + " is " + invoice.status()
                    + "; only a not_paid invoice with an amount due is provided for");
        }
        String allowance = allowance(mapping);
        PostingAccount expense = mapping.badDebt();
        BigDecimal due = Money.ofMinor(InvoiceMapping.nz(invoice.amountDue()), invoice.currencyCode()).scaled();
        String text = "Bad debt provision for Chargebee invoice " + invoice.id();
        return new AcuJournalTransaction(SummaryJournalMapping.MODULE_GL,
                InvoiceMapping.date(invoice.updatedAt() != null ? invoice.updatedAt() : invoice.date(), mapping),
                invoice.currencyCode(), provisionDescription(invoice.id()), Boolean.FALSE, List.of(
                        new AcuJournalLine(expense.account(), expense.subaccount(), due, BigDecimal.ZERO, text),
                        new AcuJournalLine(allowance, expense.subaccount(), BigDecimal.ZERO, due, text)));
    }

    /**
     * The reverse of a provision of {@code provided} (read back from Acumatica, so the release always matches what was
     * provided even if the amount due changed since), dated when the invoice left {@code not_paid}.
     */
    public static AcuJournalTransaction release(ChargebeeInvoice invoice, BigDecimal provided, Mapping mapping) {
        String allowance = allowance(mapping);
        PostingAccount expense = mapping.badDebt();
        String text = "Release of the bad debt provision for Chargebee invoice " + invoice.id() + " (now "
                + (invoice.isDeleted() ? "deleted" : invoice.status()) + ")";
        return new AcuJournalTransaction(SummaryJournalMapping.MODULE_GL,
                InvoiceMapping.date(invoice.updatedAt() != null ? invoice.updatedAt() : invoice.date(), mapping),
                invoice.currencyCode(), releaseDescription(invoice.id()), Boolean.FALSE, List.of(
                        new AcuJournalLine(allowance, expense.subaccount(), provided, BigDecimal.ZERO, text),
                        new AcuJournalLine(expense.account(), expense.subaccount(), BigDecimal.ZERO, provided, text)));
    }

    private static String allowance(Mapping mapping) {
        return mapping.badDebtAllowanceAccount().orElseThrow(() -> new IllegalArgumentException(
                "bad_debt.allowance_account is not set in the mapping file " + mapping.sourceName()));
    }
}
