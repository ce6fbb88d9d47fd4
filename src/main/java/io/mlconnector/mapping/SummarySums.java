package io.mlconnector.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A summary period's exact running sums in one currency, as far as its documents have been read: the AR net, the net
 * debit per cash account (money in less money out) and the net credit per revenue, discount, tax, rounding or
 * write-off account. Adding documents in any order and in any number of parts gives the same sums, so a period read
 * across several invocations posts the journal one uninterrupted read would. Immutable.
 */
public record SummarySums(String currency, BigDecimal ar, SortedMap<String, BigDecimal> cash,
                          SortedMap<String, BigDecimal> credits) {
    private static final String AR = "ar";
    private static final String CASH = "cash:";
    private static final String CREDIT = "credit:";

    public SummarySums {
        Objects.requireNonNull(currency, "currency");
        ar = scaled(Objects.requireNonNull(ar, "ar"), currency);
        cash = scaledCopy(cash, currency);
        credits = scaledCopy(credits, currency);
    }

    public static SummarySums empty(String currency) {
        return new SummarySums(currency, BigDecimal.ZERO, new TreeMap<>(), new TreeMap<>());
    }

    /** These sums with one document's (or transaction's) amounts added. */
    SummarySums plus(Money arDelta, Map<String, Money> cashDelta, Map<String, Money> creditDelta) {
        SortedMap<String, BigDecimal> newCash = new TreeMap<>(cash);
        cashDelta.forEach((account, amount) -> newCash.merge(account, amount.amount(), BigDecimal::add));
        SortedMap<String, BigDecimal> newCredits = new TreeMap<>(credits);
        creditDelta.forEach((account, amount) -> newCredits.merge(account, amount.amount(), BigDecimal::add));
        return new SummarySums(currency, ar.add(arDelta.amount()), newCash, newCredits);
    }

    /**
     * The sums as named amounts, for storing between invocations: {@code ar}, {@code cash:<account>} and
     * {@code credit:<account>}.
     */
    public Map<String, BigDecimal> lines() {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        lines.put(AR, ar);
        cash.forEach((account, amount) -> lines.put(CASH + account, amount));
        credits.forEach((account, amount) -> lines.put(CREDIT + account, amount));
        return lines;
    }

    /** The inverse of {@link #lines()}. */
    public static SummarySums ofLines(String currency, Map<String, BigDecimal> lines) {
        BigDecimal ar = BigDecimal.ZERO;
        SortedMap<String, BigDecimal> cash = new TreeMap<>();
        SortedMap<String, BigDecimal> credits = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> line : lines.entrySet()) {
            String name = line.getKey();
            if (name.equals(AR)) {
                ar = line.getValue();
            } else if (name.startsWith(CASH)) {
                cash.put(name.substring(CASH.length()), line.getValue());
            } else if (name.startsWith(CREDIT)) {
                credits.put(name.substring(CREDIT.length()), line.getValue());
            } else {
                throw new IllegalArgumentException("not a summary line: " + name);
            }
        }
        return new SummarySums(currency, ar, cash, credits);
    }

    /** With at least the currency's decimals (a stored number comes back without trailing zeros), never rounded. */
    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return new Money(amount, currency).scaled();
    }

    private static SortedMap<String, BigDecimal> scaledCopy(Map<String, BigDecimal> amounts, String currency) {
        SortedMap<String, BigDecimal> copy = new TreeMap<>();
        Objects.requireNonNull(amounts, "amounts").forEach((account, amount) -> copy.put(account,
                scaled(amount, currency)));
        return java.util.Collections.unmodifiableSortedMap(copy);
    }
}
