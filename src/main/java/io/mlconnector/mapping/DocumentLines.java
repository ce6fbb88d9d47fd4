package io.mlconnector.mapping;

import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.chargebee.dto.ChargebeeInvoice.LineItemDiscount;
import io.mlconnector.chargebee.dto.InvoiceLineItem;
import io.mlconnector.mapping.file.DiscountPosting;
import io.mlconnector.mapping.file.LineAccount;
import io.mlconnector.mapping.file.Mapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The Acumatica lines of one Chargebee invoice or credit note. Pure.
 *
 * <ul>
 *   <li>Each line item becomes a line on the item, account and subaccount {@code accountOf} gives it, net of the tax
 *       inside a tax-inclusive price.</li>
 *   <li>With {@code discounts.posting: discount_lines} (the default) the line carries its full price, and its discounts
 *       ({@code line_item_discounts[]}, by type) become negative lines on the accounts the mapping's {@code discounts}
 *       section names, one per account. In a tax-inclusive document the included tax is shared between the price and
 *       its discounts in proportion, so both post without tax and the document still adds up to the cent. With
 *       {@code line_discount}, or when {@code separateDiscounts} is false (a write-off), the discount stays on the line
 *       as Acumatica's line discount and the line posts net.</li>
 *   <li>A non-zero {@code round_off_amount} becomes a line on the mapping's rounding item and account.</li>
 * </ul>
 */
final class DocumentLines {
    private DocumentLines() {}

    /** The discounts of one line, by type (null when Chargebee does not say), in minor units. */
    record Discount(String type, String label, Money amount) {}

    /** One negative line per discount account, in the order the discounts first appear. */
    private record DiscountKey(String inventoryId, String account, String subaccount) {}

    static List<AcuSalesInvoiceLine> of(List<InvoiceLineItem> items, List<LineItemDiscount> discounts, String currency,
                                        boolean taxInclusive, long roundOffMinor, Mapping mapping,
                                        Function<InvoiceLineItem, LineAccount> accountOf, boolean separateDiscounts) {
        boolean discountLines = separateDiscounts && mapping.discountPosting() == DiscountPosting.DISCOUNT_LINES;
        List<AcuSalesInvoiceLine> lines = new ArrayList<>();
        Map<DiscountKey, Money> discountTotals = new LinkedHashMap<>();
        Map<DiscountKey, Set<String>> discountLabels = new LinkedHashMap<>();
        for (InvoiceLineItem item : items) {
            LineAccount account = accountOf.apply(item);
            if (!discountLines) {
                lines.add(InvoiceMapping.line(item, discountOf(item, discounts, currency), currency, account,
                        taxInclusive, mapping));
                continue;
            }
            Split split = split(item, discounts, currency, taxInclusive);
            for (Discount discount : split.discounts()) {
                LineAccount target = mapping.discountFor(discount.type());
                DiscountKey key = new DiscountKey(target.inventoryId(), target.salesAccount(), target.salesSubaccount());
                discountTotals.merge(key, discount.amount(), Money::plus);
                discountLabels.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(discount.label());
            }
            BigDecimal amount = split.price().scaled();
            Priced priced = priced(item, amount, currency);
            lines.add(new AcuSalesInvoiceLine(account.inventoryId(), InvoiceMapping.lineDescription(item, mapping)
                    + priced.note(), priced.quantity(), priced.unitPrice(), amount, null, Boolean.TRUE, null,
                    account.salesAccount(), account.salesSubaccount()));
        }
        discountTotals.forEach((key, amount) -> {
            if (!amount.isZero()) {
                BigDecimal negative = amount.scaled().negate();
                lines.add(new AcuSalesInvoiceLine(key.inventoryId(), "Discount: " + String.join(", ",
                        discountLabels.get(key)), BigDecimal.ONE, negative, negative, null, Boolean.TRUE, null,
                        key.account(), key.subaccount()));
            }
        });
        Money roundOff = Money.ofMinor(roundOffMinor, currency);
        if (!roundOff.isZero()) {
            LineAccount rounding = mapping.rounding();
            lines.add(new AcuSalesInvoiceLine(rounding.inventoryId(), "Rounding", BigDecimal.ONE, roundOff.scaled(),
                    roundOff.scaled(), null, Boolean.TRUE, null, rounding.salesAccount(), rounding.salesSubaccount()));
        }
        return lines;
    }

    /**
     * The line's discounts as {@code line_item_discounts[]} lists them, by type. Without that list (older records, or
     * a site that omits it) the line's own total is one discount of unknown type, which posts on
     * {@code discounts.default}. That total is {@code discount_amount} ("total discounts for this line", which
     * Chargebee documents as including the item-level ones in {@code item_level_discount_amount}); the larger of the
     * two is taken, so a record that fills only the item-level field still balances.
     */
    static List<Discount> discountsOf(InvoiceLineItem item, List<LineItemDiscount> discounts, String currency) {
        List<Discount> listed = new ArrayList<>();
        for (LineItemDiscount discount : discounts) {
            if (item.id() != null && item.id().equals(discount.lineItemId()) && discount.discountAmount() != null
                    && discount.discountAmount() != 0) {
                String label = Objects.requireNonNullElse(discount.couponId(), Objects.requireNonNullElse(
                        discount.discountType(), "discount"));
                listed.add(new Discount(discount.discountType(), label,
                        Money.ofMinor(discount.discountAmount(), currency)));
            }
        }
        if (!listed.isEmpty()) {
            return listed;
        }
        long total = Math.max(InvoiceMapping.nz(item.discountAmount()), InvoiceMapping.nz(item.itemLevelDiscountAmount()));
        return total == 0 ? List.of() : List.of(new Discount(null, "discount", Money.ofMinor(total, currency)));
    }

    /** The line's total discount (see {@link #discountsOf}). */
    static Money discountOf(InvoiceLineItem item, List<LineItemDiscount> discounts, String currency) {
        return discountsOf(item, discounts, currency).stream().map(Discount::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    /** One line's price and its discounts, each without its share of the tax inside a tax-inclusive price. */
    record Split(Money price, List<Discount> discounts) {
        Money discounted() {
            return discounts.stream().map(Discount::amount).reduce(Money.zero(price.currency()), Money::plus);
        }
    }

    /**
     * Splits a line into its price and its discounts, both without tax: the included tax is shared between them in
     * proportion (tax × discount / (price − discounts), half-even to the currency's decimals), so price − discounts
     * is exactly Chargebee's net. Used by the AR lines and by summary mode alike.
     */
    static Split split(InvoiceLineItem item, List<LineItemDiscount> discounts, String currency, boolean taxInclusive) {
        Money gross = gross(item, currency);
        Money includedTax = taxInclusive ? Money.ofMinor(InvoiceMapping.nz(item.taxAmount()), currency)
                : Money.zero(currency);
        List<Discount> lineDiscounts = discountsOf(item, discounts, currency);
        Money discounted = lineDiscounts.stream().map(Discount::amount).reduce(Money.zero(currency), Money::plus);
        Money taxOnDiscounts = Money.zero(currency);
        List<Discount> withoutTax = new ArrayList<>();
        for (Discount discount : lineDiscounts) {
            Money taxShare = includedTax.share(discount.amount(), gross.minus(discounted));
            taxOnDiscounts = taxOnDiscounts.plus(taxShare);
            withoutTax.add(new Discount(discount.type(), discount.label(), discount.amount().minus(taxShare)));
        }
        return new Split(gross.minus(includedTax).minus(taxOnDiscounts), withoutTax);
    }

    /** Quantity and unit price of a line, and a note for its description when the quantity had to be folded in. */
    record Priced(BigDecimal quantity, BigDecimal unitPrice, String note) {}

    /**
     * The quantity and unit price that make Acumatica's own arithmetic (Qty × UnitPrice, rounded to the currency)
     * give exactly {@code extended}: Chargebee's unit price when it does; else the amount over the quantity to six
     * decimals (the price without the tax inside it, or a tiered price's average); else, when no six-decimal price
     * can (30,000 units of 0.003333...), quantity 1 at the amount, with the real quantity in the description.
     *
     * @param extended the line's amount before any Acumatica line discount
     */
    static Priced priced(InvoiceLineItem item, BigDecimal extended, String currency) {
        BigDecimal quantity = quantity(item);
        BigDecimal chargebee = (item.unitAmountInDecimal() != null
                ? Money.ofDecimal(item.unitAmountInDecimal(), currency)
                : Money.ofMinor(InvoiceMapping.nz(item.unitAmount()), currency)).scaled();
        int exponent = Money.exponent(currency);
        if (chargebee.scale() <= UNIT_PRICE_DECIMALS
                && extendedPrice(quantity, chargebee, exponent).compareTo(extended) == 0) {
            return new Priced(quantity, chargebee, "");
        }
        if (quantity.signum() != 0) {
            BigDecimal average = extended.divide(quantity, UNIT_PRICE_DECIMALS, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            average = average.scale() < exponent ? average.setScale(exponent) : average;
            if (extendedPrice(quantity, average, exponent).compareTo(extended) == 0) {
                return new Priced(quantity, average, "");
            }
        }
        return new Priced(BigDecimal.ONE, extended, " (quantity " + quantity.stripTrailingZeros().toPlainString() + ")");
    }

    static Money gross(InvoiceLineItem item, String currency) {
        return item.amountInDecimal() != null
                ? Money.ofDecimal(item.amountInDecimal(), currency)
                : Money.ofMinor(InvoiceMapping.nz(item.amount()), currency);
    }

    static BigDecimal quantity(InvoiceLineItem item) {
        return item.quantityInDecimal() != null
                ? new BigDecimal(item.quantityInDecimal())
                : BigDecimal.valueOf(item.quantity() == null ? 1 : item.quantity());
    }

    /** Acumatica's Qty × UnitPrice, rounded to the currency's decimals. */
    static BigDecimal extendedPrice(BigDecimal quantity, BigDecimal unitPrice, int exponent) {
        return quantity.multiply(unitPrice).setScale(exponent, java.math.RoundingMode.HALF_UP);
    }

    /** Acumatica keeps unit prices to at most six decimals (Decimal Places for prices, CS101000). */
    static final int UNIT_PRICE_DECIMALS = 6;
}
