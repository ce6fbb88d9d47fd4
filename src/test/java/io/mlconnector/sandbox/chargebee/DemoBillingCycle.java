package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates one realistic, deterministic billing cycle (May 2026) of a Chargebee site as a sandbox data directory.
 *
 * <p>For a seed and a customer count the output is always the same. Customers pay in USD, EUR or JPY, on monthly or
 * yearly basic/pro/enterprise plans, some with seat add-ons, new ones with an onboarding charge; some documents are
 * tax-inclusive, some carry a percentage coupon; US customers are taxed by state and city, EU by VAT (or reverse
 * charge), Japan by consumption tax. Most invoices end {@code paid} or {@code posted}; the cycle also contains, once
 * each: a {@code pending} invoice, a {@code voided} one, a payment covering two invoices (the second an itemised
 * consulting bill of {@value #TIMESHEET_ENTRIES} lines, more than the sandbox serves untruncated, so every read of it
 * exercises line-item paging), an overpayment with
 * {@code amount_unused}, a failed card payment (invoice in dunning), a write-off ({@code adjustment} credit note with
 * {@code create_reason_code "Write Off"}) and a refund ({@code refundable} credit note refunded by a {@code refund}
 * transaction). Events are not written: the sandbox derives them when it loads the directory.
 *
 * <p>Regenerate the committed copy with {@code ./mvnw -q test-compile}, then
 * {@code ./mvnw -q -Psandbox exec:java -Dexec.mainClass=io.mlconnector.sandbox.chargebee.DemoBillingCycle
 * -Dexec.args=src/test/resources/chargebee/demo-cycle}.
 */
public final class DemoBillingCycle {

    public static final long DEFAULT_SEED = 20_260_501L;
    public static final int DEFAULT_CUSTOMERS = 300;
    /** The scenarios need seven dedicated customers plus at least one ordinary one. */
    public static final int MIN_CUSTOMERS = 8;
    /** Lines of the consulting bill: above {@link LineItemPager#DEFAULT_TRUNCATE_AT}, below twice it. */
    static final int TIMESHEET_ENTRIES = 130;

    static final ZonedDateTime CYCLE_START = ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final ZonedDateTime CYCLE_END = CYCLE_START.plusMonths(1);
    private static final ZonedDateTime HISTORY_START = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final long HOUR = 3_600L;
    private static final long DAY = 86_400L;

    /** The special cases a cycle must contain; each goes to one customer. */
    private enum Scenario {
        TWO_INVOICES_ONE_PAYMENT(false), OVERPAYMENT(false), WRITE_OFF(false), FAILED_PAYMENT(true), REFUND(true),
        PENDING_INVOICE(true), VOIDED_DUPLICATE(null);

        final Boolean autoCollection;

        Scenario(Boolean autoCollection) {
            this.autoCollection = autoCollection;
        }
    }

    private enum Kind { RENEWAL, CONSULTING, PENDING, VOID_DUPLICATE }

    /** An invoice before it gets its number. */
    private record Draft(DemoCustomers.Profile customer, Kind kind, long date, boolean firstInvoice,
            DemoDocumentBuilder.Coupon coupon) {
    }

    /** The generated site. */
    record Site(List<ObjectNode> customers, List<ObjectNode> invoices, List<ObjectNode> creditNotes,
            List<ObjectNode> transactions) {
    }

    private final Random random;
    private final DemoCustomers customerFactory;
    private final DemoSettlements settlements;
    private final Map<String, Scenario> scenarioByCustomer = new HashMap<>();
    private final Map<String, DemoDocumentBuilder.DocumentSpec> specByInvoice = new HashMap<>();

    private DemoBillingCycle(long seed) {
        this.random = new Random(seed);
        this.customerFactory = new DemoCustomers(random);
        this.settlements = new DemoSettlements(random);
    }

    /** Writes {@code customers.json}, {@code invoices.json}, {@code credit_notes.json}, {@code transactions.json}. */
    public static void writeTo(Path dir, long seed, int customers) {
        Site site = generate(seed, customers);
        DataDirectory files = new DataDirectory(new ObjectMapper());
        files.write(dir, ResourceType.CUSTOMER, site.customers());
        files.write(dir, ResourceType.INVOICE, site.invoices());
        files.write(dir, ResourceType.CREDIT_NOTE, site.creditNotes());
        files.write(dir, ResourceType.TRANSACTION, site.transactions());
    }

    /** {@code DemoBillingCycle DIR [SEED] [CUSTOMERS]}. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DemoBillingCycle DIR [SEED] [CUSTOMERS]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_CUSTOMERS;
        writeTo(Path.of(args[0]), seed, customers);
        System.out.println("Wrote a " + customers + "-customer billing cycle (seed " + seed + ") to " + args[0]);
    }

    static Site generate(long seed, int customers) {
        if (customers < MIN_CUSTOMERS) {
            throw new IllegalArgumentException("Need at least " + MIN_CUSTOMERS + " customers, got " + customers);
        }
        return new DemoBillingCycle(seed).run(customers);
    }

    private Site run(int count) {
        List<DemoCustomers.Profile> customers = createCustomers(count);
        List<Draft> drafts = new ArrayList<>();
        customers.forEach(c -> drafts.addAll(draftsFor(c)));
        drafts.sort(Comparator.comparingLong(Draft::date).thenComparing(d -> d.customer().id()));
        List<ObjectNode> invoices = new ArrayList<>();
        Map<String, List<ObjectNode>> invoicesByCustomer = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            ObjectNode invoice = build(drafts.get(i), String.format("INV-2026-%06d", i + 1));
            invoices.add(invoice);
            invoicesByCustomer.computeIfAbsent(drafts.get(i).customer().id(), k -> new ArrayList<>()).add(invoice);
        }
        for (DemoCustomers.Profile customer : customers) {
            settle(customer, invoicesByCustomer.get(customer.id()));
        }
        Comparator<ObjectNode> byDateThenId = Comparator.comparingLong((ObjectNode n) -> n.get("date").longValue())
                .thenComparing(n -> n.get("id").asText());
        return new Site(customers.stream().map(DemoCustomers.Profile::json).toList(), invoices,
                settlements.creditNotes().stream().sorted(byDateThenId).toList(),
                settlements.transactions().stream().sorted(byDateThenId).toList());
    }

    /** Customers numbered in sign-up order; seven of them are reserved for the special scenarios. */
    private List<DemoCustomers.Profile> createCustomers(int count) {
        List<Long> signUps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signUps.add(signUpTime());
        }
        signUps.sort(Comparator.naturalOrder());
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Map<Integer, Scenario> scenarioByIndex = new HashMap<>();
        for (Scenario scenario : Scenario.values()) {
            scenarioByIndex.put(order.get(scenario.ordinal()), scenario);
        }
        List<DemoCustomers.Profile> customers = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            Scenario scenario = scenarioByIndex.get(index);
            DemoCustomers.Profile customer = customerFactory.create(index, signUps.get(index - 1),
                    scenario == null ? null : scenario.autoCollection);
            if (scenario != null) {
                scenarioByCustomer.put(customer.id(), scenario);
            }
            customers.add(customer);
        }
        return customers;
    }

    /** 15 % sign up during the cycle; the rest joined between January 2025 and April 2026. */
    private long signUpTime() {
        if (random.nextInt(100) < 15) {
            return between(CYCLE_START.toEpochSecond(), CYCLE_END.toEpochSecond() - 3 * DAY);
        }
        return between(HISTORY_START.toEpochSecond(), CYCLE_START.toEpochSecond() - DAY);
    }

    private List<Draft> draftsFor(DemoCustomers.Profile customer) {
        boolean isNew = customer.createdAt() >= CYCLE_START.toEpochSecond();
        long renewalDate = isNew ? customer.createdAt() + 60 : renewalDateInCycle(customer.createdAt());
        DemoDocumentBuilder.Coupon coupon = null;
        if (isNew && random.nextInt(10) < 3) {
            coupon = new DemoDocumentBuilder.Coupon("WELCOME20", 20);
        } else if (!isNew && random.nextInt(10) == 0) {
            coupon = new DemoDocumentBuilder.Coupon("SAVE10", 10);
        }
        List<Draft> drafts = new ArrayList<>();
        drafts.add(new Draft(customer, Kind.RENEWAL, renewalDate, isNew, coupon));
        Scenario scenario = scenarioByCustomer.get(customer.id());
        if (scenario == Scenario.TWO_INVOICES_ONE_PAYMENT) {
            drafts.add(new Draft(customer, Kind.CONSULTING, renewalDate + DAY + between(0, DAY), false, null));
        } else if (scenario == Scenario.PENDING_INVOICE) {
            drafts.add(new Draft(customer, Kind.PENDING, CYCLE_END.toEpochSecond() - 2 * DAY, false, null));
        } else if (scenario == Scenario.VOIDED_DUPLICATE) {
            // Issued by mistake half an hour after the real one, voided soon after.
            drafts.add(new Draft(customer, Kind.VOID_DUPLICATE, renewalDate + HOUR / 2, false, coupon));
        }
        return drafts;
    }

    /** The anniversary day (capped at the 28th) in May 2026, at the sign-up time of day. */
    private static long renewalDateInCycle(long createdAt) {
        ZonedDateTime created = Instant.ofEpochSecond(createdAt).atZone(ZoneOffset.UTC);
        return CYCLE_START.withDayOfMonth(Math.min(created.getDayOfMonth(), 28))
                .withHour(created.getHour()).withMinute(created.getMinute()).withSecond(created.getSecond())
                .toEpochSecond();
    }

    private ObjectNode build(Draft draft, String invoiceId) {
        DemoCustomers.Profile c = draft.customer();
        List<DemoDocumentBuilder.LineSpec> lines = lines(draft, invoiceId);
        DemoDocumentBuilder.DocumentSpec spec = new DemoDocumentBuilder.DocumentSpec(c.id(), lines, draft.coupon(),
                c.region(), c.exemptReason(), c.taxInclusive());
        specByInvoice.put(invoiceId, spec);
        boolean pending = draft.kind() == Kind.PENDING;
        int netTerms = c.json().get("net_term_days").intValue();
        ObjectNode inv = JsonNodeFactory.instance.objectNode();
        inv.put("id", invoiceId);
        inv.put("customer_id", c.id());
        inv.put("subscription_id", c.subscriptionId());
        inv.put("recurring", draft.kind() != Kind.CONSULTING);
        inv.put("status", pending ? "pending" : "posted");
        inv.put("date", draft.date());
        if (!pending) {
            inv.put("due_date", draft.date() + netTerms * DAY);
            inv.put("net_term_days", netTerms);
        }
        inv.put("exchange_rate", DemoCatalog.exchangeRate(c.currency()));
        inv.put("currency_code", c.currency());
        inv.put("amount_paid", 0);
        inv.put("amount_adjusted", 0);
        inv.put("write_off_amount", 0);
        inv.put("credits_applied", 0);
        inv.put("resource_version", draft.date() * 1000 + random.nextInt(1000));
        inv.put("updated_at", draft.date());
        inv.put("first_invoice", draft.firstInvoice());
        inv.put("term_finalized", !pending);
        inv.put("is_gifted", false);
        inv.put("generated_at", draft.date());
        inv.put("channel", "web");
        inv.put("deleted", false);
        inv.put("object", "invoice");
        inv.setAll(DemoDocumentBuilder.build(spec));
        for (String array : List.of("linked_payments", "dunning_attempts", "applied_credits",
                "adjustment_credit_notes", "issued_credit_notes", "linked_orders")) {
            inv.putArray(array);
        }
        inv.set("billing_address", c.json().get("billing_address").deepCopy());
        DemoSettlements.refreshAmountDue(inv);
        if (draft.kind() == Kind.VOID_DUPLICATE) {
            inv.put("status", "voided");
            inv.put("voided_at", draft.date() + 2 * HOUR);
            inv.put("void_reason_code", "Duplicate Invoice");
            settlements.touch(inv, draft.date() + 2 * HOUR);
        }
        return inv;
    }

    private List<DemoDocumentBuilder.LineSpec> lines(Draft draft, String invoiceId) {
        DemoCustomers.Profile c = draft.customer();
        String prefix = "li_" + invoiceId.substring(invoiceId.lastIndexOf('-') + 1) + "_";
        List<DemoDocumentBuilder.LineSpec> lines = new ArrayList<>();
        long from = draft.date();
        ZonedDateTime start = Instant.ofEpochSecond(from).atZone(ZoneOffset.UTC);
        long to = (c.yearly() ? start.plusYears(1) : start.plusMonths(1)).toEpochSecond();
        String period = c.yearly() ? "Yearly" : "Monthly";
        switch (draft.kind()) {
            case RENEWAL, VOID_DUPLICATE -> {
                String planName = DemoCatalog.planName(c.plan());
                lines.add(new DemoDocumentBuilder.LineSpec(prefix + 1, "plan_item_price",
                        DemoCatalog.recurringPriceId(c.plan(), c.currency(), c.yearly()), planName + " " + period,
                        planName + " plan, billed " + period.toLowerCase(Locale.ROOT),
                        DemoCatalog.planPrice(c.currency(), c.plan(), c.yearly()), 1, from, to, "flat_fee",
                        c.subscriptionId(), null));
                if (c.seats() > 0) {
                    lines.add(new DemoDocumentBuilder.LineSpec(prefix + (lines.size() + 1), "addon_item_price",
                            DemoCatalog.recurringPriceId("extra-seats", c.currency(), c.yearly()),
                            "Extra Seats " + period, "Additional user seats", DemoCatalog.seatPrice(c.currency(),
                                    c.yearly()), c.seats(), from, to, "per_unit", c.subscriptionId(), null));
                }
                if (draft.firstInvoice()) {
                    lines.add(charge(prefix + (lines.size() + 1), "onboarding", "Onboarding", 1,
                            DemoCatalog.onboardingPrice(c.currency()), c, from));
                }
            }
            case CONSULTING -> lines.addAll(timesheet(prefix, c, from, random.nextInt(5)));
            case PENDING -> lines.add(charge(prefix + 1, "api-calls", "API Calls (blocks of 1,000)",
                    10 + random.nextInt(90), DemoCatalog.apiCallBlockPrice(c.currency()), c, from));
        }
        return lines;
    }

    /**
     * One consulting charge per timesheet entry, of 1 to 4 hours in turn. {@code cycleStart} (one random draw, as the
     * single-line bill this replaced drew) picks where the cycle starts, so the generator draws as many random
     * numbers as before and every other document of the cycle stays the same.
     */
    private static List<DemoDocumentBuilder.LineSpec> timesheet(String prefix, DemoCustomers.Profile c, long at,
            int cycleStart) {
        List<DemoDocumentBuilder.LineSpec> entries = new ArrayList<>();
        for (int i = 0; i < TIMESHEET_ENTRIES; i++) {
            String name = "Consulting Hours, timesheet entry " + (i + 1);
            entries.add(new DemoDocumentBuilder.LineSpec(prefix + (i + 1), "charge_item_price",
                    DemoCatalog.chargePriceId("consulting-hours", c.currency()), name, "Consulting Hours",
                    DemoCatalog.consultingHourPrice(c.currency()), 1 + (cycleStart + i) % 4, at, at, "per_unit",
                    c.subscriptionId(), null));
        }
        return entries;
    }

    private static DemoDocumentBuilder.LineSpec charge(String id, String item, String name, int quantity, long price,
            DemoCustomers.Profile c, long at) {
        return new DemoDocumentBuilder.LineSpec(id, "charge_item_price", DemoCatalog.chargePriceId(item, c.currency()),
                name, name, price, quantity, at, at, "per_unit", c.subscriptionId(), null);
    }

    /** Brings each of a customer's invoices to its end-of-cycle state. */
    private void settle(DemoCustomers.Profile c, List<ObjectNode> invoices) {
        Scenario scenario = scenarioByCustomer.get(c.id());
        List<ObjectNode> open = invoices.stream().filter(i -> i.get("status").asText().equals("posted")).toList();
        long end = CYCLE_END.toEpochSecond();
        if (scenario == Scenario.TWO_INVOICES_ONE_PAYMENT) {
            long last = open.stream().mapToLong(i -> i.get("date").longValue()).max().orElseThrow();
            settlements.bankTransfer(c, open, 0, Math.min(last + 2 * DAY, end - HOUR));
            return;
        }
        ObjectNode renewal = open.get(0);
        long date = renewal.get("date").longValue();
        if (scenario == null || scenario == Scenario.PENDING_INVOICE || scenario == Scenario.VOIDED_DUPLICATE) {
            settleOrdinary(c, renewal, date, end);
            return;
        }
        switch (scenario) {
            case OVERPAYMENT -> settlements.bankTransfer(c, List.of(renewal), c.currency().equals("JPY") ? 500 : 5_000,
                    Math.min(date + 5 * DAY, end - HOUR));
            case WRITE_OFF -> settlements.writeOff(c, renewal, mirror(renewal, "cnli_wo_"),
                    Math.min(date + 2 * DAY, end - HOUR));
            case FAILED_PAYMENT -> settlements.failedCardPayment(c, renewal, date + 60);
            case REFUND -> {
                ObjectNode payment = settlements.cardPayment(c, renewal, date + 60);
                settlements.refund(c, renewal, payment, firstLineCredit(renewal),
                        Math.min(date + 3 * DAY, end - HOUR));
            }
            default -> throw new IllegalStateException("Unhandled scenario " + scenario);
        }
    }

    /** Card customers pay at once; offline customers pay by bank transfer within terms (60 %) or not yet. */
    private void settleOrdinary(DemoCustomers.Profile c, ObjectNode invoice, long date, long end) {
        if (c.autoCollection()) {
            settlements.cardPayment(c, invoice, date + 60);
            return;
        }
        if (random.nextInt(10) < 6) {
            long paidAt = date + between(DAY, 20 * DAY);
            if (paidAt < end - HOUR) {
                settlements.bankTransfer(c, List.of(invoice), 0, paidAt);
            }
        }
    }

    /** The invoice's money rebuilt with credit-note line ids that reference the invoice's lines. */
    private ObjectNode mirror(ObjectNode invoice, String linePrefix) {
        return rebuild(invoice, linePrefix, specByInvoice.get(invoice.get("id").asText()).lines());
    }

    /** A credit for the invoice's first line only (with its share of discount and tax). */
    private ObjectNode firstLineCredit(ObjectNode invoice) {
        return rebuild(invoice, "cnli_rf_", specByInvoice.get(invoice.get("id").asText()).lines().subList(0, 1));
    }

    private ObjectNode rebuild(ObjectNode invoice, String linePrefix, List<DemoDocumentBuilder.LineSpec> lines) {
        DemoDocumentBuilder.DocumentSpec spec = specByInvoice.get(invoice.get("id").asText());
        String number = invoice.get("id").asText().substring(invoice.get("id").asText().lastIndexOf('-') + 1);
        List<DemoDocumentBuilder.LineSpec> credited = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            credited.add(lines.get(i).withIds(linePrefix + number + "_" + (i + 1), lines.get(i).id()));
        }
        return DemoDocumentBuilder.build(new DemoDocumentBuilder.DocumentSpec(spec.customerId(), credited,
                spec.coupon(), spec.region(), spec.exemptReason(), spec.taxInclusive()));
    }

    private long between(long fromInclusive, long toExclusive) {
        return fromInclusive + (long) (random.nextDouble() * (toExclusive - fromInclusive));
    }
}
