package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Closed Chargebee invoice → Acumatica {@code SalesInvoice} of type Invoice. Pure: no I/O, no clock. Line amounts are
 * net of line discounts; Chargebee's computed tax is carried as the document's tax (Chargebee is the tax authority).
 */
public final class InvoiceMapping {
    public static final String TYPE_INVOICE = "Invoice";

    private InvoiceMapping() {}

    public static AcuSalesInvoice toAcumatica(ChargebeeInvoice invoice, String customerId, String inventoryId,
                                              String taxId) {
        Objects.requireNonNull(invoice.currencyCode(), "invoice currency");
        if (!invoice.isClosed()) {
            throw new IllegalArgumentException("Invoice " + invoice.id() + " is pending and must not be posted");
        }
        String currency = invoice.currencyCode();
        List<AcuSalesInvoiceLine> lines = new ArrayList<>();
        for (InvoiceLineItem item : invoice.lineItemsOrEmpty()) {
            lines.add(line(item, currency, inventoryId, "tax_inclusive".equals(invoice.priceType())));
        }
        List<AcuTaxDetail> taxes = new ArrayList<>();
        Money tax = Money.ofMinor(nz(invoice.tax()), currency);
        if (!tax.isZero()) {
            BigDecimal taxable = lines.stream().map(AcuSalesInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            taxes.add(new AcuTaxDetail(taxId, taxable, tax.scaled()));
        }
        return new AcuSalesInvoice(
                TYPE_INVOICE,
                customerId,
                invoice.id(),
                invoice.id(),
                date(invoice.date()),
                date(invoice.dueDate() == null ? invoice.date() : invoice.dueDate()),
                currency,
                description(invoice),
                Boolean.FALSE,
                taxes.isEmpty() ? null : Boolean.TRUE,
                lines,
                taxes.isEmpty() ? null : taxes);
    }

    /** With tax-inclusive prices the line's revenue is its amount less discount and the tax inside it. */
    private static AcuSalesInvoiceLine line(InvoiceLineItem item, String currency, String inventoryId,
                                            boolean taxInclusive) {
        Money gross = item.amountInDecimal() != null
                ? Money.ofDecimal(item.amountInDecimal(), currency)
                : Money.ofMinor(nz(item.amount()), currency);
        Money discount = Money.ofMinor(nz(item.discountAmount()) + nz(item.itemLevelDiscountAmount()), currency);
        BigDecimal quantity = item.quantityInDecimal() != null
                ? new BigDecimal(item.quantityInDecimal())
                : BigDecimal.valueOf(item.quantity() == null ? 1 : item.quantity());
        Money unit = item.unitAmountInDecimal() != null
                ? Money.ofDecimal(item.unitAmountInDecimal(), currency)
                : Money.ofMinor(nz(item.unitAmount()), currency);
        Money includedTax = taxInclusive ? Money.ofMinor(nz(item.taxAmount()), currency) : Money.zero(currency);
        return new AcuSalesInvoiceLine(inventoryId, lineDescription(item), quantity, unit.scaled(),
                gross.minus(discount).minus(includedTax).scaled(), discount.isZero() ? null : discount.scaled(), Boolean.TRUE,
                discount.isZero() ? null : Boolean.TRUE, null, null);
    }

    private static String lineDescription(InvoiceLineItem item) {
        String text = item.description() == null ? item.entityId() : item.description();
        if (item.dateFrom() != null && item.dateTo() != null) {
            text = text + " (" + date(item.dateFrom()) + " to " + date(item.dateTo()) + ")";
        }
        return text;
    }

    private static String description(ChargebeeInvoice invoice) {
        return "Chargebee invoice " + invoice.id()
                + (invoice.subscriptionId() == null ? "" : " / subscription " + invoice.subscriptionId());
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
