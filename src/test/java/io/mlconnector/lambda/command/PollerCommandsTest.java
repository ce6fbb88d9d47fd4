package io.mlconnector.lambda.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.lambda.command.PollerCommand.RelativePeriod;
import io.mlconnector.sync.DocumentKind;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every payload the README and the template send, decoded as the handler receives it (a map), and wrong ones. */
class PollerCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PollerCommands commands = new PollerCommands(JSON);

    private PollerCommand decode(String payload) throws Exception {
        return commands.decode(JSON.readValue(payload, new TypeReference<Map<String, Object>>() {}));
    }

    @Test
    void schedulesPayloads_shouldPoll() throws Exception {
        assertThat(decode("{\"source\":\"ml-connector.schedule\"}")).isEqualTo(new PollerCommand.Poll());
        assertThat(decode("{\"source\":\"ml-connector.poller\",\"detail-type\":\"Scheduled poll\"}"))
                .isEqualTo(new PollerCommand.Poll());
        assertThat(decode("{}")).isEqualTo(new PollerCommand.Poll());
        assertThat(commands.decode(null)).isEqualTo(new PollerCommand.Poll());
    }

    @Test
    void backfill_shouldDecodeRangeWindowAndTypes_withDefaults() throws Exception {
        assertThat(decode("{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\","
                + "\"window_days\":7,\"types\":[\"invoices\",\"credit_note\"]}}"))
                .isEqualTo(new PollerCommand.Backfill(Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(7),
                        Set.of(DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE)));
        assertThat(decode("{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\"}}"))
                .isEqualTo(new PollerCommand.Backfill(Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(31), Set.of()));
    }

    @Test
    void glSummary_shouldDecodeTheScheduleAndAMonth() throws Exception {
        assertThat(decode("{\"gl_summary\":{\"period\":\"previous\",\"unless_posted\":true}}"))
                .isEqualTo(new PollerCommand.GlSummary(RelativePeriod.PREVIOUS, true));
        assertThat(decode("{\"gl_summary\":{\"period\":\"2026-05\"}}"))
                .isEqualTo(new PollerCommand.GlSummary(PollerCommand.PeriodChoice.month(YearMonth.of(2026, 5)),
                        false));
    }

    @Test
    void flags_shouldDecodePreflightAndPing() throws Exception {
        assertThat(decode("{\"preflight\":true}")).isEqualTo(new PollerCommand.Preflight());
        assertThat(decode("{\"ping\":true}")).isEqualTo(new PollerCommand.Ping());
    }

    @Test
    void dryRun_shouldDecodeAnEventOrAPeriodWithItsLimit() throws Exception {
        assertThat(decode("{\"dry_run\":{\"event_id\":\"ev_123\"}}"))
                .isEqualTo(new PollerCommand.DryRunEvent("ev_123"));
        assertThat(decode("{\"dry_run\":{\"period\":\"2026-05\",\"limit\":50}}"))
                .isEqualTo(new PollerCommand.DryRunPeriod(PollerCommand.PeriodChoice.month(YearMonth.of(2026, 5)),
                        50));
        assertThat(decode("{\"dry_run\":{\"period\":\"previous\"}}"))
                .isEqualTo(new PollerCommand.DryRunPeriod(RelativePeriod.PREVIOUS, 50));
    }

    @Test
    void reconcile_shouldDecodeAMonthCurrentOrPrevious() throws Exception {
        assertThat(decode("{\"reconcile\":{\"period\":\"2026-05\"}}"))
                .isEqualTo(new PollerCommand.Reconcile(PollerCommand.PeriodChoice.month(YearMonth.of(2026, 5))));
        assertThat(decode("{\"reconcile\":{\"period\":\"current\"}}"))
                .isEqualTo(new PollerCommand.Reconcile(RelativePeriod.CURRENT));
        assertThat(decode("{\"reconcile\":{\"period\":\"previous\"}}"))
                .isEqualTo(new PollerCommand.Reconcile(RelativePeriod.PREVIOUS));
    }

    @Test
    void held_shouldDecodeListRetryRetryAllAndSkip() throws Exception {
        assertThat(decode("{\"held\":{\"list\":{}}}")).isEqualTo(new PollerCommand.HeldList(Optional.empty(),
                Optional.empty(), 50));
        assertThat(decode("{\"held\":{\"list\":{\"reason\":\"account 4000\",\"type\":\"invoice\","
                + "\"limit\":10}}}")).isEqualTo(new PollerCommand.HeldList(Optional.of("account 4000"),
                Optional.of(DocumentKind.INVOICE), 10));
        assertThat(decode("{\"held\":{\"retry\":{\"type\":\"invoice\",\"id\":\"inv_1\"}}}"))
                .isEqualTo(new PollerCommand.HeldRetry(DocumentKind.INVOICE, "inv_1"));
        assertThat(decode("{\"held\":{\"retry_all\":{\"reason\":\"account 4000\"}}}"))
                .isEqualTo(new PollerCommand.HeldRetryAll("account 4000"));
        assertThat(decode("{\"held\":{\"skip\":{\"type\":\"transaction\",\"id\":\"txn_1\",\"reason\":\"test\","
                + "\"by\":\"ana@example.com\"}}}"))
                .isEqualTo(new PollerCommand.HeldSkip(DocumentKind.TRANSACTION, "txn_1", "test", "ana@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"pong\":true}",
            "{\"ping\":false}",
            "{\"ping\":\"yes\"}",
            "{\"ping\":true,\"preflight\":true}",
            "{\"backfill\":{\"from\":\"last year\",\"to\":\"now\"}}",
            "{\"backfill\":{\"from\":\"2025-01-01T00:00:00Z\",\"to\":\"2024-01-01T00:00:00Z\"}}",
            "{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\",\"types\":\"invoice\"}}",
            "{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\",\"types\":[\"order\"]}}",
            "{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\",\"window_days\":0}}",
            "{\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\",\"windowdays\":7}}",
            "{\"backfill\":\"2024\"}",
            "{\"gl_summary\":{\"period\":\"May\"}}",
            "{\"gl_summary\":{\"period\":\"current\"}}",
            "{\"gl_summary\":{\"period\":\"2026-05\",\"unless_posted\":\"yes\"}}",
            "{\"dry_run\":{}}",
            "{\"dry_run\":{\"event_id\":\"\"}}",
            "{\"dry_run\":{\"event_id\":\"ev_1\",\"period\":\"2026-05\"}}",
            "{\"dry_run\":{\"period\":\"2026-05\",\"limit\":0}}",
            "{\"dry_run\":{\"period\":\"2026-05\",\"limit\":100000}}",
            "{\"reconcile\":{}}",
            "{\"reconcile\":{\"period\":\"last month\"}}",
            "{\"held\":{}}",
            "{\"held\":{\"list\":{},\"retry\":{}}}",
            "{\"held\":{\"requeue\":{}}}",
            "{\"held\":{\"retry\":{\"type\":\"invoice\"}}}",
            "{\"held\":{\"retry\":{\"type\":\"order\",\"id\":\"o_1\"}}}",
            "{\"held\":{\"retry_all\":{}}}",
            "{\"held\":{\"skip\":{\"type\":\"invoice\",\"id\":\"inv_1\",\"reason\":\"dup\"}}}",
            "{\"held\":{\"list\":{\"limit\":-1}}}"})
    void wrongPayloads_shouldBeRefusedWithWhatWasWrong(String payload) {
        assertThatThrownBy(() -> decode(payload)).isInstanceOf(PollerCommands.Invalid.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception"));
    }

    @Test
    void unknownCommand_shouldNameItAndListEveryCommand() {
        assertThatThrownBy(() -> decode("{\"pong\":true}")).hasMessageContaining("unknown command [pong]")
                .hasMessageContaining("expected one of: ").hasMessageContaining("\"ping\"")
                .hasMessageContaining("\"dry_run\"").hasMessageContaining("\"held\"");
    }

    @Test
    void nonObjectPayload_shouldBeRefused() {
        assertThatThrownBy(() -> commands.decode(java.util.List.of(1, 2))).isInstanceOf(PollerCommands.Invalid.class)
                .hasMessageContaining("not a JSON object; expected one of");
        assertThatThrownBy(() -> commands.decode("ping")).isInstanceOf(PollerCommands.Invalid.class);
    }

    @Test
    void badBackfill_shouldKeepTheWordsItAnsweredBefore() {
        assertThatThrownBy(() -> decode("{\"backfill\":{\"from\":\"last year\",\"to\":\"now\"}}"))
                .hasMessageContaining("ISO-8601");
    }
}
