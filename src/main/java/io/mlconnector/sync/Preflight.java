package io.mlconnector.sync;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.ODataFilter;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuJournalLine;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.acumatica.dto.ReferenceRows;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFileException;
import io.mlconnector.mapping.file.MappingProblem;
import io.mlconnector.mapping.file.Reference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Checks that every item, account, subaccount, tax, payment method, cash account, customer class and currency the
 * mapping file names exists and is active in Acumatica, and lists every gap with its line in the file before anything
 * posts ({@link #run()}, the poller's report). On the hot path a document costs only the references it names,
 * each read at most once per {@link #REPORT_TTL} per container: a document that needs a missing record is held with
 * that reason instead of being posted to a wrong or default account; when it is replayed the record is looked up
 * again, so it posts as soon as someone adds it.
 */
@ApplicationScoped
public class Preflight {
    private static final Logger LOG = Logger.getLogger(Preflight.class);
    /** A reference found fine is read again at most this often per container; a known gap is re-read every time. */
    static final Duration REPORT_TTL = Duration.ofMinutes(5);

    /** One record the mapping names that Acumatica does not have (or has inactive). */
    public record Gap(Reference reference, String problem) {
        public String describe(String source) {
            String where = " (mapping " + source + " line " + reference.line() + ": " + reference.keyPath() + ")";
            if (reference.kind() == Reference.Kind.TERMS) {
                return "credit terms " + reference.id() + " " + problem + where + "; check it exists there";
            }
            return reference.kind().name().toLowerCase().replace('_', ' ') + " " + reference.id() + " " + problem
                    + " in Acumatica" + where + "; add it there or change the mapping, then replay the DLQ";
        }
    }

    /**
     * Every gap, in file order; or, when the mapping file itself cannot be read, its problems
     * ({@code file:line:column: key.path: what to fix}) and no gaps, since nothing could be checked.
     */
    public record Report(String source, List<Gap> gaps, List<Gap> warnings, List<String> mappingProblems, Instant at) {
        public Report {
            gaps = List.copyOf(gaps);
            warnings = List.copyOf(warnings);
            mappingProblems = List.copyOf(mappingProblems);
        }

        /** What could not be confirmed but need not be wrong (credit terms: see {@link Reference.Kind#TERMS}). */
        public List<String> warningLines() {
            return warnings.stream().map(gap -> gap.describe(source)).toList();
        }

        public boolean isClean() {
            return gaps.isEmpty() && mappingProblems.isEmpty();
        }

        public List<String> lines() {
            return gaps.stream().map(gap -> gap.describe(source)).toList();
        }
    }

    private final AcumaticaClient acumatica;
    private final MappingSource mappings;
    private final Clock clock;
    /** Per container: what each reference's last look found (Lambda reuses a container for many invocations). */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    public Preflight(AcumaticaClient acumatica, MappingSource mappings, Clock clock) {
        this.acumatica = acumatica;
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * Checks every reference of the current mapping file. A file that cannot be used answers with its problems
     * instead of failing: that report is not kept, so documents still meet the mapping error itself.
     */
    public Report run() {
        Mapping mapping;
        try {
            mapping = mappings.current();
        } catch (MappingFileException | MappingUnavailable broken) {
            List<String> problems = broken instanceof MappingFileException file
                    ? file.problems().stream().map(MappingProblem::format).toList()
                    : List.of(broken.getMessage());
            problems.forEach(problem -> LOG.warnf("Preflight: %s", problem));
            return new Report(mappings.describe(), List.of(), List.of(), problems, clock.instant());
        }
        // Each id and each payment method is read once, however many rules and pairings name it.
        Map<String, Optional<String>> seen = new LinkedHashMap<>();
        Map<String, Optional<ReferenceRows.PaymentMethodRow>> methods = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        List<Gap> warnings = new ArrayList<>();
        for (Reference reference : mapping.references()) {
            Optional<String> problem = seen.computeIfAbsent(reference.kind() + "|" + reference.id(),
                    key -> problemWith(reference.kind(), reference.id()));
            if (problem.isEmpty()) {
                problem = pairingProblem(reference, methods);
            }
            remember(reference, problem);
            // Credit terms cannot be listed through the Default endpoint: unconfirmed terms warn, Acumatica has the
            // last word when a customer posts (and holds it with its reason if the terms really are missing).
            problem.ifPresent(text -> (reference.kind() == Reference.Kind.TERMS ? warnings : gaps)
                    .add(new Gap(reference, text)));
        }
        gaps.sort((a, b) -> Integer.compare(a.reference().line(), b.reference().line()));
        Report report = new Report(mapping.sourceName(), gaps, warnings, List.of(), clock.instant());
        report.lines().forEach(line -> LOG.warnf("Preflight: %s", line));
        report.warningLines().forEach(line -> LOG.warnf("Preflight warning: %s", line));
        return report;
    }

    /** The reason a customer cannot post yet, if its class is a known gap that is still missing. */
    public Optional<String> missingFor(AcuCustomer customer) {
        return missing(Reference.Kind.CUSTOMER_CLASS, customer.customerClass());
    }

    /** The reason an invoice cannot post yet, if one of its items, accounts or taxes is a gap that is still missing. */
    public Optional<String> missingFor(AcuSalesInvoice invoice) {
        for (AcuSalesInvoiceLine line : invoice.details()) {
            Optional<String> gap = missing(Reference.Kind.INVENTORY_ITEM, line.inventoryID())
                    .or(() -> missing(Reference.Kind.ACCOUNT, line.account()))
                    .or(() -> missing(Reference.Kind.SUBACCOUNT, line.subAccount()));
            if (gap.isPresent()) {
                return gap;
            }
        }
        for (AcuTaxDetail tax : invoice.taxDetails() == null ? List.<AcuTaxDetail>of() : invoice.taxDetails()) {
            Optional<String> gap = missing(Reference.Kind.TAX, tax.taxID());
            if (gap.isPresent()) {
                return gap;
            }
        }
        return Optional.empty();
    }

    /** The reason a journal cannot post yet, if one of its accounts or subaccounts is a gap that is still missing. */
    public Optional<String> missingFor(AcuJournalTransaction journal) {
        for (AcuJournalLine line : journal.details()) {
            Optional<String> gap = missing(Reference.Kind.ACCOUNT, line.account())
                    .or(() -> missing(Reference.Kind.SUBACCOUNT, line.subaccount()));
            if (gap.isPresent()) {
                return gap;
            }
        }
        return Optional.empty();
    }

    /** The reason a payment cannot post yet, if its payment method or cash account is a gap still missing. */
    public Optional<String> missingFor(AcuPayment payment) {
        return missing(Reference.Kind.PAYMENT_METHOD, payment.paymentMethod(), null)
                .or(() -> missing(Reference.Kind.CASH_ACCOUNT, payment.cashAccount(), payment.paymentMethod()));
    }

    private Optional<String> missing(Reference.Kind kind, String id) {
        return missing(kind, id, null);
    }

    /**
     * Only the references this document names are checked, each at most once per {@link #REPORT_TTL} per container
     * while it is fine; a reference with a problem is looked at again every time, so a document replayed after the
     * fix posts at once. Ids the mapping file does not name are Acumatica's to judge when the document posts.
     *
     * @param paymentMethod for a cash account, the method it is used with; otherwise null
     */
    private Optional<String> missing(Reference.Kind kind, String id, String paymentMethod) {
        if (id == null) {
            return Optional.empty();
        }
        Mapping mapping = mappings.current();
        Optional<Reference> named = mapping.references().stream()
                .filter(reference -> reference.kind() == kind && reference.id().equals(id)
                        && (paymentMethod == null || paymentMethod.equals(reference.paymentMethod())))
                .findFirst();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Reference reference = named.get();
        Checked known = checked.get(checkKey(reference));
        if (known != null && known.problem().isEmpty() && !known.at().plus(REPORT_TTL).isBefore(clock.instant())) {
            return Optional.empty();
        }
        Optional<String> problem = problemWith(reference);
        remember(reference, problem);
        // Credit terms the Default endpoint cannot confirm only warn: Acumatica has the last word when it posts.
        return problem.filter(text -> reference.kind() != Reference.Kind.TERMS)
                .map(text -> new Gap(reference, text).describe(mapping.sourceName()));
    }

    /** Forgets every look, as a new container starts (tests start from here). */
    void forget() {
        checked.clear();
    }

    /** What one look at a reference found, and when. */
    private record Checked(Optional<String> problem, Instant at) {}

    private void remember(Reference reference, Optional<String> problem) {
        checked.put(checkKey(reference), new Checked(problem, clock.instant()));
    }

    private static String checkKey(Reference reference) {
        return reference.kind() + "|" + reference.id() + "|"
                + (reference.paymentMethod() == null ? "" : reference.paymentMethod());
    }

    /** A fresh look at one reference (a known gap re-checked before a document is held). */
    private Optional<String> problemWith(Reference reference) {
        return problemWith(reference.kind(), reference.id())
                .or(() -> pairingProblem(reference, new LinkedHashMap<>()));
    }

    /** A cash account is only usable with a payment method that lists it (CA204000, Allowed Cash Accounts). */
    private Optional<String> pairingProblem(Reference reference,
                                            Map<String, Optional<ReferenceRows.PaymentMethodRow>> methods) {
        if (reference.kind() != Reference.Kind.CASH_ACCOUNT) {
            return Optional.empty();
        }
        String method = reference.paymentMethod();
        return methods.computeIfAbsent(method, id -> acumatica.findFirst("PaymentMethod",
                        ODataFilter.eq("PaymentMethodID", id), ReferenceRows.PaymentMethodRow.class))
                .filter(row -> !row.allowsInAr(reference.id()))
                .map(row -> "is not allowed for payment method " + method + " (Payment Methods, CA204000: add it"
                        + " under Allowed Cash Accounts with Use in AR)");
    }

    private Optional<String> problemWith(Reference.Kind kind, String id) {
        return switch (kind) {
            case ACCOUNT, CASH_ACCOUNT -> problem(acumatica.findFirst("Account", ODataFilter.eq("AccountCD", id),
                    ReferenceRows.AccountRow.class), row -> inactive(row.active()));
            case SUBACCOUNT -> problem(acumatica.findFirst("Subaccount", ODataFilter.eq("SubaccountCD", id),
                    ReferenceRows.SubaccountRow.class), row -> inactive(row.active()));
            case INVENTORY_ITEM -> problem(acumatica.findFirst("NonStockItem", ODataFilter.eq("InventoryID", id),
                    ReferenceRows.NonStockItemRow.class), row -> row.itemStatus() == null
                    || "Active".equals(row.itemStatus()) ? null : "is " + row.itemStatus());
            case TAX -> problem(acumatica.findFirst("Tax", ODataFilter.eq("TaxID", id), ReferenceRows.TaxRow.class),
                    row -> null);
            case PAYMENT_METHOD -> problem(acumatica.findFirst("PaymentMethod", ODataFilter.eq("PaymentMethodID", id),
                    ReferenceRows.PaymentMethodRow.class), row -> inactive(row.active()));
            case CUSTOMER_CLASS -> problem(acumatica.findFirst("CustomerClass", ODataFilter.eq("ClassID", id),
                    ReferenceRows.CustomerClassRow.class), row -> null);
            case CURRENCY -> problem(acumatica.findFirst("Currency", ODataFilter.eq("CurrencyID", id),
                    ReferenceRows.CurrencyRow.class), row -> inactive(row.active()));
            // The Default endpoint publishes no Credit Terms entity: terms a customer class uses surely exist.
            case TERMS -> acumatica.findFirst("CustomerClass", ODataFilter.eq("Terms", id),
                    ReferenceRows.CustomerClassRow.class).isPresent() ? Optional.empty()
                    : Optional.of("is not the terms of any customer class, and the Default endpoint cannot list Credit"
                    + " Terms (CS206500) to confirm it");
        };
    }

    /** Missing → "does not exist"; present → whatever is wrong with it, or nothing. */
    private static <T> Optional<String> problem(Optional<T> row, java.util.function.Function<T, String> wrong) {
        return row.isEmpty() ? Optional.of("does not exist") : Optional.ofNullable(wrong.apply(row.get()));
    }

    private static String inactive(Boolean active) {
        return Boolean.FALSE.equals(active) ? "is inactive" : null;
    }
}
