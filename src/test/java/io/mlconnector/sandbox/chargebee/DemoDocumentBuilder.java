package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the money part of an invoice or credit note exactly as Chargebee lays it out.
 *
 * <p>Per line: {@code amount = unit_amount × quantity}; a percentage coupon takes {@code round(amount × pct)} off
 * each line ({@code line_item_discounts[]}, summed in {@code discounts[]}); tax is levied per jurisdiction on the
 * discounted amount ({@code line_item_taxes[]}, summed by name in {@code taxes[]}). Tax-exclusive: tax is added on
 * top. Tax-inclusive: line amounts already contain the tax, which is carved out as
 * {@code round(gross × R / (100 + R))}. Header: {@code sub_total = Σ amount},
 * {@code total = sub_total − Σ discounts (+ tax when exclusive)}. Amounts are minor units, rounded half up.
 * The same line spec always yields the same numbers, so a credit note built from a subset of an invoice's lines
 * matches that invoice line for line.
 */
final class DemoDocumentBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One billable line. */
    record LineSpec(String id, String entityType, String entityId, String description, String entityDescription,
            long unitAmount, int quantity, long dateFrom, long dateTo, String pricingModel, String subscriptionId,
            String referenceLineItemId) {

        LineSpec withIds(String newId, String referenceId) {
            return new LineSpec(newId, entityType, entityId, description, entityDescription, unitAmount, quantity,
                    dateFrom, dateTo, pricingModel, subscriptionId, referenceId);
        }
    }

    /** A percentage, document-level coupon. */
    record Coupon(String id, int percent) {
    }

    /**
     * @param exemptReason Chargebee {@code tax_exempt_reason} when nothing is taxed (customer exempt, reverse
     *                     charge), else {@code null} to tax per the region (a region without jurisdictions yields
     *                     {@code region_non_taxable})
     */
    record DocumentSpec(String customerId, List<LineSpec> lines, Coupon coupon, DemoCatalog.TaxRegion region,
            String exemptReason, boolean taxInclusive) {
    }

    private DemoDocumentBuilder() {
    }

    /** The money attributes of the document; the caller adds identity, status and links. */
    static ObjectNode build(DocumentSpec spec) {
        ObjectNode doc = JSON.objectNode();
        ArrayNode lines = JSON.arrayNode();
        ArrayNode lineDiscounts = JSON.arrayNode();
        ArrayNode lineTaxes = JSON.arrayNode();
        Map<String, Long> taxByName = new LinkedHashMap<>();
        Map<String, Double> rateByName = new LinkedHashMap<>();
        long subTotal = 0;
        long discountTotal = 0;
        long taxTotal = 0;
        for (LineSpec lineSpec : spec.lines()) {
            long amount = lineSpec.unitAmount() * lineSpec.quantity();
            long discount = spec.coupon() == null ? 0 : percentOf(amount, spec.coupon().percent());
            List<DemoCatalog.Jurisdiction> jurisdictions = spec.exemptReason() == null
                    ? spec.region().jurisdictions() : List.of();
            List<Long> taxes = taxes(amount - discount, jurisdictions, spec.taxInclusive());
            long lineTax = taxes.stream().mapToLong(Long::longValue).sum();
            lines.add(line(spec, lineSpec, amount, discount, lineTax, jurisdictions));
            if (discount > 0) {
                ObjectNode d = lineDiscounts.addObject();
                d.put("line_item_id", lineSpec.id());
                d.put("discount_type", "document_level_coupon");
                d.put("coupon_id", spec.coupon().id());
                d.put("entity_id", spec.coupon().id());
                d.put("discount_amount", discount);
                d.put("object", "line_item_discount");
            }
            long taxable = spec.taxInclusive() ? amount - discount - lineTax : amount - discount;
            for (int j = 0; j < jurisdictions.size(); j++) {
                DemoCatalog.Jurisdiction juris = jurisdictions.get(j);
                ObjectNode t = lineTaxes.addObject();
                t.put("line_item_id", lineSpec.id());
                t.put("tax_name", juris.taxName());
                t.put("tax_rate", juris.rate());
                t.put("taxable_amount", taxable);
                t.put("tax_amount", taxes.get(j));
                t.put("tax_juris_type", juris.jurisType());
                t.put("tax_juris_name", juris.jurisName());
                t.put("tax_juris_code", juris.jurisCode());
                t.put("object", "line_item_tax");
                taxByName.merge(juris.taxName(), taxes.get(j), Long::sum);
                rateByName.put(juris.taxName(), juris.rate());
            }
            subTotal += amount;
            discountTotal += discount;
            taxTotal += lineTax;
        }
        long total = subTotal - discountTotal + (spec.taxInclusive() ? 0 : taxTotal);
        doc.put("price_type", spec.taxInclusive() ? "tax_inclusive" : "tax_exclusive");
        doc.put("sub_total", subTotal);
        doc.put("tax", taxTotal);
        doc.put("total", total);
        doc.put("round_off_amount", 0);
        doc.set("line_items", lines);
        ArrayNode discounts = doc.putArray("discounts");
        if (discountTotal > 0) {
            ObjectNode d = discounts.addObject();
            d.put("amount", discountTotal);
            d.put("description", spec.coupon().id());
            d.put("entity_type", "document_level_coupon");
            d.put("discount_type", "percentage");
            d.put("entity_id", spec.coupon().id());
            d.put("object", "discount");
        }
        doc.set("line_item_discounts", lineDiscounts);
        ArrayNode taxes = doc.putArray("taxes");
        taxByName.forEach((name, amount) -> {
            ObjectNode t = taxes.addObject();
            t.put("name", name);
            t.put("amount", amount);
            t.put("description", name + " @ " + BigDecimal.valueOf(rateByName.get(name)).stripTrailingZeros()
                    .toPlainString() + "%");
            t.put("object", "tax");
        });
        doc.set("line_item_taxes", lineTaxes);
        return doc;
    }

    private static ObjectNode line(DocumentSpec doc, LineSpec spec, long amount, long discount, long tax,
            List<DemoCatalog.Jurisdiction> jurisdictions) {
        ObjectNode line = JSON.objectNode();
        line.put("id", spec.id());
        if (spec.subscriptionId() != null) {
            line.put("subscription_id", spec.subscriptionId());
        }
        line.put("date_from", spec.dateFrom());
        line.put("date_to", spec.dateTo());
        line.put("unit_amount", spec.unitAmount());
        line.put("quantity", spec.quantity());
        line.put("amount", amount);
        line.put("pricing_model", spec.pricingModel());
        line.put("is_taxed", !jurisdictions.isEmpty());
        line.put("tax_amount", tax);
        line.put("tax_rate", jurisdictions.stream().mapToDouble(DemoCatalog.Jurisdiction::rate).sum());
        if (jurisdictions.isEmpty()) {
            line.put("tax_exempt_reason", doc.exemptReason() != null ? doc.exemptReason() : "region_non_taxable");
        }
        line.put("discount_amount", discount);
        line.put("item_level_discount_amount", 0);
        if (spec.referenceLineItemId() != null) {
            line.put("reference_line_item_id", spec.referenceLineItemId());
        }
        line.put("description", spec.description());
        line.put("entity_description", spec.entityDescription());
        line.put("entity_type", spec.entityType());
        line.put("entity_id", spec.entityId());
        line.put("customer_id", doc.customerId());
        line.put("object", "line_item");
        return line;
    }

    /**
     * Tax per jurisdiction on {@code base}. Exclusive: each rate on the base. Inclusive: the total tax is carved out
     * of the gross first, then split by rate with the last jurisdiction taking the rounding remainder.
     */
    private static List<Long> taxes(long base, List<DemoCatalog.Jurisdiction> jurisdictions, boolean inclusive) {
        List<Long> taxes = new ArrayList<>();
        if (jurisdictions.isEmpty()) {
            return taxes;
        }
        if (!inclusive) {
            jurisdictions.forEach(j -> taxes.add(rate(base, j.rate())));
            return taxes;
        }
        BigDecimal totalRate = BigDecimal.valueOf(jurisdictions.stream()
                .mapToDouble(DemoCatalog.Jurisdiction::rate).sum());
        long totalTax = BigDecimal.valueOf(base).multiply(totalRate)
                .divide(HUNDRED.add(totalRate), 0, RoundingMode.HALF_UP).longValueExact();
        long net = base - totalTax;
        long assigned = 0;
        for (int i = 0; i < jurisdictions.size() - 1; i++) {
            long share = rate(net, jurisdictions.get(i).rate());
            taxes.add(share);
            assigned += share;
        }
        taxes.add(totalTax - assigned);
        return taxes;
    }

    private static long percentOf(long amount, int percent) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(percent))
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static long rate(long base, double ratePercent) {
        return BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(ratePercent))
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
