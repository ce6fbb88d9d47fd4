package io.mlconnector.mapping;

import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.dto.AcuCreditMemoApplication;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.InvoiceTax;
import io.mlconnector.mapping.file.LineAccount;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.PostingAccount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A Chargebee credit note → Acumatica {@code SalesInvoice} of type Credit Memo, applied to the invoices Chargebee
 * allocated it to. Lines post like invoice lines, except a write-off (an adjustment note created with reason
 * "Write Off"), whose lines post to the mapping's write-off account. Pure: the caller passes how to find the
 * Acumatica reference numbers of the invoices Chargebee allocated it to.
 */
public final class CreditNoteMapping {
    /** {@link ArDocumentType#CREDIT_MEMO} on the wire, for code that compares a body's type. */
    public static final String TYPE_CREDIT_MEMO = ArDocumentType.CREDIT_MEMO.wireName();
    /** {@link ArDocumentType#DEBIT_MEMO} on the wire, for code that compares a body's type. */
    public static final String TYPE_DEBIT_MEMO = ArDocumentType.DEBIT_MEMO.wireName();

    private CreditNoteMapping() {}

    public static boolean isWriteOff(ChargebeeCreditNote note) {
        String created = note.createReasonCode() == null ? "" : note.createReasonCode().toLowerCase(Locale.ROOT);
        return "write off".equals(created) || "write_off".equals(note.reasonCode());
    }

    /**
     * @param invoiceReferenceNbr the Acumatica reference number of a Chargebee invoice the note is allocated to; called
     *     once per allocation, so the caller can post that invoice first
     */
    public static AcuSalesInvoice toAcumatica(ChargebeeCreditNote note, String customerId,
                                              Function<String, String> invoiceReferenceNbr, Mapping mapping) {
        String currency = note.currencyCode();
        boolean taxInclusive = "tax_inclusive".equals(note.priceType());
        boolean writeOff = isWriteOff(note);
        // A write-off posts what is written off, net, on the write-off account: its discounts are not reversed.
        List<AcuSalesInvoiceLine> lines = DocumentLines.of(
                note.lineItems() == null ? List.of() : note.lineItems(),
                note.lineItemDiscounts() == null ? List.of() : note.lineItemDiscounts(), currency, taxInclusive,
                InvoiceMapping.nz(note.roundOffAmount()), mapping, item -> {
                    LineAccount account = mapping.itemFor(item.entityType(), item.entityId());
                    if (!writeOff) {
                        return account;
                    }
                    PostingAccount target = mapping.writeOff();
                    return new LineAccount(account.inventoryId(), target.account(), target.subaccount(), target.rule());
                }, !writeOff);
        List<InvoiceTax> chargebeeTaxes = note.taxes() == null ? List.of() : note.taxes();
        Money tax = chargebeeTaxes.stream().map(t -> Money.ofMinor(InvoiceMapping.nz(t.amount()), currency))
                .reduce(Money.zero(currency), Money::plus);
        BigDecimal taxable = lines.stream().map(AcuSalesInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AcuTaxDetail> taxes = InvoiceMapping.taxes(chargebeeTaxes, note.lineItemTaxes(), tax, currency, taxable,
                mapping);
        List<AcuCreditMemoApplication> applications = new ArrayList<>();
        for (ChargebeeCreditNote.Allocation allocation : note.allocations() == null
                ? List.<ChargebeeCreditNote.Allocation>of() : note.allocations()) {
            long allocated = InvoiceMapping.nz(allocation.allocatedAmount());
            if (allocated > 0) {
                applications.add(new AcuCreditMemoApplication(ArDocumentType.INVOICE.wireName(), invoiceReferenceNbr
                        .apply(allocation.invoiceId()), Money.ofMinor(allocated, currency).scaled()));
            }
        }
        return new AcuSalesInvoice(
                ArDocumentType.CREDIT_MEMO.wireName(),
                customerId,
                note.id(),
                note.id(),
                InvoiceMapping.date(note.date(), mapping),
                InvoiceMapping.date(note.date(), mapping),
                currency,
                (writeOff ? "Chargebee write-off " : "Chargebee credit note ") + note.id()
                        + (note.referenceInvoiceId() == null ? "" : " for invoice " + note.referenceInvoiceId()),
                Boolean.FALSE,
                taxes.isEmpty() ? null : Boolean.TRUE,
                lines,
                taxes.isEmpty() ? null : taxes,
                applications.isEmpty() ? null : applications);
    }

    /**
     * The debit memo that reverses a posted credit note voided in Chargebee: the same lines, accounts and taxes as the
     * credit memo, charged back to the customer, so AR and every account the credit memo touched return to where
     * they were. It is left open, as what the note had paid is due again; a later payment Chargebee applies to the
     * reopened invoice pays this memo first (see the worker's payment step).
     */
    public static AcuSalesInvoice reversal(ChargebeeCreditNote voided, String customerId, String externalRef,
                                           Mapping mapping) {
        AcuSalesInvoice memo = toAcumatica(voided, customerId, invoiceId -> invoiceId, mapping);
        return new AcuSalesInvoice(ArDocumentType.DEBIT_MEMO.wireName(), customerId, externalRef, externalRef,
                memo.date(), memo.dueDate(), memo.currency(), "Reversal of voided Chargebee credit note " + voided.id(),
                Boolean.FALSE, memo.isTaxValid(), memo.details(), memo.taxDetails(), null);
    }
}
