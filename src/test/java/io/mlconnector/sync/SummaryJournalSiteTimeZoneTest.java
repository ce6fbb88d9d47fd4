package io.mlconnector.sync;

import static io.mlconnector.testing.JournalLines.net;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Summary mode for a Chargebee site in Los Angeles ({@code site.time_zone: America/Los_Angeles}): a period is a
 * calendar month there, so the invoice raised and the payment received on the evening of January 31 (already
 * February 1 in UTC) are January's.
 */
@QuarkusTest
@TestProfile(SummaryJournalSiteTimeZoneTest.LosAngelesSummaryMode.class)
class SummaryJournalSiteTimeZoneTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class LosAngelesSummaryMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "poller",
                    "sync.mapping.file", "src/test/resources/mapping/gl-summary-los-angeles.yaml");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @Inject
    SummaryJournals journals;

    @BeforeEach
    void monthEndEveningInLosAngeles() throws IOException {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        // 18:00 and 21:30 on 2026-01-31 in Los Angeles: 02:00 and 05:30 UTC on 2026-02-01.
        Sandboxes.shared().chargebee().putInvoice(chargebee("invoice-los-angeles-month-end-evening"));
        Sandboxes.shared().chargebee().putTransaction(chargebee("payment-los-angeles-month-end-evening"));
    }

    @Test
    void periodSummary_shouldPutTheMonthEndEveningInvoiceAndPaymentInJanuary_whenTheSiteIsInLosAngeles() {
        JsonNode january = new LambdaInvoker().invoke("{\"gl_summary\":{\"period\":\"2026-01\"}}");

        assertThat(january.has("error")).isFalse();
        assertThat(january.path("journals").size()).isEqualTo(1);
        JsonNode journal = Sandboxes.shared().acumatica().journalTransactions().get(0);
        assertThat(journal.at("/Description/value").asText()).isEqualTo("Chargebee summary 2026-01 USD");
        assertThat(journal.at("/TransactionDate/value").asText()).startsWith("2026-01-31T00:00:00");
        assertThat(net(journal, "40000")).as("revenue: the plan and the seats").isEqualByComparingTo("-123.00");
        assertThat(net(journal, "23000")).as("sales tax").isEqualByComparingTo("-10.92");
        assertThat(net(journal, "10200")).as("the bank transfer received").isEqualByComparingTo("133.92");
        assertThat(net(journal, "11000")).as("AR: invoiced and paid in the same period").isEqualByComparingTo("0");
    }

    @Test
    void periodSummary_shouldLeaveTheMonthEndEveningOutOfFebruary_whenTheSiteIsInLosAngeles() {
        JsonNode february = new LambdaInvoker().invoke("{\"gl_summary\":{\"period\":\"2026-02\"}}");

        assertThat(february.has("error")).isFalse();
        assertThat(february.path("journals").size()).as("nothing happened in February in Los Angeles").isZero();
        assertThat(Sandboxes.shared().acumatica().journalTransactions()).isEmpty();
    }

    @Test
    void previousPeriod_shouldBeTheMonthBeforeTheSiteMonth_whenItIsStillJanuaryInLosAngeles() {
        Instant firstOfFebruaryUtc = Instant.parse("2026-02-01T00:30:00Z"); // 16:30 on January 31 in Los Angeles

        assertThat(journals.previousPeriod(firstOfFebruaryUtc)).isEqualTo(YearMonth.of(2025, 12));
        assertThat(journals.previousPeriod(Instant.parse("2026-02-01T08:30:00Z"))).isEqualTo(YearMonth.of(2026, 1));
    }

    /** The Chargebee record of a golden case, as Chargebee's API returns it. */
    private static ObjectNode chargebee(String goldenCase) throws IOException {
        return (ObjectNode) JSON.readTree(GOLDEN.resolve(goldenCase).resolve("input.json").toFile()).path("chargebee");
    }
}
