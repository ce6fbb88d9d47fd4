package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;

/**
 * Defaults and totals of a {@code SalesInvoice}, recomputed after every change, the way the SO303000 graph fills a
 * document in.
 *
 * <ul>
 *   <li>Header: Type defaults to Invoice, Hold to false; Status is On Hold or Balanced until released; Currency
 *       defaults to the customer's; Date and DueDate are kept as dates (DueDate defaults to Date: no credit terms
 *       are simulated).</li>
 *   <li>Lines: LineNbr numbered, Qty 1, UnitPrice from the item's DefaultPrice, UOM/TaxCategory/description, sales
 *       Account and SubAccount from the non-stock item (else the customer class's sales account and the default
 *       subaccount), NoteID = line id. Amount = Qty × UnitPrice − DiscountAmount, rounded to the currency's
 *       precision (half away from zero), unless the request set the line's Amount itself.</li>
 *   <li>Totals: DetailTotal = Σ line Amount; TaxTotal = Σ TaxDetails TaxAmount (no tax engine: taxes exist only if
 *       sent); Amount = DetailTotal + TaxTotal; Balance = Amount until payments exist.</li>
 * </ul>
 */
final class SalesInvoiceCalculator {

    private final ReferenceData reference;
    private final TenantSeed seed;
    private final EndpointContext ctx;

    SalesInvoiceCalculator(ReferenceData reference, TenantSeed seed, EndpointContext ctx) {
        this.reference = reference;
        this.seed = seed;
        this.ctx = ctx;
    }

    /**
     * @param explicitAmountLines ids of lines whose Amount was set by the request being applied
     * @param customer            the invoice's customer, if it exists
     */
    void recompute(ObjectNode invoice, Optional<ObjectNode> customer, Set<String> explicitAmountLines) {
        ValueObjects.setIfAbsent(invoice, "Type", ArDocumentType.INVOICE.wireName());
        if (ValueObjects.value(invoice, "Hold").isEmpty()) {
            ValueObjects.set(invoice, "Hold", false);
        }
        if (!isReleased(invoice)) {
            ValueObjects.set(invoice, "Status", (ValueObjects.bool(invoice, "Hold").orElse(false)
                    ? ArDocumentStatus.ON_HOLD : ArDocumentStatus.BALANCED).wireName());
        }
        customer.flatMap(c -> ValueObjects.text(c, "CurrencyID"))
                .ifPresent(currency -> ValueObjects.setIfAbsent(invoice, "Currency", currency));
        ValueObjects.setIfAbsent(invoice, "Currency", seed.baseCurrency());
        truncateToDate(invoice, "Date");
        ValueObjects.text(invoice, "Date").ifPresent(date -> ValueObjects.setIfAbsent(invoice, "DueDate", date));
        truncateToDate(invoice, "DueDate");

        int precision = precisionOf(ValueObjects.text(invoice, "Currency").orElse(seed.baseCurrency()));
        Optional<ObjectNode> customerClass = customer.flatMap(c -> reference.find("CustomerClass",
                ValueObjects.text(c, "CustomerClass").orElse(null)));

        BigDecimal detailTotal = BigDecimal.ZERO.setScale(precision);
        int lastLineNbr = 0;
        for (JsonNode node : invoice.path("Details")) {
            lastLineNbr = Math.max(lastLineNbr, ValueObjects.decimal(node, "LineNbr").map(BigDecimal::intValue)
                    .orElse(0));
        }
        for (JsonNode node : invoice.path("Details")) {
            ObjectNode line = (ObjectNode) node;
            if (ValueObjects.value(line, "LineNbr").isEmpty()) {
                ValueObjects.set(line, "LineNbr", ++lastLineNbr);
            }
            detailTotal = detailTotal.add(recomputeLine(line, customerClass, precision,
                    explicitAmountLines.contains(line.path("id").asText())));
        }
        BigDecimal taxTotal = BigDecimal.ZERO.setScale(precision);
        for (JsonNode tax : invoice.path("TaxDetails")) {
            BigDecimal amount = round(ValueObjects.decimal(tax, "TaxAmount").orElse(BigDecimal.ZERO), precision);
            ValueObjects.set((ObjectNode) tax, "TaxAmount", amount);
            taxTotal = taxTotal.add(amount);
        }
        BigDecimal amount = detailTotal.add(taxTotal);
        ValueObjects.set(invoice, "DetailTotal", detailTotal);
        ValueObjects.set(invoice, "TaxTotal", taxTotal);
        ValueObjects.set(invoice, "Amount", amount);
        if (!isReleased(invoice)) {
            ValueObjects.set(invoice, "Balance", amount);
        }
    }

    /** Released: Open (a balance left) or Closed (paid). */
    static boolean isReleased(ObjectNode invoice) {
        return status(invoice).filter(s -> s == ArDocumentStatus.OPEN || s == ArDocumentStatus.CLOSED).isPresent();
    }

    /** A document's Status, when it is one the sandbox knows. */
    static Optional<ArDocumentStatus> status(ObjectNode invoice) {
        return ValueObjects.text(invoice, "Status").flatMap(ArDocumentStatus::fromWire);
    }

    int precisionOf(String currency) {
        return reference.find("Currency", currency)
                .flatMap(c -> ValueObjects.decimal(c, "DecimalPrecision"))
                .map(BigDecimal::intValue).orElse(2);
    }

    private BigDecimal recomputeLine(ObjectNode line, Optional<ObjectNode> customerClass, int precision,
                                     boolean explicitAmount) {
        Optional<ObjectNode> item = reference.find("NonStockItem",
                ValueObjects.text(line, "InventoryID").orElse(null));
        if (ValueObjects.value(line, "Qty").isEmpty()) {
            ValueObjects.set(line, "Qty", BigDecimal.ONE);
        }
        BigDecimal qty = ValueObjects.decimal(line, "Qty").orElse(BigDecimal.ONE);
        BigDecimal discount = ValueObjects.decimal(line, "DiscountAmount").orElse(BigDecimal.ZERO);
        if (ValueObjects.value(line, "UnitPrice").isEmpty()) {
            BigDecimal unitPrice = explicitAmount && qty.signum() != 0
                    ? ValueObjects.decimal(line, "Amount").orElse(BigDecimal.ZERO).add(discount)
                            .divide(qty, 6, RoundingMode.HALF_UP)
                    : item.flatMap(i -> ValueObjects.decimal(i, "DefaultPrice")).orElse(BigDecimal.ZERO);
            ValueObjects.set(line, "UnitPrice", unitPrice);
        }
        BigDecimal amount = explicitAmount
                ? ValueObjects.decimal(line, "Amount").orElse(BigDecimal.ZERO)
                : qty.multiply(ValueObjects.decimal(line, "UnitPrice").orElse(BigDecimal.ZERO)).subtract(discount);
        amount = round(amount, precision);
        ValueObjects.set(line, "Amount", amount);
        if (ValueObjects.value(line, "DiscountAmount").isEmpty()) {
            ValueObjects.set(line, "DiscountAmount", BigDecimal.ZERO.setScale(precision));
        }
        item.ifPresent(i -> {
            ValueObjects.text(i, "BaseUnit").ifPresent(uom -> ValueObjects.setIfAbsent(line, "UOM", uom));
            ValueObjects.text(i, "TaxCategory").ifPresent(tc -> ValueObjects.setIfAbsent(line, "TaxCategory", tc));
            ValueObjects.text(i, "Description")
                    .ifPresent(d -> ValueObjects.setIfAbsent(line, "TransactionDescr", d));
        });
        ValueObjects.setIfAbsent(line, "Account", item.flatMap(i -> ValueObjects.text(i, "SalesAccount"))
                .or(() -> customerClass.flatMap(c -> ValueObjects.text(c, "SalesAccount"))).orElse(null));
        ValueObjects.setIfAbsent(line, "SubAccount", item.flatMap(i -> ValueObjects.text(i, "SalesSubaccount"))
                .orElse(seed.defaultSubaccount()));
        ValueObjects.setIfAbsent(line, "NoteID", line.path("id").asText(null));
        return amount;
    }

    private void truncateToDate(ObjectNode record, String field) {
        ValueObjects.text(record, field).flatMap(text -> ValueObjects.parseDate(text, ctx.userTimeZone()))
                .ifPresent(date -> ValueObjects.set(record, field, ValueObjects.formatDate(date, ctx.userTimeZone())));
    }

    private static BigDecimal round(BigDecimal value, int precision) {
        return value.setScale(precision, RoundingMode.HALF_UP);
    }
}
