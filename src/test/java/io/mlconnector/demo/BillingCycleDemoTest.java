package io.mlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.store.CursorStore;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job on the embedded default ({@code ./mvnw verify -Pdemo}): one billing cycle of demo data from the
 * Chargebee sandbox, delivered as webhooks through ingest, the queue and the worker into the Acumatica sandbox, then
 * the poller as the safety net; prints what was posted and checks totals per currency against Chargebee.
 */
@Tag("demo")
@QuarkusTest
@TestProfile(DemoProfile.class)
class BillingCycleDemoTest {
    private static final Path DEMO_CYCLE = Path.of("src/test/resources/chargebee/demo-cycle");
    private static final PrintStream OUT = System.out;

    @Inject
    IngestHandler ingest;

    @Inject
    EventPoller poller;

    @Inject
    CursorStore cursors;

    @Test
    void oneBillingCycle_throughIngestQueueAndWorker_intoTheAcumaticaSandbox() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        AcumaticaSandbox acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(DEMO_CYCLE);
        SqsEventSource worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);
        Instant started = Instant.now();

        List<WebhookDelivery> deliveries;
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            deliveries = chargebee.deliverAll(apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
        }
        Instant delivered = Instant.now();
        SqsEventSource.DrainResult fromWebhooks = worker.drain(2, 1_000);
        Instant drained = Instant.now();
        cursors.advance("events", firstEventAt(chargebee).minusSeconds(1), Instant.now());
        EventPoller.PollResult poll = poller.poll();
        SqsEventSource.DrainResult fromPoller = worker.drain(2, 1_000);
        Duration took = Duration.between(started, Instant.now());
        OUT.printf("%nPhases: webhooks %d ms, worker %d ms, poll and duplicates %d ms%n",
                Duration.between(started, delivered).toMillis(), Duration.between(delivered, drained).toMillis(),
                Duration.between(drained, Instant.now()).toMillis());

        List<JsonNode> documents = acumatica.salesInvoices();
        List<JsonNode> invoices = documents.stream().filter(d -> "Invoice".equals(d.at("/Type/value").asText())).toList();
        printReport(chargebee, acumatica, invoices, deliveries, fromWebhooks, poll, fromPoller, took);
        Map<String, BigDecimal> chargebeeOpen = chargebeeOpenByCustomer(chargebee);
        Map<String, BigDecimal> acumaticaOpen = acumaticaOpenByCustomer(acumatica, documents);
        long agreeing = chargebeeOpen.entrySet().stream()
                .filter(e -> e.getValue().compareTo(acumaticaOpen.getOrDefault(e.getKey(), BigDecimal.ZERO)) == 0).count();
        OUT.printf("Open AR per customer and currency: %d of %d agree with Chargebee (invoices due, less unapplied"
                + " payments and credits); payments posted: %d; credit memos posted: %d%n%n", agreeing,
                chargebeeOpen.size(), acumatica.payments().size(), documents.size() - invoices.size());
        assertThat(acumaticaOpen).as("open AR per customer and currency").isEqualTo(chargebeeOpen);
        Map<String, Long> paymentsPerTransaction = acumatica.payments().stream()
                .collect(Collectors.groupingBy(p -> p.at("/ExternalRef/value").asText(), Collectors.counting()));
        Set<String> successfulTransactions = chargebee.events().stream().map(e -> e.at("/content/transaction"))
                .filter(t -> t.isObject() && "success".equals(t.path("status").asText())
                        && List.of("payment", "refund").contains(t.path("type").asText()))
                .map(t -> t.path("id").asText()).collect(Collectors.toSet());
        assertThat(paymentsPerTransaction).as("one Acumatica payment or refund per successful Chargebee transaction")
                .containsOnlyKeys(successfulTransactions).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        Set<String> creditNotes = chargebee.events().stream().map(e -> e.at("/content/credit_note"))
                .filter(JsonNode::isObject).map(c -> c.path("id").asText()).collect(Collectors.toSet());
        assertThat(documents).filteredOn(d -> "Credit Memo".equals(d.at("/Type/value").asText()))
                .extracting(d -> d.at("/ExternalRef/value").asText()).as("one credit memo per credit note")
                .containsExactlyInAnyOrderElementsOf(creditNotes);
        Map<String, BigDecimal> chargebeeRevenue = chargebeeRevenueByAccount(chargebee);
        Map<String, BigDecimal> acumaticaRevenue = acumaticaRevenueByAccount(documents);
        OUT.println("Revenue and discounts per mapped account and currency (each line's price, and each discount on the"
                + " account its type maps to, without the tax inside prices):");
        chargebeeRevenue.forEach((key, amount) -> OUT.printf("  %-14s Chargebee %14s   Acumatica %14s%n", key,
                amount.toPlainString(), acumaticaRevenue.getOrDefault(key, BigDecimal.ZERO).toPlainString()));
        assertThat(acumaticaRevenue).as("revenue per account and currency").isEqualTo(chargebeeRevenue);

        Map<String, Long> perExternalRef = invoices.stream()
                .collect(Collectors.groupingBy(i -> i.at("/ExternalRef/value").asText(), Collectors.counting()));
        assertThat(perExternalRef.values()).as("one Acumatica invoice per Chargebee invoice").allMatch(n -> n == 1);
        assertThat(perExternalRef.keySet()).containsExactlyInAnyOrderElementsOf(postableInvoiceIds(chargebee));
        assertThat(totalsByCurrency(invoices, i -> i.at("/Currency/value").asText(), i -> i.at("/Amount/value").decimalValue()))
                .isEqualTo(chargebeeTotals(chargebee));
    }

    private static void printReport(ChargebeeSandbox chargebee, AcumaticaSandbox acumatica, List<JsonNode> invoices,
                                    List<WebhookDelivery> deliveries, SqsEventSource.DrainResult fromWebhooks,
                                    EventPoller.PollResult poll, SqsEventSource.DrainResult fromPoller, Duration took) {
        OUT.println();
        OUT.println("=== Demo billing cycle: Chargebee sandbox → ingest → SQS → worker → Acumatica sandbox ===");
        OUT.printf("%-18s %-12s %-14s %-10s %-8s %14s%n", "Chargebee invoice", "Customer", "Acumatica", "Status",
                "Currency", "Amount");
        invoices.stream().sorted((a, b) -> a.at("/ExternalRef/value").asText().compareTo(b.at("/ExternalRef/value").asText()))
                .forEach(i -> OUT.printf("%-18s %-12s %-14s %-10s %-8s %14s%n", i.at("/ExternalRef/value").asText(),
                        i.at("/CustomerID/value").asText(), i.at("/Type/value").asText().replace("Invoice", "INV") + " "
                                + i.at("/ReferenceNbr/value").asText(), i.at("/Status/value").asText(),
                        i.at("/Currency/value").asText(), i.at("/Amount/value").decimalValue().toPlainString()));
        OUT.println();
        OUT.printf("Webhooks delivered: %d (%d answered 200)%n", deliveries.size(),
                deliveries.stream().filter(d -> d.status() == 200).count());
        OUT.printf("Worker invocations: %d from webhooks (%d messages), %d after the poll (%d messages re-enqueued,"
                + " all duplicates)%n", fromWebhooks.invocations(), fromWebhooks.delivered(), fromPoller.invocations(),
                poll.enqueued());
        OUT.printf("Customers in Acumatica: %d · invoices: %d · in %d s%n", acumatica.customers().size(), invoices.size(),
                took.toSeconds());
        OUT.println("Totals per currency (Chargebee closed invoices vs Acumatica released invoices):");
        Map<String, BigDecimal> expected = chargebeeTotals(chargebee);
        Map<String, BigDecimal> posted = totalsByCurrency(invoices, i -> i.at("/Currency/value").asText(),
                i -> i.at("/Amount/value").decimalValue());
        expected.forEach((currency, total) -> OUT.printf("  %-4s Chargebee %14s   Acumatica %14s   %s%n", currency,
                total.toPlainString(), posted.getOrDefault(currency, BigDecimal.ZERO).toPlainString(),
                total.compareTo(posted.getOrDefault(currency, BigDecimal.ZERO)) == 0 ? "agree" : "DIFFER"));
        OUT.println("Not posted on purpose: pending and voided invoices (recorded as SKIPPED in the audit trail).");
        OUT.println();
    }

    /**
     * Chargebee's line amounts per mapped account, without the tax inside tax-inclusive prices: each line's price on its
     * item's account and each of its discounts (negative) on the account the mapping gives its type, so that every
     * account's sum is Chargebee's lines net of the discounts mapped to it; credit notes count negative.
     */
    private static Map<String, BigDecimal> chargebeeRevenueByAccount(ChargebeeSandbox chargebee) {
        io.mlconnector.mapping.file.Mapping mapping = defaultMapping();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        List<JsonNode> documents = new java.util.ArrayList<>(chargebeeInvoices(chargebee));
        chargebee.events().stream().filter(e -> e.at("/content/credit_note").isObject())
                .map(e -> e.at("/content/credit_note"))
                .collect(Collectors.toMap(c -> c.path("id").asText(), c -> c, (a, b) -> a)).values()
                .forEach(documents::add);
        for (JsonNode document : documents) {
            boolean creditNote = "credit_note".equals(document.path("object").asText())
                    || document.has("reference_invoice_id");
            boolean writeOff = creditNote && "write off".equalsIgnoreCase(document.path("create_reason_code").asText());
            boolean inclusive = "tax_inclusive".equals(document.path("price_type").asText());
            String currency = document.path("currency_code").asText();
            for (JsonNode line : document.path("line_items")) {
                // The price without the tax inside it goes to the item's account; each discount, without its share of
                // that tax, to the account discounts.by_type maps it to (a write-off posts net on its own account).
                long gross = line.path("amount").asLong();
                long tax = inclusive ? line.path("tax_amount").asLong() : 0;
                Map<String, Long> discounts = new java.util.LinkedHashMap<>();
                document.path("line_item_discounts").forEach(d -> {
                    if (d.path("line_item_id").asText().equals(line.path("id").asText())) {
                        discounts.merge(d.path("discount_type").asText(), d.path("discount_amount").asLong(), Long::sum);
                    }
                });
                long discounted = discounts.values().stream().mapToLong(Long::longValue).sum();
                String itemAccount = mapping.itemFor(line.path("entity_type").asText(null),
                        line.path("entity_id").asText(null)).salesAccount();
                if (writeOff) {
                    add(revenue, mapping.writeOff().account(), currency, gross - discounted - tax, creditNote);
                    continue;
                }
                long taxOnDiscounts = 0;
                for (Map.Entry<String, Long> discount : discounts.entrySet()) {
                    long share = gross == discounted ? 0 : BigDecimal.valueOf(tax * discount.getValue())
                            .divide(BigDecimal.valueOf(gross - discounted), 0, java.math.RoundingMode.HALF_EVEN)
                            .longValueExact();
                    taxOnDiscounts += share;
                    add(revenue, mapping.discountFor(discount.getKey()).salesAccount(), currency,
                            -(discount.getValue() - share), creditNote);
                }
                add(revenue, itemAccount, currency, gross - tax - taxOnDiscounts, creditNote);
            }
            long roundOff = document.path("round_off_amount").asLong();
            if (roundOff != 0) {
                revenue.merge(mapping.rounding().salesAccount() + " " + currency,
                        io.mlconnector.mapping.Money.ofMinor(creditNote ? -roundOff : roundOff, currency).scaled(),
                        BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    private static void add(Map<String, BigDecimal> revenue, String account, String currency, long minor,
                            boolean creditNote) {
        revenue.merge(account + " " + currency, io.mlconnector.mapping.Money.ofMinor(creditNote ? -minor : minor,
                currency).scaled(), BigDecimal::add);
    }

    /** Acumatica's line amounts per account: invoices positive, credit memos negative. */
    private static Map<String, BigDecimal> acumaticaRevenueByAccount(List<JsonNode> documents) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode document : documents) {
            boolean creditMemo = "Credit Memo".equals(document.at("/Type/value").asText());
            String currency = document.at("/Currency/value").asText();
            for (JsonNode line : document.path("Details")) {
                BigDecimal amount = line.at("/Amount/value").decimalValue();
                revenue.merge(line.at("/Account/value").asText() + " " + currency,
                        creditMemo ? amount.negate() : amount, BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    private static io.mlconnector.mapping.file.Mapping defaultMapping() {
        try (java.io.InputStream in = BillingCycleDemoTest.class.getResourceAsStream("/mapping/default-mapping.yaml")) {
            return io.mlconnector.mapping.file.MappingFile.parse(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "default-mapping.yaml");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chargebee's outstanding per "customer currency": invoices due, less excess payments and credits available. */
    private static Map<String, BigDecimal> chargebeeOpenByCustomer(ChargebeeSandbox chargebee) {
        Map<String, BigDecimal> open = new TreeMap<>();
        for (ObjectNode invoice : chargebeeInvoices(chargebee)) {
            add(open, invoice.path("customer_id").asText(), invoice.path("currency_code").asText(),
                    invoice.path("amount_due").asLong());
        }
        chargebee.events().stream().filter(e -> e.at("/content/transaction").isObject())
                .map(e -> e.at("/content/transaction")).filter(t -> "payment".equals(t.path("type").asText()))
                .filter(t -> "success".equals(t.path("status").asText()))
                .collect(Collectors.toMap(t -> t.path("id").asText(), t -> t, (a, b) -> a)).values()
                .forEach(t -> add(open, t.path("customer_id").asText(), t.path("currency_code").asText(),
                        -t.path("amount_unused").asLong()));
        chargebee.events().stream().filter(e -> e.at("/content/credit_note").isObject())
                .map(e -> e.at("/content/credit_note"))
                .collect(Collectors.toMap(c -> c.path("id").asText(), c -> c, (a, b) -> a)).values()
                .forEach(c -> add(open, c.path("customer_id").asText(), c.path("currency_code").asText(),
                        -c.path("amount_available").asLong()));
        open.values().removeIf(v -> v.signum() == 0);
        return open;
    }

    /** Acumatica's open AR per customer (AccountRef = Chargebee id) and currency. */
    private static Map<String, BigDecimal> acumaticaOpenByCustomer(AcumaticaSandbox acumatica, List<JsonNode> documents) {
        Map<String, String> chargebeeIdOf = new java.util.HashMap<>();
        acumatica.customers().forEach(c -> chargebeeIdOf.put(c.at("/CustomerID/value").asText(),
                c.at("/AccountRef/value").asText()));
        Map<String, BigDecimal> open = new TreeMap<>();
        for (JsonNode document : documents) {
            BigDecimal balance = document.at("/Balance/value").decimalValue();
            String key = chargebeeIdOf.get(document.at("/CustomerID/value").asText()) + " "
                    + document.at("/Currency/value").asText();
            open.merge(key, "Credit Memo".equals(document.at("/Type/value").asText()) ? balance.negate() : balance,
                    BigDecimal::add);
        }
        for (JsonNode payment : acumatica.payments()) {
            if ("Payment".equals(payment.at("/Type/value").asText())) {
                String key = chargebeeIdOf.get(payment.at("/CustomerID/value").asText()) + " "
                        + payment.at("/CurrencyID/value").asText();
                open.merge(key, payment.at("/AvailableBalance/value").decimalValue().negate(), BigDecimal::add);
            }
        }
        open.replaceAll((k, v) -> v.stripTrailingZeros());
        open.values().removeIf(v -> v.signum() == 0);
        return open;
    }

    private static void add(Map<String, BigDecimal> open, String customer, String currency, long minor) {
        open.merge(customer + " " + currency, io.mlconnector.mapping.Money.ofMinor(minor, currency).scaled(),
                BigDecimal::add);
        open.replaceAll((k, v) -> v.stripTrailingZeros());
    }

    private static List<String> postableInvoiceIds(ChargebeeSandbox chargebee) {
        return chargebeeInvoices(chargebee).stream().map(i -> i.path("id").asText()).toList();
    }

    private static List<ObjectNode> chargebeeInvoices(ChargebeeSandbox chargebee) {
        return chargebee.events().stream().filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .map(e -> (ObjectNode) e.at("/content/invoice"))
                .filter(i -> !List.of("pending", "voided").contains(i.path("status").asText())).toList();
    }

    private static Map<String, BigDecimal> chargebeeTotals(ChargebeeSandbox chargebee) {
        return totalsByCurrency(chargebeeInvoices(chargebee), i -> i.path("currency_code").asText(),
                i -> io.mlconnector.mapping.Money.ofMinor(i.path("total").asLong(), i.path("currency_code").asText())
                        .scaled());
    }

    private static <T> Map<String, BigDecimal> totalsByCurrency(List<T> documents, Function<T, String> currency,
                                                                Function<T, BigDecimal> amount) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        documents.forEach(d -> totals.merge(currency.apply(d), amount.apply(d), BigDecimal::add));
        totals.replaceAll((c, v) -> v.stripTrailingZeros());
        return totals;
    }

    private static Instant firstEventAt(ChargebeeSandbox chargebee) {
        return Instant.ofEpochSecond(chargebee.events().get(0).path("occurred_at").asLong());
    }
}
