package io.mlconnector.sync;

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

    public static class SummaryMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "poller",
                    "sync.mapping.file", "src/test/resources/mapping/gl-summary.yaml");
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
        BigDecimal arDebit = BigDecimal.ZERO;
        for (JsonNode line : usd.path("Details")) {
            if ("11000".equals(line.at("/Account/value").asText())) {
                arDebit = arDebit.add(line.at("/DebitAmount/value").decimalValue());
            }
        }
        assertThat(arDebit).as("AR = the period's USD invoice totals less credit notes").isEqualByComparingTo(
                expectedUsdAr());
    }

    private static BigDecimal expectedUsdAr() {
        long minor = 0;
        for (JsonNode event : Sandboxes.shared().chargebee().events()) {
            JsonNode invoice = event.at("/content/invoice");
            if ("invoice_generated".equals(event.path("event_type").asText()) && inMay(invoice)
                    && "USD".equals(invoice.path("currency_code").asText())
                    && !List.of("pending", "voided").contains(invoice.path("status").asText())) {
                minor += invoice.path("total").asLong();
            }
            JsonNode note = event.at("/content/credit_note");
            if ("credit_note_created".equals(event.path("event_type").asText()) && inMay(note)
                    && "USD".equals(note.path("currency_code").asText())) {
                minor -= note.path("total").asLong();
            }
        }
        return Money.ofMinor(minor, "USD").scaled();
    }

    private static boolean inMay(JsonNode document) {
        long date = document.path("date").asLong();
        return date >= 1_777_593_600L && date < 1_780_272_000L; // [2026-05-01, 2026-06-01) UTC
    }
}
