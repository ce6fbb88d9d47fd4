package io.mlconnector.sync;

import static io.mlconnector.testing.JournalLines.net;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.mapping.Money;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Summary mode: one balanced, released GL journal per currency for a period, posted once however often it runs. */
@QuarkusTest
@TestProfile(SummaryJournalTest.SummaryMode.class)
class SummaryJournalTest {
    @jakarta.inject.Inject
    SummaryJournals journals;

    @jakarta.inject.Inject
    io.mlconnector.store.DocumentLeases leases;

    public static class SummaryMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The re-run tests read the period several times: no client-side Chargebee budget to wait for.
            return Map.of("quarkus.lambda.handler", "poller",
                    "sync.mapping.file", "src/test/resources/mapping/gl-summary.yaml",
                    "chargebee.rate-limit.requests", "100000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @Test
    void periodSummary_shouldPostOneBalancedReleasedJournalPerCurrency_once() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        LambdaInvoker poller = new LambdaInvoker();

        JsonNode first = poller.invoke("{\"gl_summary\":{\"period\":\"2026-05\"}}");
        JsonNode second = poller.invoke("{\"gl_summary\":{\"period\":\"2026-05\"}}");

        assertThat(first.path("journals").size()).isEqualTo(3);
        assertThat(second.path("journals")).isEqualTo(first.path("journals"));
        List<JsonNode> journals = Sandboxes.shared().acumatica().journalTransactions();
        assertThat(journals).hasSize(3).allSatisfy(journal -> {
            assertThat(journal.at("/Status/value").asText()).isEqualTo("Posted");
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (JsonNode line : journal.path("Details")) {
                debit = debit.add(line.at("/DebitAmount/value").decimalValue());
                credit = credit.add(line.at("/CreditAmount/value").decimalValue());
            }
            assertThat(debit).isEqualByComparingTo(credit);
        });
        JsonNode usd = journals.stream().filter(j -> "USD".equals(j.at("/CurrencyID/value").asText())).findFirst()
                .orElseThrow();
        assertThat(net(usd, "11000")).as("AR: the period's USD invoices less credit notes, payments received and"
                + " refunds paid out").isEqualByComparingTo(expectedUsd(true));
        assertThat(net(usd, "10200")).as("USD cash: payments less refunds and reversals").isEqualByComparingTo(
                expectedUsd(false));
        assertThat(net(usd, "10200").signum()).as("the cycle has USD payments").isPositive();
    }

    @Test
    void overlappingRuns_shouldPostExactlyOneJournalPerCurrency() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        // Slow Acumatica down so that both runs are reading and posting at the same time.
        Sandboxes.shared().acumatica().faults().delayNext(40, java.time.Duration.ofMillis(150));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    try {
                        return journals.post(java.time.YearMonth.parse("2026-05"));
                    } catch (DocumentBusy busy) {
                        return busy; // turned away while the other run holds the period
                    }
                }));
            }
            List<Object> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Object> run : runs) {
                outcomes.add(run.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertThat(outcomes).as("at least one run posts the period").anyMatch(outcome ->
                    outcome instanceof SummaryJournals.Run run && run.complete());
        } finally {
            threads.shutdownNow();
        }

        List<JsonNode> posted = Sandboxes.shared().acumatica().journalTransactions();
        assertThat(posted.stream().map(j -> j.at("/CurrencyID/value").asText()).toList())
                .as("one journal per currency however many runs overlap")
                .containsExactlyInAnyOrder("EUR", "JPY", "USD");
    }

    @Test
    void periodHeldByAnotherRun_shouldPostNothing_andAnswerBusy() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        java.time.Instant now = java.time.Instant.now();
        assertThat(leases.acquire("summary:2026-05", "another-run", now, now.plusSeconds(60))).isTrue();
        try {
            JsonNode answer = new LambdaInvoker().invoke("{\"gl_summary\":{\"period\":\"2026-05\"}}");

            assertThat(answer.path("busy").asText()).contains("summary:2026-05");
            assertThat(answer.has("journals")).isFalse();
            assertThat(Sandboxes.shared().acumatica().journalTransactions()).isEmpty();
        } finally {
            leases.release("summary:2026-05", "another-run");
        }
    }

    @Test
    void rerunAfterALateInvoice_shouldPostOneAdjustmentForThatInvoice_andNothingMoreOnTheNextRun() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        LambdaInvoker poller = new LambdaInvoker();
        String request = "{\"gl_summary\":{\"period\":\"2026-05\"}}";
        poller.invoke(request);
        com.fasterxml.jackson.databind.node.ObjectNode late = Sandboxes.shared().chargebee().invoices().stream()
                .filter(invoice -> "USD".equals(invoice.path("currency_code").asText()) && inMay(invoice)
                        && "paid".equals(invoice.path("status").asText()) && invoice.path("tax").asLong() > 0)
                .findFirst().orElseThrow().deepCopy();
        late.put("id", "INV-LATE-0001");
        Sandboxes.shared().chargebee().putInvoice(late);

        JsonNode second = poller.invoke(request);
        JsonNode third = poller.invoke(request);

        List<JsonNode> posted = Sandboxes.shared().acumatica().journalTransactions();
        assertThat(posted).as("three journals and one adjustment").hasSize(4);
        JsonNode adjustment = posted.stream().filter(j -> j.at("/Description/value").asText()
                .equals("Chargebee summary 2026-05 USD adjustment 1")).findFirst().orElseThrow();
        assertThat(adjustment.at("/Status/value").asText()).isEqualTo("Posted");
        assertThat(adjustment.at("/CurrencyID/value").asText()).isEqualTo("USD");
        assertThat(second.path("journals").path("USD adjustment 1").asText()).isNotBlank();
        assertThat(third.path("journals").size()).as("nothing changed since: no adjustment").isEqualTo(3);
        assertThat(net(adjustment, "11000")).as("AR: the late invoice's total")
                .isEqualByComparingTo(Money.ofMinor(late.path("total").asLong(), "USD").scaled());
        assertThat(net(adjustment, "23000")).as("tax: the late invoice's tax")
                .isEqualByComparingTo(Money.ofMinor(-late.path("tax").asLong(), "USD").scaled());
        assertThat(net(adjustment, "10200")).as("no money moved").isZero();
        assertThat(netPerAccount(adjustment).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("balanced").isZero();
        Map<String, BigDecimal> originalAndAdjustments = netPerAccount(posted.stream()
                .filter(j -> "USD".equals(j.at("/CurrencyID/value").asText())).toArray(JsonNode[]::new));

        StandIns.shared().reset();
        Sandboxes.shared().acumatica().reset();
        poller.invoke(request);
        JsonNode wholePeriod = Sandboxes.shared().acumatica().journalTransactions().stream()
                .filter(j -> "USD".equals(j.at("/CurrencyID/value").asText())).findFirst().orElseThrow();
        assertThat(originalAndAdjustments).as("per account, the journal and its adjustment post the whole period")
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(netPerAccount(wholePeriod));
    }

    private static Map<String, BigDecimal> netPerAccount(JsonNode... journals) {
        Map<String, BigDecimal> net = new java.util.TreeMap<>();
        for (JsonNode journal : journals) {
            for (JsonNode line : journal.path("Details")) {
                net.merge(line.at("/Account/value").asText(), line.at("/DebitAmount/value").decimalValue()
                        .subtract(line.at("/CreditAmount/value").decimalValue()), BigDecimal::add);
            }
        }
        net.replaceAll((account, amount) -> amount.stripTrailingZeros());
        return net;
    }

    @Test
    void periodClose_shouldPostThePreviousMonth_whenTheScheduleSendsPrevious() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();

        JsonNode answer = new LambdaInvoker().invoke("{\"gl_summary\":{\"period\":\"previous\"}}");

        assertThat(answer.path("period").asText()).isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                .minusMonths(1).toString());
        assertThat(answer.path("journals").size()).as("no Chargebee documents in that month").isZero();
        assertThat(answer.has("error")).isFalse();
    }

    /**
     * From the Chargebee sandbox's own records: with {@code ar}, USD invoice totals less credit notes less the cash
     * that came in; without, the cash that came in (payments less refunds and payment reversals).
     */
    private static BigDecimal expectedUsd(boolean ar) {
        long documents = 0;
        java.util.Set<String> transactionIds = new java.util.TreeSet<>();
        for (JsonNode event : Sandboxes.shared().chargebee().events()) {
            JsonNode invoice = event.at("/content/invoice");
            if ("invoice_generated".equals(event.path("event_type").asText()) && inMay(invoice)
                    && "USD".equals(invoice.path("currency_code").asText())
                    && !List.of("pending", "voided").contains(invoice.path("status").asText())) {
                documents += invoice.path("total").asLong();
            }
            JsonNode note = event.at("/content/credit_note");
            if ("credit_note_created".equals(event.path("event_type").asText()) && inMay(note)
                    && "USD".equals(note.path("currency_code").asText())) {
                documents -= note.path("total").asLong();
            }
            if (event.at("/content/transaction/id").isTextual()) {
                transactionIds.add(event.at("/content/transaction/id").asText());
            }
        }
        long cash = 0;
        for (String id : transactionIds) {
            JsonNode transaction = Sandboxes.shared().chargebee().transaction(id).orElseThrow();
            if (inMay(transaction) && "USD".equals(transaction.path("currency_code").asText())
                    && "success".equals(transaction.path("status").asText())) {
                String type = transaction.path("type").asText();
                long amount = transaction.path("amount").asLong();
                cash += "payment".equals(type) ? amount : List.of("refund", "payment_reversal").contains(type)
                        ? -amount : 0;
            }
        }
        return Money.ofMinor(ar ? documents - cash : cash, "USD").scaled();
    }

    private static boolean inMay(JsonNode document) {
        long date = document.path("date").asLong();
        return date >= 1_777_593_600L && date < 1_780_272_000L; // [2026-05-01, 2026-06-01) UTC
    }
}
