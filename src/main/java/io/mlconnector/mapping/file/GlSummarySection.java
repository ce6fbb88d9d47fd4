package io.mlconnector.mapping.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code gl_summary}: optional summary journals instead of per-document AR documents. Absent means disabled. The
 * accounts are required only when enabled, and only then are they references the preflight must find.
 */
final class GlSummarySection {
    private static final Map<String, Reference.Kind> ACCOUNTS = orderedAccounts();

    private final boolean enabled;
    private final Map<String, SourcedCode> accounts;

    private GlSummarySection(boolean enabled, Map<String, SourcedCode> accounts) {
        this.enabled = enabled;
        this.accounts = Map.copyOf(accounts);
    }

    static GlSummarySection disabled() {
        return new GlSummarySection(false, Map.of());
    }

    static GlSummarySection read(MapReader root) {
        return root.optional("gl_summary").flatMap(root::map).map(summary -> {
            boolean enabled = summary.required("enabled", "add enabled: false (or true to post summary journals)")
                    .flatMap(e -> summary.values().flag(e.value(), summary.childPath(e.key())))
                    .orElse(false);
            Map<String, SourcedCode> accounts = new LinkedHashMap<>();
            ACCOUNTS.forEach((key, kind) -> {
                Optional<YamlNode.Entry> entry = enabled
                        ? summary.required(key, "an enabled gl_summary needs every account (" + String.join(", ",
                                ACCOUNTS.keySet()) + ")")
                        : summary.optional(key);
                entry.flatMap(e -> summary.code(e, kind)).ifPresent(code -> accounts.put(key, code));
            });
            summary.finish();
            return new GlSummarySection(enabled && accounts.size() == ACCOUNTS.size(), accounts);
        }).orElseGet(GlSummarySection::disabled);
    }

    Optional<GlSummary> summary() {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.of(new GlSummary(value("ar_account"), value("revenue_account"), value("tax_account"),
                value("discount_account"), value("subaccount")));
    }

    Stream<SourcedCode> codes() {
        return enabled ? accounts.values().stream() : Stream.empty();
    }

    private String value(String key) {
        return accounts.get(key).value();
    }

    private static Map<String, Reference.Kind> orderedAccounts() {
        Map<String, Reference.Kind> accounts = new LinkedHashMap<>();
        for (String key : List.of("ar_account", "revenue_account", "tax_account", "discount_account")) {
            accounts.put(key, Reference.Kind.ACCOUNT);
        }
        accounts.put("subaccount", Reference.Kind.SUBACCOUNT);
        return java.util.Collections.unmodifiableMap(accounts);
    }
}
