package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * A small billing history drawn from one seed, recorded into a sandbox as it happens: a few customers in USD, EUR and
 * JPY, their invoices and what happened to each (paid, paid in two parts, overpaid with the excess used by the next
 * invoice, refunded, voided, paid and then failed late, credited and the credit voided, left unpaid after a declined
 * card), and customers renamed once or twice. Every event is recorded with {@link ChargebeeSandbox#recordEvent}, so its
 * content is the records as they were at that moment while the API answers their final state.
 *
 * <p>The customers' stories interleave in time; the same seed always yields the same records and events.
 */
public final class SeededBillingHistory {

    /** What happens to one invoice after it is generated. */
    public enum Fate { PAID, PAID_IN_TWO_PARTS, OVERPAID, REFUNDED, VOIDED, FAILED_LATE, CREDITED_THEN_VOIDED,
        DECLINED_AND_UNPAID }

    /** One line of the history, for a person reading a failing seed. */
    public record Story(String customerId, String currency, String invoiceId, Fate fate) {
        @Override
        public String toString() {
            return invoiceId + " (" + customerId + ", " + currency + "): " + fate.name().toLowerCase(Locale.ROOT);
        }
    }

    /** What was recorded. */
    public record Summary(long seed, List<Story> stories, int renames, int events) {
        public Summary {
            stories = List.copyOf(stories);
        }
    }

    private static final long START = ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long MINUTE = 60L;
    private static final long DAY = 86_400L;
    private static final int CUSTOMERS_MIN = 2;
    private static final int CUSTOMERS_MAX = 4;

    private final ChargebeeSandbox sandbox;
    private final long seed;
    private final Random random;
    private final DemoCustomers customers;
    private final DemoSettlements settlements;
    private final List<Story> stories = new ArrayList<>();
    private int invoiceSequence;
    private int renames;
    private int events;
    private long now = START;

    private SeededBillingHistory(ChargebeeSandbox sandbox, long seed) {
        this.sandbox = sandbox;
        this.seed = seed;
        this.random = new Random(seed);
        this.customers = new DemoCustomers(random);
        this.settlements = new DemoSettlements(random);
    }

    /** Records the history of {@code seed} into {@code sandbox} (which the caller has reset). */
    public static Summary recordInto(ChargebeeSandbox sandbox, long seed) {
        return new SeededBillingHistory(sandbox, seed).record();
    }

    private Summary record() {
        int count = CUSTOMERS_MIN + random.nextInt(CUSTOMERS_MAX - CUSTOMERS_MIN + 1);
        List<Deque<LongConsumer>> timelines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            timelines.add(timelineOf(customers.create(i, START + i * MINUTE, random.nextBoolean())));
        }
        // The customers' stories interleave: each step is the next action of a customer drawn at random.
        while (timelines.stream().anyMatch(t -> !t.isEmpty())) {
            List<Deque<LongConsumer>> open = timelines.stream().filter(t -> !t.isEmpty()).toList();
            now += MINUTE * (1 + random.nextInt(240));
            open.get(random.nextInt(open.size())).poll().accept(now);
        }
        return new Summary(seed, stories, renames, events);
    }

    private Deque<LongConsumer> timelineOf(DemoCustomers.Profile customer) {
        Deque<LongConsumer> steps = new ArrayDeque<>();
        steps.add(at -> emit("customer_created", at, customer.json()));
        int invoices = 1 + random.nextInt(2);
        InvoiceState previous = null;
        for (int i = 0; i < invoices; i++) {
            Fate fate = drawFate(customer);
            InvoiceState invoice = new InvoiceState(customer, String.format("INV-S-%04d", ++invoiceSequence), fate,
                    previous);
            stories.add(new Story(customer.id(), customer.currency(), invoice.id, fate));
            invoice.steps().forEach(steps::add);
            previous = invoice;
        }
        List<LongConsumer> ordered = new ArrayList<>(steps);
        int changes = random.nextInt(3); // renamed never, once or twice, somewhere after its creation
        for (int i = 0; i < changes; i++) {
            int version = i + 2;
            ordered.add(1 + random.nextInt(ordered.size()), at -> rename(customer, version, at));
        }
        return new ArrayDeque<>(ordered);
    }

    private Fate drawFate(DemoCustomers.Profile customer) {
        Fate[] card = {Fate.PAID, Fate.REFUNDED, Fate.FAILED_LATE, Fate.DECLINED_AND_UNPAID, Fate.VOIDED};
        Fate[] offline = {Fate.PAID, Fate.PAID_IN_TWO_PARTS, Fate.OVERPAID, Fate.CREDITED_THEN_VOIDED, Fate.VOIDED};
        Fate[] fates = customer.autoCollection() ? card : offline;
        return fates[random.nextInt(fates.length)];
    }

    private void rename(DemoCustomers.Profile customer, int version, long at) {
        ObjectNode json = customer.json();
        String company = json.hasNonNull("company") ? json.get("company").asText().replaceAll(" \\(v\\d+\\)$", "")
                : json.get("last_name").asText() + " Trading";
        json.put("company", company + " (v" + version + ")");
        json.withObjectProperty("billing_address").put("company", json.get("company").asText());
        json.put("email", "billing-v" + version + "+" + customer.id() + "@example.com");
        settlements.touch(json, at);
        renames++;
        emit("customer_changed", at, json);
    }

    private void emit(String eventType, long at, ObjectNode... resources) {
        sandbox.recordEvent(eventType, at, resources);
        events++;
    }

    /** One invoice and the steps of its fate. */
    private final class InvoiceState {
        private final DemoCustomers.Profile customer;
        private final String id;
        private final Fate fate;
        private final InvoiceState previous;
        private ObjectNode invoice;
        private DemoDocumentBuilder.DocumentSpec spec;
        private ObjectNode payment;

        InvoiceState(DemoCustomers.Profile customer, String id, Fate fate, InvoiceState previous) {
            this.customer = customer;
            this.id = id;
            this.fate = fate;
            this.previous = previous;
        }

        List<LongConsumer> steps() {
            List<LongConsumer> steps = new ArrayList<>();
            steps.add(this::generate);
            switch (fate) {
                case PAID -> steps.add(at -> pay(at));
                case PAID_IN_TWO_PARTS -> {
                    steps.add(at -> payPart(at));
                    steps.add(at -> pay(at));
                }
                case OVERPAID -> steps.add(at -> overpay(at));
                case REFUNDED -> {
                    steps.add(at -> pay(at));
                    steps.add(at -> refund(at));
                }
                case VOIDED -> steps.add(at -> voidIt(at));
                case FAILED_LATE -> {
                    steps.add(at -> pay(at));
                    steps.add(at -> failLate(at));
                }
                case CREDITED_THEN_VOIDED -> {
                    ObjectNode[] creditNote = new ObjectNode[1];
                    steps.add(at -> creditNote[0] = credit(at));
                    steps.add(at -> voidCredit(creditNote[0], at));
                    steps.add(at -> pay(at));
                }
                case DECLINED_AND_UNPAID -> steps.add(at -> decline(at));
            }
            return steps;
        }

        private void generate(long at) {
            spec = new DemoDocumentBuilder.DocumentSpec(customer.id(), lines(at), null, customer.region(),
                    customer.exemptReason(), customer.taxInclusive());
            int netTerms = customer.json().get("net_term_days").intValue();
            ObjectNode inv = JsonNodeFactory.instance.objectNode();
            inv.put("id", id);
            inv.put("customer_id", customer.id());
            inv.put("subscription_id", customer.subscriptionId());
            inv.put("recurring", true);
            inv.put("status", "posted");
            inv.put("date", at);
            inv.put("due_date", at + netTerms * DAY);
            inv.put("net_term_days", netTerms);
            inv.put("exchange_rate", DemoCatalog.exchangeRate(customer.currency()));
            inv.put("currency_code", customer.currency());
            inv.put("amount_paid", 0);
            inv.put("amount_adjusted", 0);
            inv.put("write_off_amount", 0);
            inv.put("credits_applied", 0);
            inv.put("resource_version", at * 1000 + random.nextInt(1000));
            inv.put("updated_at", at);
            inv.put("first_invoice", previous == null);
            inv.put("term_finalized", true);
            inv.put("is_gifted", false);
            inv.put("generated_at", at);
            inv.put("channel", "web");
            inv.put("deleted", false);
            inv.put("object", "invoice");
            inv.setAll(DemoDocumentBuilder.build(spec));
            for (String array : List.of("linked_payments", "dunning_attempts", "applied_credits",
                    "adjustment_credit_notes", "issued_credit_notes", "linked_orders")) {
                inv.putArray(array);
            }
            inv.set("billing_address", customer.json().get("billing_address").deepCopy());
            DemoSettlements.refreshAmountDue(inv);
            invoice = inv;
            // Chargebee uses a customer's excess payment for the next invoice as soon as it is generated.
            if (previous != null && previous.payment != null && previous.payment.path("amount_unused").asLong() > 0
                    && "success".equals(previous.payment.path("status").asText())) {
                settlements.applyExcess(customer, previous.payment, inv, at);
                sandbox.putTransaction(previous.payment);
                sandbox.putCustomer(customer.json());
            }
            emit("invoice_generated", at, invoice);
        }

        private List<DemoDocumentBuilder.LineSpec> lines(long at) {
            String prefix = "li_" + id.substring(id.lastIndexOf('-') + 1) + "_";
            long to = Instant.ofEpochSecond(at).atZone(ZoneOffset.UTC).plusMonths(1).toEpochSecond();
            String plan = DemoCatalog.planName(customer.plan());
            List<DemoDocumentBuilder.LineSpec> lines = new ArrayList<>();
            lines.add(new DemoDocumentBuilder.LineSpec(prefix + 1, "plan_item_price",
                    DemoCatalog.recurringPriceId(customer.plan(), customer.currency(), false), plan + " Monthly",
                    plan + " plan, billed monthly", DemoCatalog.planPrice(customer.currency(), customer.plan(), false),
                    1, at, to, "flat_fee", customer.subscriptionId(), null));
            if (customer.seats() > 0) {
                lines.add(new DemoDocumentBuilder.LineSpec(prefix + 2, "addon_item_price",
                        DemoCatalog.recurringPriceId("extra-seats", customer.currency(), false), "Extra Seats Monthly",
                        "Additional user seats", DemoCatalog.seatPrice(customer.currency(), false), customer.seats(),
                        at, to, "per_unit", customer.subscriptionId(), null));
            }
            return lines;
        }

        private void pay(long at) {
            if (invoice.get("amount_due").longValue() <= 0) {
                return; // the excess of an earlier payment already paid it
            }
            payment = customer.autoCollection() ? settlements.cardPayment(customer, invoice, at)
                    : settlements.bankTransfer(customer, List.of(invoice), 0, at);
            if (fate == Fate.FAILED_LATE) {
                payment.put("payment_method", "direct_debit");
                payment.put("gateway", "gocardless");
            }
            emit("payment_succeeded", at, payment, invoice, customer.json());
        }

        private void payPart(long at) {
            long due = invoice.get("amount_due").longValue();
            if (due < 2) {
                return;
            }
            ObjectNode part = settlements.partialPayment(customer, invoice, due / 2, at);
            emit("payment_succeeded", at, part, invoice, customer.json());
        }

        private void overpay(long at) {
            long excess = customer.currency().equals("JPY") ? 500 + random.nextInt(5_000)
                    : 500 + random.nextInt(20_000);
            if (invoice.get("amount_due").longValue() <= 0) {
                return;
            }
            payment = settlements.bankTransfer(customer, List.of(invoice), excess, at);
            emit("payment_succeeded", at, payment, invoice, customer.json());
        }

        private void refund(long at) {
            if (payment == null) {
                return;
            }
            ObjectNode refund = settlements.refund(customer, invoice, payment, credited("cnli_rf_"), at);
            ObjectNode creditNote = settlements.creditNotes().get(settlements.creditNotes().size() - 1);
            sandbox.putTransaction(payment);
            emit("credit_note_created", at, creditNote);
            emit("payment_refunded", at, refund, creditNote, invoice, customer.json());
        }

        private void voidIt(long at) {
            if (invoice.get("amount_paid").longValue() != 0) {
                pay(at); // an earlier excess paid part of it: Chargebee would refuse the void, so it is paid instead
                return;
            }
            settlements.voidInvoice(invoice, at);
            emit("invoice_updated", at, invoice);
        }

        private void failLate(long at) {
            if (payment == null) {
                return;
            }
            settlements.lateFailure(payment, invoice, at);
            emit("transaction_updated", at, payment);
            emit("invoice_updated", at, invoice);
        }

        private ObjectNode credit(long at) {
            ObjectNode credited = credited("cnli_adj_");
            if (credited.get("total").longValue() > invoice.get("amount_due").longValue()) {
                return null;
            }
            ObjectNode creditNote = settlements.adjustment(customer, invoice, credited, at);
            emit("credit_note_created", at, creditNote);
            emit("invoice_updated", at, invoice);
            return creditNote;
        }

        private void voidCredit(ObjectNode creditNote, long at) {
            if (creditNote == null) {
                return;
            }
            settlements.voidAdjustment(creditNote, invoice, at);
            emit("credit_note_updated", at, creditNote);
            emit("invoice_updated", at, invoice);
        }

        private void decline(long at) {
            ObjectNode declined = settlements.failedCardPayment(customer, invoice, at);
            emit("payment_failed", at, declined, invoice, customer.json());
        }

        /** The invoice's first line as a credit note's money, with credit-note line ids that reference it. */
        private ObjectNode credited(String linePrefix) {
            DemoDocumentBuilder.LineSpec first = spec.lines().get(0);
            String number = id.substring(id.lastIndexOf('-') + 1);
            return DemoDocumentBuilder.build(new DemoDocumentBuilder.DocumentSpec(spec.customerId(),
                    List.of(first.withIds(linePrefix + number + "_1", first.id())), spec.coupon(), spec.region(),
                    spec.exemptReason(), spec.taxInclusive()));
        }
    }
}
