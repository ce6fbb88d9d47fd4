package io.mlconnector.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} does: every row of an event back, every field as written, oldest first, and payloads cut
 * to what one DynamoDB item can hold (80,000 characters a field) rather than refused.
 */
public abstract class AuditLogContract {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private AuditLog audit;

    /** An audit log on an empty table. */
    protected abstract AuditLog store();

    @BeforeEach
    void setUpContract() {
        audit = store();
    }

    @Test
    void forEvent_shouldBeEmpty_whenNothingWasRecorded() {
        assertThat(audit.forEvent("ev_1")).isEmpty();
    }

    @Test
    void forEvent_shouldReturnEveryField_asRecorded() {
        AuditRecord row = new AuditRecord("ev_1", "invoice_generated", "invoice", "INV-1", "POSTED", "first post",
                "{\"received\":1}", "{\"fetched\":2}", "{\"sent\":3}", "{\"answer\":4}", "Invoice/AR000042",
                Instant.parse("2026-12-03T10:00:00.123456Z"));

        audit.record(row);

        assertThat(audit.forEvent("ev_1")).containsExactly(row);
    }

    @Test
    void forEvent_shouldLeaveOptionalFieldsEmpty_whenRecordedWithout() {
        AuditRecord row = AuditRecord.of("ev_1", "invoice_generated", "DUPLICATE", null, NOW);

        audit.record(row);

        assertThat(audit.forEvent("ev_1")).containsExactly(row);
    }

    /** Fractions of different lengths too: Instant.toString() text would put 10:00:00.500Z before 10:00:00Z. */
    @Test
    void forEvent_shouldReturnRowsOldestFirst_whateverOrderTheyWereWritten() {
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "POSTED", null, NOW.plusMillis(1_500)));
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "CLAIMED", null, NOW));
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "RETRY", "503", NOW.plusMillis(500)));

        assertThat(audit.forEvent("ev_1")).extracting(AuditRecord::outcome).containsExactly("CLAIMED", "RETRY", "POSTED");
    }

    @Test
    void forEvent_shouldKeepBothRows_whenWrittenInTheSameInstant() {
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "RETRY", null, NOW));
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "POSTED", null, NOW));

        assertThat(audit.forEvent("ev_1")).extracting(AuditRecord::outcome).containsExactlyInAnyOrder("RETRY", "POSTED");
    }

    @Test
    void forEvent_shouldReturnOnlyThatEventsRows_whenOthersWereRecorded() {
        audit.record(AuditRecord.of("ev_1", "invoice_generated", "POSTED", null, NOW));
        audit.record(AuditRecord.of("ev_10", "invoice_generated", "HELD", null, NOW));

        assertThat(audit.forEvent("ev_1")).extracting(AuditRecord::eventId).containsExactly("ev_1");
    }

    @Test
    void record_shouldCutEachPayloadField_whenLongerThanAnItemHolds() {
        String huge = "x".repeat(100_000);
        audit.record(new AuditRecord("ev_1", "invoice_generated", "invoice", "INV-1", "REJECTED", huge, huge, huge,
                huge, "short", "Invoice/AR000042", NOW));

        AuditRecord kept = audit.forEvent("ev_1").get(0);

        String cut = "x".repeat(AuditPayloads.FIELD_BYTES_MAX - "…[truncated]".getBytes(UTF_8).length)
                + "…[truncated]";
        assertThat(kept.reason()).isEqualTo(cut);
        assertThat(kept.received()).isEqualTo(cut);
        assertThat(kept.fetched()).isEqualTo(cut);
        assertThat(kept.sent()).isEqualTo(cut);
        assertThat(kept.answer()).isEqualTo("short");
    }

    /**
     * DynamoDB counts an item's 400 KB in UTF-8 bytes (dynalite does not enforce it, so the sum is checked here): five
     * huge fields of three-byte characters must still fit, cut where a character ends.
     */
    @Test
    void record_shouldKeepTheRowWithin400KB_whenAllFivePayloadsAreHugeAndMultiByte() {
        String huge = "€".repeat(100_000);
        audit.record(new AuditRecord("ev_1", "invoice_generated", "invoice", "INV-1", "HELD", huge, huge, huge,
                huge, huge, null, NOW));

        AuditRecord kept = audit.forEvent("ev_1").get(0);

        List<String> payloads = List.of(kept.reason(), kept.received(), kept.fetched(), kept.sent(), kept.answer());
        int bytes = payloads.stream().mapToInt(field -> field.getBytes(UTF_8).length).sum();
        assertThat(bytes).as("payload bytes, leaving room for keys and names").isLessThanOrEqualTo(390 * 1024);
        assertThat(payloads).allSatisfy(field -> assertThat(field.endsWith("€…[truncated]")).as("cut after a whole €")
                .isTrue());
    }

    @Test
    void forEvent_shouldReturnEveryRow_whenTheyFillMoreThanOneQueryPage() {
        String payload = "y".repeat(80_000); // 15 rows of 160 KB: over DynamoDB's 1 MB a query page
        for (int i = 0; i < 15; i++) {
            audit.record(new AuditRecord("ev_1", "invoice_generated", null, null, "RETRY", null, payload, payload,
                    null, null, null, NOW.plusSeconds(i)));
        }

        assertThat(audit.forEvent("ev_1")).hasSize(15).extracting(AuditRecord::at).isSorted();
    }
}
