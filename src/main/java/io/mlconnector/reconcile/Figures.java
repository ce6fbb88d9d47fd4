package io.mlconnector.reconcile;

import io.mlconnector.mapping.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Running exact sums of one kind of figure per key and currency, on both sides. Not thread-safe; lives in one call. */
final class Figures {
    private record Key(String key, String currency) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::key).thenComparing(Key::currency);

    private final Map<Key, BigDecimal> chargebee = new TreeMap<>(ORDER);
    private final Map<Key, BigDecimal> acumatica = new TreeMap<>(ORDER);

    void chargebee(String key, String currency, BigDecimal amount) {
        chargebee.merge(new Key(key, currency), amount, BigDecimal::add);
    }

    void acumatica(String key, String currency, BigDecimal amount) {
        acumatica.merge(new Key(key, currency), amount, BigDecimal::add);
    }

    /** Every key on either side, both amounts with the currency's decimals; pairs that are zero on both sides dropped. */
    List<Comparison> comparisons() {
        Map<Key, Boolean> keys = new TreeMap<>(ORDER);
        chargebee.keySet().forEach(k -> keys.put(k, true));
        acumatica.keySet().forEach(k -> keys.put(k, true));
        List<Comparison> out = new ArrayList<>();
        for (Key key : keys.keySet()) {
            BigDecimal left = scaled(chargebee.getOrDefault(key, BigDecimal.ZERO), key.currency());
            BigDecimal right = scaled(acumatica.getOrDefault(key, BigDecimal.ZERO), key.currency());
            if (left.signum() != 0 || right.signum() != 0) {
                out.add(new Comparison(key.key(), key.currency(), left, right));
            }
        }
        return out;
    }

    static BigDecimal scaled(BigDecimal amount, String currency) {
        return new Money(amount, currency).scaled();
    }
}
