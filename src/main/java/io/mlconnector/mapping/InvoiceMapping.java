package io.mlconnector.mapping;

import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.dto.AcuCreditMemoApplication;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import io.mlconnector.chargebee.dto.InvoiceTax;
import io.mlconnector.mapping.file.LineAccount;
import io.mlconnector.mapping.file.Mapping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Closed Chargebee invoice → Acumatica {@code SalesInvoice} of type Invoice. Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>One line per Chargebee line item, on the item, sales account and subaccount the mapping file names for its
 *       item price (or entity type, or the default), net of the tax inside tax-inclusive prices; its discounts as
 *       negative lines on the mapped discount accounts, or as Acumatica line discounts (see {@link DocumentLines}).</li>
 *   <li>Chargebee's computed tax is carried as the document's tax (Chargebee is the tax authority), one tax detail per
 *       Acumatica tax id the mapping gives Chargebee's tax names.</li>
 *   <li>A non-zero {@code round_off_amount} becomes a line on the mapping's rounding item and account.</li>
 * </ul>
 */
public final class InvoiceMapping {
    /** {@link ArDocumentType#INVOICE} on the wire, for code that compares a body's type. */
    public static final String TYPE_INVOICE = ArDocumentType.INVOICE.wireName();

    private InvoiceMapping() {}

    public static AcuSalesInvoice toAcumatica(ChargebeeInvoice invoice, String customerId, Mapping mapping) {
        if (invoice.currencyCode() == null) {
            throw new UnmappableRecord("invoice " + invoice.id() + " has no currency_code");
        }
        if (!invoice.isClosed()) {
            throw new IllegalArgumentException("Invoice " + invoice.id() + " is pending and must not be posted");
        }
        String currency = invoice.currencyCode();
        boolean taxInclusive = "tax_inclusive".equals(invoice.priceType());
        List<AcuSalesInvoiceLine> lines = DocumentLines.of(invoice.lineItemsOrEmpty(),
                invoice.lineItemDiscounts() == null ? List.of() : invoice.lineItemDiscounts(), currency, taxInclusive,
                nz(invoice.roundOffAmount()), mapping, item -> mapping.itemFor(item.entityType(), item.entityId()),
                true);
        BigDecimal taxable = lines.stream().map(AcuSalesInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AcuTaxDetail> taxes = taxes(invoice, currency, taxable, mapping);
        return new AcuSalesInvoice(
                ArDocumentType.INVOICE.wireName(),
                customerId,
                invoice.id(),
                invoice.id(),
                date(invoice.date(), mapping),
                date(invoice.dueDate() == null ? invoice.date() : invoice.dueDate(), mapping),
                currency,
                description(invoice),
                Boolean.FALSE,
                taxes.isEmpty() ? null : Boolean.TRUE,
                lines,
                taxes.isEmpty() ? null : taxes,
                null);
    }

    private static List<AcuTaxDetail> taxes(ChargebeeInvoice invoice, String currency, BigDecimal taxable,
                                            Mapping mapping) {
        return taxes(invoice.taxesOrEmpty(), invoice.lineItemTaxes(), Money.ofMinor(nz(invoice.tax()), currency),
                currency, taxable, mapping);
    }

    /**
     * The credit memo that reverses a posted invoice voided in Chargebee: the same lines and taxes, applied in full
     * to the original so its balance goes to zero.
     */
    public static AcuSalesInvoice reversal(AcuSalesInvoice original, String externalRef, String originalReferenceNbr) {
        BigDecimal total = original.details().stream().map(AcuSalesInvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(original.taxDetails() == null ? BigDecimal.ZERO : original.taxDetails().stream()
                        .map(AcuTaxDetail::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new AcuSalesInvoice(ArDocumentType.CREDIT_MEMO.wireName(), original.customerID(), externalRef,
                externalRef, original.date(), original.date(), original.currency(),
                "Reversal of voided Chargebee invoice " + original.externalRef(), Boolean.FALSE, original.isTaxValid(),
                original.details(), original.taxDetails(), List.of(new AcuCreditMemoApplication(
                        ArDocumentType.INVOICE.wireName(), originalReferenceNbr, total)));
    }

    /**
     * Tax per Acumatica tax id, chosen by the Chargebee tax's name or, failing that, its jurisdiction type (which only
     * {@code line_item_taxes[]} carries); when Chargebee's tax lines do not add up to its tax total, the total wins.
     */
    static List<AcuTaxDetail> taxes(List<InvoiceTax> chargebeeTaxes, List<ChargebeeInvoice.LineItemTax> lineTaxes,
                                    Money total, String currency, BigDecimal taxable, Mapping mapping) {
        if (total.isZero()) {
            return List.of();
        }
        Map<String, String> jurisTypeByName = new LinkedHashMap<>();
        for (ChargebeeInvoice.LineItemTax lineTax : lineTaxes == null ? List.<ChargebeeInvoice.LineItemTax>of()
                : lineTaxes) {
            if (lineTax.taxName() != null && lineTax.taxJurisType() != null) {
                jurisTypeByName.putIfAbsent(lineTax.taxName(), lineTax.taxJurisType());
            }
        }
        Map<String, Money> byTaxId = new LinkedHashMap<>();
        for (InvoiceTax tax : chargebeeTaxes) {
            byTaxId.merge(mapping.taxIdFor(tax.name(), jurisTypeByName.get(tax.name())),
                    Money.ofMinor(nz(tax.amount()), currency), Money::plus);
        }
        Money listed = byTaxId.values().stream().reduce(Money.zero(currency), Money::plus);
        if (byTaxId.isEmpty() || !listed.equals(total)) {
            byTaxId = Map.of(mapping.taxIdFor(null, null), total);
        }
        List<AcuTaxDetail> details = new ArrayList<>();
        byTaxId.forEach((taxId, amount) -> details.add(new AcuTaxDetail(taxId, taxable, amount.scaled())));
        return details;
    }

    /** A line that carries its discount as Acumatica's line discount and posts net. */
    static AcuSalesInvoiceLine line(InvoiceLineItem item, Money discount, String currency, LineAccount account,
                                    boolean taxInclusive, Mapping mapping) {
        Money gross = DocumentLines.gross(item, currency);
        Money includedTax = taxInclusive ? Money.ofMinor(nz(item.taxAmount()), currency) : Money.zero(currency);
        Money net = gross.minus(discount).minus(includedTax);
        DocumentLines.Priced priced = DocumentLines.priced(item, net.plus(discount).scaled(), currency);
        return new AcuSalesInvoiceLine(account.inventoryId(), lineDescription(item, mapping) + priced.note(),
                priced.quantity(), priced.unitPrice(), net.scaled(), discount.isZero() ? null : discount.scaled(),
                Boolean.TRUE, discount.isZero() ? null : Boolean.TRUE, account.salesAccount(), account.salesSubaccount());
    }

    /** The line's text and, when it has one, its service period as the site's calendar days. */
    static String lineDescription(InvoiceLineItem item, Mapping mapping) {
        String text = item.description() == null ? item.entityId() : item.description();
        if (item.dateFrom() != null && item.dateTo() != null) {
            text = text + " (" + date(item.dateFrom(), mapping) + " to " + date(item.dateTo(), mapping) + ")";
        }
        return text;
    }

    private static String description(ChargebeeInvoice invoice) {
        return "Chargebee invoice " + invoice.id()
                + (invoice.subscriptionId() == null ? "" : " / subscription " + invoice.subscriptionId());
    }

    /**
     * The calendar day of a Chargebee timestamp at the Chargebee site ({@code site.time_zone} in the mapping file):
     * Chargebee stamps documents as UTC instants, but dates and closes them in the site's time zone.
     */
    static LocalDate date(Instant instant, Mapping mapping) {
        return mapping.siteCalendar().date(instant);
    }

    static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
