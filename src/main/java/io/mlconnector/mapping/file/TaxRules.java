package io.mlconnector.mapping.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code taxes}: the Acumatica tax that carries each Chargebee line tax. Precedence: {@code by_tax_name} (exact
 * tax_name) > {@code by_juris_type} (tax_juris_type) > {@code default_tax_id}.
 */
final class TaxRules {
    private final SourcedCode defaultTax;
    private final Map<String, SourcedCode> byTaxName;
    private final Map<String, SourcedCode> byJurisType;

    private TaxRules(SourcedCode defaultTax, Map<String, SourcedCode> byTaxName, Map<String, SourcedCode> byJurisType) {
        this.defaultTax = defaultTax;
        this.byTaxName = Map.copyOf(byTaxName);
        this.byJurisType = Map.copyOf(byJurisType);
    }

    static Optional<TaxRules> read(MapReader root) {
        return root.required("taxes", "add a taxes section; at least taxes.default_tax_id is needed")
                .flatMap(root::map)
                .flatMap(taxes -> {
                    Optional<SourcedCode> defaultTax = taxes.required("default_tax_id", "add the Acumatica tax that"
                            + " carries every Chargebee tax no other rule matches, e.g. default_tax_id: CBTAX")
                            .flatMap(e -> taxes.code(e, Reference.Kind.TAX));
                    Map<String, SourcedCode> byTaxName = taxTable(taxes, "by_tax_name",
                            KeyRule.chargebeeValue("a Chargebee tax_name"));
                    Map<String, SourcedCode> byJurisType = taxTable(taxes, "by_juris_type",
                            KeyRule.oneOf(ChargebeeVocabulary.TAX_JURISDICTION_TYPES, "Chargebee tax_juris_type"));
                    taxes.finish();
                    return defaultTax.map(d -> new TaxRules(d, byTaxName, byJurisType));
                });
    }

    private static Map<String, SourcedCode> taxTable(MapReader taxes, String key, KeyRule keyRule) {
        Map<String, SourcedCode> table = new LinkedHashMap<>();
        taxes.optional(key).flatMap(taxes::map).ifPresent(map -> {
            for (YamlNode.Entry entry : map.entries()) {
                if (keyRule.accepts(entry, map.childPath(entry.key()), map.problems())) {
                    map.code(entry, Reference.Kind.TAX).ifPresent(code -> table.put(entry.key(), code));
                }
            }
            map.finish();
        });
        return table;
    }

    /** Null arguments skip the level that keys on them. */
    String resolve(String taxName, String jurisType) {
        SourcedCode byName = taxName == null ? null : byTaxName.get(taxName);
        if (byName != null) {
            return byName.value();
        }
        SourcedCode byJuris = jurisType == null ? null : byJurisType.get(jurisType);
        return byJuris != null ? byJuris.value() : defaultTax.value();
    }

    Stream<SourcedCode> codes() {
        return Stream.of(Stream.of(defaultTax), byTaxName.values().stream(), byJurisType.values().stream())
                .flatMap(s -> s);
    }
}
