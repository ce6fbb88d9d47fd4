package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.PollerHandler;
import io.mlconnector.sandbox.chargebee.RecordedRequest;
import io.mlconnector.store.SummaryCheckpoint;
import io.mlconnector.store.SummaryCheckpoints;
import io.mlconnector.testing.LambdaContexts;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Summary mode for a month too large for one invocation: read page by page across invocations, the exact sums stored
 * after every page, and the journals posted once, from the sums one uninterrupted read gives.
 */
@QuarkusTest
@TestProfile(SummaryJournalTest.SummaryMode.class)
class SummaryJournalResumeTest {
    private static final Map<String, Object> MAY = Map.of("gl_summary", Map.of("period", "2026-05"));
    /** The poller's time reserve (40 s) and a little: time for one slow page, not two. */
    private static final Duration ONE_PAGE_LEFT = Duration.ofMillis(41_500);

    @Inject
    PollerHandler handler;

    @Inject
    SummaryCheckpoints checkpoints;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
    }

    @Test
    void aPeriodTooLargeForOneInvocation_shouldGoOnPageByPage_andPostTheJournalsAnUninterruptedRunPosts() {
        Sandboxes.shared().chargebee().faults().delayNext(1000, Duration.ofMillis(1500)); // each request takes 1.5 s
        List<Map<String, Object>> answers = new ArrayList<>();
        do {
            answers.add(handler.handleRequest(MAY, LambdaContexts.remaining(ONE_PAGE_LEFT)));
            if (!Boolean.TRUE.equals(answers.get(answers.size() - 1).get("complete"))) {
                assertThat(Sandboxes.shared().acumatica().journalTransactions())
                        .as("nothing posts before the whole period is read").isEmpty();
            }
        } while (!Boolean.TRUE.equals(answers.get(answers.size() - 1).get("complete")) && answers.size() < 30);
        Sandboxes.shared().chargebee().faults().clear();

        Map<String, Object> first = answers.get(0);
        Map<String, Object> last = answers.get(answers.size() - 1);
        assertThat(answers).as("stopped and went on more than once").hasSizeGreaterThan(2);
        assertThat(first).containsEntry("complete", false).containsEntry("resumed", false).containsKey("stopped")
                .doesNotContainKey("journals");
        assertThat(last).containsEntry("complete", true).containsEntry("resumed", true).doesNotContainKey("stopped");
        assertThat(listPages()).as("every list page read once across the invocations").doesNotHaveDuplicates();
        Map<String, Map<String, BigDecimal>> resumed = netPerCurrencyAndAccount();
        assertThat(resumed).containsOnlyKeys("EUR", "JPY", "USD");

        StandIns.shared().reset();
        Sandboxes.shared().acumatica().reset();
        Map<String, Object> uninterrupted = handler.handleRequest(MAY, LambdaContexts.remaining(Duration.ofMinutes(14)));

        assertThat(uninterrupted).containsEntry("complete", true).containsEntry("resumed", false)
                .containsEntry("read", last.get("read"));
        assertThat(resumed).as("per currency and account, what the interrupted run posted is the whole period")
                .isEqualTo(netPerCurrencyAndAccount());
    }

    @Test
    void theScheduleAskingUnlessPosted_shouldReadNothing_andAnswerWhatPosted_onceThePeriodPosted() {
        Map<String, Object> posted = handler.handleRequest(MAY, LambdaContexts.remaining(Duration.ofMinutes(14)));
        Sandboxes.shared().chargebee().clearRequests();

        Map<String, Object> again = handler.handleRequest(Map.of("gl_summary", Map.of("period", "2026-05",
                "unless_posted", true)), LambdaContexts.remaining(Duration.ofMinutes(14)));

        assertThat(again).containsEntry("complete", true).containsEntry("journals", posted.get("journals"))
                .containsKey("posted_before");
        assertThat(Sandboxes.shared().chargebee().requests()).as("nothing read again").isEmpty();
        assertThat(Sandboxes.shared().acumatica().journalTransactions()).hasSize(3);
    }

    @Test
    void sumsTakenUnderAnotherMappingFile_shouldNotBePosted_butThePeriodReadAgain() {
        checkpoints.replace(0, new SummaryCheckpoint("2026-05", "an-older-mapping", "transaction", Optional.empty(),
                true, Map.of("invoice", 1L), Map.of("USD", Map.of("ar", new BigDecimal("999.00"),
                        "credit:40000", new BigDecimal("999.00"))), Map.of(), Optional.empty()), Instant.now());

        Map<String, Object> answer = handler.handleRequest(MAY, LambdaContexts.remaining(Duration.ofMinutes(14)));

        assertThat(answer).containsEntry("complete", true).containsEntry("resumed", false);
        Map<String, Map<String, BigDecimal>> posted = netPerCurrencyAndAccount();
        StandIns.shared().reset();
        Sandboxes.shared().acumatica().reset();
        handler.handleRequest(MAY, LambdaContexts.remaining(Duration.ofMinutes(14)));
        assertThat(posted).isEqualTo(netPerCurrencyAndAccount());
    }

    /** Each list request for the period's documents: the resource and the offset it asked for. */
    private static List<String> listPages() {
        return Sandboxes.shared().chargebee().requests().stream()
                .filter(request -> request.path().matches("/api/v2/(invoices|credit_notes|transactions)"))
                .filter(request -> request.status() == 200)
                .map(request -> request.path() + "?" + request.queryParams().getOrDefault("offset", List.of()))
                .toList();
    }

    /** What the journals posted, per currency and account (debit less credit), however many journals. */
    private static Map<String, Map<String, BigDecimal>> netPerCurrencyAndAccount() {
        Map<String, Map<String, BigDecimal>> net = new TreeMap<>();
        for (JsonNode journal : Sandboxes.shared().acumatica().journalTransactions()) {
            Map<String, BigDecimal> accounts = net.computeIfAbsent(journal.at("/CurrencyID/value").asText(),
                    currency -> new TreeMap<>());
            for (JsonNode line : journal.path("Details")) {
                accounts.merge(line.at("/Account/value").asText(), line.at("/DebitAmount/value").decimalValue()
                        .subtract(line.at("/CreditAmount/value").decimalValue()), BigDecimal::add);
            }
        }
        net.values().forEach(accounts -> accounts.replaceAll((account, amount) -> amount.stripTrailingZeros()));
        return net;
    }
}
