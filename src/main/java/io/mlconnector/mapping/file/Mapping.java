package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A validated mapping file: pure functions from Chargebee values to the Acumatica ids a document posts with.
 * Immutable and safe to share between threads. Every lookup falls back to a default, so resolution never fails for
 * a Chargebee value the file does not name.
 *
 * <p>Precedence (most specific wins; a field a specific rule leaves out is inherited from the next rule down):
 * <ul>
 *   <li>items: by_item_price > by_item_price_prefix (longest first) > by_entity_type > default</li>
 *   <li>discounts: by_type > default</li>
 *   <li>taxes: by_tax_name > by_juris_type > default_tax_id</li>
 *   <li>payments: by_gateway_account[currency] > by_payment_method[method].by_currency[currency] >
 *       by_payment_method[method] > by_currency[currency] > default</li>
 *   <li>customer class: customer_class_by_currency > customer_class</li>
 * </ul>
 */
public final class Mapping {
    private static final Comparator<Reference> FILE_ORDER = Comparator.comparingInt(Reference::line)
            .thenComparing(Reference::kind)
            .thenComparing(Reference::id)
            .thenComparing(r -> r.paymentMethodId().orElse(""));

    private final String sourceName;
    private final String fingerprint;
    private final MappingSections sections;
    private final List<MappingProblem> warnings;
    private final Set<Reference> references;

    Mapping(String sourceName, String fingerprint, MappingSections sections, List<MappingProblem> warnings) {
        this.sourceName = sourceName;
        this.fingerprint = fingerprint;
        this.sections = sections;
        this.warnings = List.copyOf(warnings);
        this.references = collectReferences(sections);
    }

    /** The name the file was parsed under, as problems and references report it. */
    public String sourceName() {
        return sourceName;
    }

    /**
     * What identifies this version of the file (a digest of its text): work saved under one version, such as a summary
     * period's partial sums, is not resumed under another.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Where an invoice or credit-note line posts. Either argument may be null (an adhoc line has no entity_id); the
     * levels keyed on it are then skipped.
     *
     * @param entityType {@code line_items[].entity_type}, e.g. {@code plan_item_price}
     * @param entityId {@code line_items[].entity_id}, the item price id such as {@code pro-USD-monthly}
     */
    public LineAccount itemFor(String entityType, String entityId) {
        return sections.items().resolve(entityType, entityId);
    }

    /**
     * Where a discount shown as its own line posts (item, account, subaccount).
     *
     * @param discountType {@code line_item_discounts[].discount_type}, e.g. {@code promotional_credits}; may be null
     */
    public LineAccount discountFor(String discountType) {
        return sections.discounts().resolve(discountType);
    }

    /** Whether discounts post as their own lines (the default) or as Acumatica line discounts. */
    public DiscountPosting discountPosting() {
        return sections.discounts().posting();
    }

    /**
     * The Acumatica tax that carries one Chargebee line tax.
     *
     * @param taxName {@code line_item_taxes[].tax_name}; may be null
     * @param jurisType {@code line_item_taxes[].tax_juris_type}; may be null
     */
    public String taxIdFor(String taxName, String jurisType) {
        return sections.taxes().resolve(taxName, jurisType);
    }

    /** The item and account of Chargebee's {@code round_off_amount} line. */
    public LineAccount rounding() {
        return DiscountRules.lineAccount(List.of(sections.rounding()));
    }

    /** Where adjustment credit notes with {@code create_reason_code} "Write Off" post. */
    public PostingAccount writeOff() {
        return postingAccount(sections.writeOff());
    }

    /** Where amounts classified as bad debt post (the expense side of a bad-debt provision). */
    public PostingAccount badDebt() {
        return postingAccount(sections.badDebt());
    }

    /**
     * The allowance for doubtful accounts (a contra-AR account) that bad-debt provisions credit; empty when the file
     * names none, which leaves provisions off.
     */
    public Optional<String> badDebtAllowanceAccount() {
        return sections.badDebt().field(MappingFile.ALLOWANCE_ACCOUNT).map(SourcedCode::value);
    }

    /**
     * The payment method and cash account a transaction posts with.
     *
     * @param gatewayAccountId {@code transaction.gateway_account_id}; null for offline payments
     * @param paymentMethod {@code transaction.payment_method}, e.g. {@code card}; may be null
     * @param currency {@code transaction.currency_code}; required, because cash accounts are single-currency
     */
    public PaymentRoute paymentFor(String gatewayAccountId, String paymentMethod, String currency) {
        return sections.payments().resolve(gatewayAccountId, paymentMethod, currency);
    }

    public CustomerRules customers() {
        return sections.customers().rules();
    }

    public VoidPolicy voidedInvoices() {
        return sections.voidedInvoices();
    }

    /** Present only when {@code gl_summary.enabled} is true. */
    public Optional<GlSummary> glSummary() {
        return sections.glSummary().summary();
    }

    /**
     * The Chargebee site's calendar ({@code site.time_zone}, UTC when the file has none): the calendar day of every
     * date the connector derives from a Chargebee timestamp, and the instants a summary period spans.
     */
    public SiteCalendar siteCalendar() {
        return sections.site();
    }

    /**
     * Every Acumatica id the connector will use from this file, in file order, each with its key path and line; a
     * disabled gl_summary contributes none. Cash accounts appear once per payment method they can be paired with.
     */
    public Set<Reference> references() {
        return references;
    }

    /** Things accepted but worth fixing (e.g. unquoted account numbers), in file order. */
    public List<MappingProblem> warnings() {
        return warnings;
    }

    private static PostingAccount postingAccount(Rule rule) {
        return new PostingAccount(rule.field(MappingFile.ACCOUNT).orElseThrow().value(),
                rule.field(MappingFile.SUBACCOUNT).orElseThrow().value(), rule.path());
    }

    private static Set<Reference> collectReferences(MappingSections s) {
        Stream<SourcedCode> codes = Stream.of(s.items().codes(), s.discounts().codes(), s.taxes().codes(),
                        s.rounding().codes(), s.writeOff().codes(), s.badDebt().codes(), s.glSummary().codes())
                .flatMap(c -> c);
        List<Reference> all = Stream.of(codes.map(SourcedCode::toReference), s.customers().references(),
                        s.payments().references())
                .flatMap(r -> r)
                .distinct()
                .sorted(FILE_ORDER)
                .toList();
        return Collections.unmodifiableSet(new LinkedHashSet<>(all));
    }
}
