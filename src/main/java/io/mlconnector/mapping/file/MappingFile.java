package io.mlconnector.mapping.file;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses and validates the mapping file: the YAML, in the finance team's control, that says which Acumatica items,
 * accounts, taxes, payment methods and cash accounts each Chargebee document posts to. The format is documented in
 * {@code src/main/resources/mapping/default-mapping.yaml}. Pure: it reads only the text it is given.
 */
public final class MappingFile {
    /** The format version this connector reads. */
    public static final int SUPPORTED_VERSION = 1;
    /** A real mapping is a few kilobytes; a megabyte means a wrong file, and bounds the parser's work. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    static final String ACCOUNT = "account";
    static final String SUBACCOUNT = "subaccount";
    static final String ALLOWANCE_ACCOUNT = "allowance_account";
    private static final RuleParser POSTING_RULES = RuleParser.of(
            Map.entry(ACCOUNT, Reference.Kind.ACCOUNT),
            Map.entry(SUBACCOUNT, Reference.Kind.SUBACCOUNT));

    private MappingFile() {}

    /**
     * @param yamlText the file's content
     * @param sourceName how problems name the file, e.g. its path or S3 key
     * @throws MappingFileException listing every problem found, each as
     *     {@code <sourceName>:<line>:<column>: <dotted.key.path>: <message>}
     */
    public static Mapping parse(String yamlText, String sourceName) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(sourceName, "sourceName");
        Problems problems = new Problems(sourceName);
        if (yamlText.length() > MAX_TEXT_CHARS) {
            problems.error(SourcePosition.START, "(document)", "the file has " + yamlText.length()
                    + " characters; a mapping file has at most " + MAX_TEXT_CHARS + ", so this is not one");
            throw new MappingFileException(sourceName, problems.errors());
        }
        Optional<MappingSections> sections = new YamlTreeReader(problems).read(yamlText)
                .flatMap(root -> MapReader.of(root, "", root.position(), problems))
                .flatMap(MappingFile::readSections);
        if (problems.hasErrors()) {
            throw new MappingFileException(sourceName, problems.errors());
        }
        return new Mapping(sourceName, fingerprint(yamlText), sections.orElseThrow(() -> new IllegalStateException(
                "a mapping file without errors has every section")), problems.warnings());
    }

    /** The first 16 hex digits of the SHA-256 of the file's text. */
    private static String fingerprint(String yamlText) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(yamlText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Optional<MappingSections> readSections(MapReader root) {
        readVersion(root);
        Optional<CustomerSection> customers = CustomerSection.read(root);
        Optional<ItemRules> items = ItemRules.read(root);
        Optional<DiscountRules> discounts = DiscountRules.read(root);
        Optional<TaxRules> taxes = TaxRules.read(root);
        Optional<Rule> rounding = DiscountRules.LINE_RULES.complete(root, "rounding",
                "the item and account of Chargebee's round_off_amount");
        Optional<Rule> writeOff = POSTING_RULES.complete(root, "write_off",
                "where credit notes with create_reason_code \"Write Off\" post");
        Optional<Rule> badDebt = readBadDebt(root);
        Optional<PaymentRules> payments = PaymentRules.read(root);
        Optional<VoidPolicy> voidedInvoices = root.required("voided_invoices",
                        "add voided_invoices: credit_memo (or void)")
                .flatMap(e -> root.values().word(e.value(), root.childPath(e.key()), VoidPolicy.class));
        GlSummarySection glSummary = GlSummarySection.read(root);
        SiteCalendar site = SiteSection.read(root);
        root.finish();
        if (customers.isEmpty() || items.isEmpty() || discounts.isEmpty() || taxes.isEmpty() || rounding.isEmpty()
                || writeOff.isEmpty() || badDebt.isEmpty() || payments.isEmpty() || voidedInvoices.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MappingSections(customers.get(), items.get(), discounts.get(), taxes.get(),
                rounding.get(), writeOff.get(), badDebt.get(), payments.get(), voidedInvoices.get(), glSummary, site));
    }

    /** {@code bad_debt: { account, subaccount, allowance_account? }}; the allowance turns bad-debt provisions on. */
    private static Optional<Rule> readBadDebt(MapReader root) {
        return root.required("bad_debt", "add bad_debt: { account: ..., subaccount: ... } (where bad debt posts)")
                .flatMap(root::map)
                .flatMap(map -> {
                    Optional<Rule> rule = POSTING_RULES.readFields(map, true);
                    Optional<SourcedCode> allowance = map.optional(ALLOWANCE_ACCOUNT)
                            .flatMap(entry -> map.code(entry, Reference.Kind.ACCOUNT));
                    map.finish();
                    return rule.map(r -> allowance.map(a -> {
                        java.util.Map<String, SourcedCode> fields = new java.util.LinkedHashMap<>(r.fields());
                        fields.put(ALLOWANCE_ACCOUNT, a);
                        return new Rule(r.path(), r.position(), fields);
                    }).orElse(r));
                });
    }

    /** Reported, not fatal: the other problems in a file of another version are still worth listing. */
    private static void readVersion(MapReader root) {
        root.required("version", "add 'version: " + SUPPORTED_VERSION + "' as the first key").ifPresent(entry -> {
            YamlNode value = entry.value();
            String path = root.childPath(entry.key());
            if (value instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INTEGER) {
                if (!scalar.text().equals(String.valueOf(SUPPORTED_VERSION))) {
                    root.problems().error(value.position(), path, "unsupported version " + scalar.text()
                            + "; this connector reads version " + SUPPORTED_VERSION + " mapping files");
                }
            } else if (!(value instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INVALID)) {
                root.problems().error(value.position(), path, "must be the number " + SUPPORTED_VERSION
                        + ", not " + value.describe());
            }
        });
    }
}
