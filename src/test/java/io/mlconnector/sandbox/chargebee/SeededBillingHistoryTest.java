package io.mlconnector.sandbox.chargebee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The soak's billing histories: reproducible per seed, consistent as Chargebee keeps its books, events as of then. */
class SeededBillingHistoryTest {
    private final ChargebeeSandbox sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults());

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void recordInto_shouldRecordTheSameHistory_whenGivenTheSameSeed() {
        SeededBillingHistory.Summary first = SeededBillingHistory.recordInto(sandbox, 42);
        List<ObjectNode> firstEvents = sandbox.events();
        sandbox.reset();
        SeededBillingHistory.Summary second = SeededBillingHistory.recordInto(sandbox, 42);

        assertThat(second).isEqualTo(first);
        assertThat(sandbox.events()).isEqualTo(firstEvents);
    }

    @Test
    void recordInto_shouldKeepEveryInvoiceBalanced_andEventsAsOfTheirTime_overManySeeds() {
        int eventsOlderThanTheRecord = 0;
        for (long seed : LongStream.rangeClosed(1, 60).toArray()) {
            sandbox.reset();
            SeededBillingHistory.recordInto(sandbox, seed);
            for (ObjectNode invoice : sandbox.invoices()) {
                long due = invoice.get("total").asLong() - invoice.get("amount_paid").asLong()
                        - invoice.get("amount_adjusted").asLong() - invoice.get("credits_applied").asLong();
                assertThat(invoice.get("amount_due").asLong()).as("seed %d %s", seed, invoice.get("id"))
                        .isEqualTo("voided".equals(invoice.get("status").asText()) ? 0 : due);
                assertThat(due).as("seed %d %s is never overpaid", seed, invoice.get("id")).isNotNegative();
            }
            for (ObjectNode event : sandbox.events()) {
                JsonNode carried = event.at("/content/invoice");
                if (carried.isObject() && !carried.equals(sandbox.invoice(carried.get("id").asText()).orElseThrow())) {
                    eventsOlderThanTheRecord++;
                }
            }
        }
        assertThat(eventsOlderThanTheRecord).as("events whose invoice is not the current record").isPositive();
    }

    @Test
    void recordInto_shouldCoverEveryFateAndCurrency_overAFewDozenSeeds() {
        java.util.Set<SeededBillingHistory.Fate> fates = java.util.EnumSet.noneOf(SeededBillingHistory.Fate.class);
        java.util.Set<String> currencies = new java.util.HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            sandbox.reset();
            SeededBillingHistory.recordInto(sandbox, seed).stories().forEach(story -> {
                fates.add(story.fate());
                currencies.add(story.currency());
            });
        }
        assertThat(fates).containsExactlyInAnyOrder(SeededBillingHistory.Fate.values());
        assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "JPY");
    }
}
