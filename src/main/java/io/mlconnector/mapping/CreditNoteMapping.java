package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuCreditMemoApplication;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import io.mlconnector.chargebee.dto.InvoiceTax;
import io.mlconnector.mapping.file.LineAccount;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.PostingAccount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Chargebee credit note → Acumatica {@code SalesInvoice} of type Credit Memo, applied to the invoices Chargebee
 * allocated it to. Lines post like invoice lines, except a write-off (an adjustment note created with reason
 * "Write Off"), whose lines post to the mapping's write-off account. Pure: the caller passes the Acumatica reference
 * numbers of the allocated invoices.
 */
public final class CreditNoteMapping {
    public static final String TYPE_CREDIT_MEMO = "Credit Memo";

    private CreditNoteMapping() {}

    /** One allocation: the Acumatica invoice and the amount (minor units) Chargebee allocated to it. */
    public record Allocation(String acumaticaInvoiceNbr, long allocatedMinor) {}

    public static boolean isWriteOff(ChargebeeCreditNote note) {
        String created = note.createReasonCode() == null ? "" : note.createReasonCode().toLowerCase(Locale.ROOT);
        return "write off".equals(created) || "write_off".equals(note.reasonCode());
    }

    public static AcuSalesInvoice toAcumatica(ChargebeeCreditNote note, String customerId, List<Allocation> allocations,
                                              Mapping mapping) {
        String currency = note.currencyCode();
        boolean taxInclusive = "tax_inclusive".equals(note.priceType());
        boolean writeOff = isWriteOff(note);
        List<AcuSalesInvoiceLine> lines = new ArrayList<>();
        for (InvoiceLineItem item : note.lineItems() == null ? List.<InvoiceLineItem>of() : note.lineItems()) {
            LineAccount account = mapping.itemFor(item.entityType(), item.entityId());
            if (writeOff) {
                PostingAccount target = mapping.writeOff();
                account = new LineAccount(account.inventoryId(), target.account(), target.subaccount(), target.rule());
            }
            lines.add(InvoiceMapping.line(item, currency, account, taxInclusive));
        }
        Money roundOff = Money.ofMinor(InvoiceMapping.nz(note.roundOffAmount()), currency);
        if (!roundOff.isZero()) {
            LineAccount rounding = mapping.rounding();
            lines.add(new AcuSalesInvoiceLine(rounding.inventoryId(), "Rounding", BigDecimal.ONE, roundOff.scaled(),
                    roundOff.scaled(), null, Boolean.TRUE, null, rounding.salesAccount(), rounding.salesSubaccount()));
        }
        List<InvoiceTax> chargebeeTaxes = note.taxes() == null ? List.of() : note.taxes();
        Money tax = chargebeeTaxes.stream().map(t -> Money.ofMinor(InvoiceMapping.nz(t.amount()), currency))
                .reduce(Money.zero(currency), Money::plus);
        BigDecimal taxable = lines.stream().map(AcuSalesInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AcuTaxDetail> taxes = InvoiceMapping.taxes(chargebeeTaxes, tax, currency, taxable, mapping);
        List<AcuCreditMemoApplication> applications = new ArrayList<>();
        for (Allocation allocation : allocations) {
            if (allocation.allocatedMinor() > 0) {
                applications.add(new AcuCreditMemoApplication(InvoiceMapping.TYPE_INVOICE,
                        allocation.acumaticaInvoiceNbr(), Money.ofMinor(allocation.allocatedMinor(), currency).scaled()));
            }
        }
        return new AcuSalesInvoice(
                TYPE_CREDIT_MEMO,
                customerId,
                note.id(),
                note.id(),
                InvoiceMapping.date(note.date()),
                InvoiceMapping.date(note.date()),
                currency,
                (writeOff ? "Chargebee write-off " : "Chargebee credit note ") + note.id()
                        + (note.referenceInvoiceId() == null ? "" : " for invoice " + note.referenceInvoiceId()),
                Boolean.FALSE,
                taxes.isEmpty() ? null : Boolean.TRUE,
                lines,
                taxes.isEmpty() ? null : taxes,
                applications.isEmpty() ? null : applications);
    }
}
