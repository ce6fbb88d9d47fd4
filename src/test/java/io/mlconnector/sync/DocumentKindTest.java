package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.EventContent;
import io.mlconnector.ingest.QueuedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one list of handled event types, and how a delivery is deduplicated. Plain JUnit: milliseconds. */
class DocumentKindTest {

    @Test
    void eachHandledEventType_shouldNameExactlyOneKindOfDocument() {
        assertThat(DocumentKind.handledEventTypes()).hasSize(16)
                .allSatisfy(type -> assertThat(DocumentKind.ofEventType(type)).isPresent());
        assertThat(DocumentKind.ofEventType("payment_refunded")).contains(DocumentKind.TRANSACTION);
        assertThat(DocumentKind.ofEventType("subscription_created")).isEmpty();
        assertThat(HandledEventTypes.ALL).isEqualTo(DocumentKind.handledEventTypes());
    }

    @Test
    void kind_shouldFindItsRecordInAnEventsContent_andNothingElse() throws Exception {
        ChargebeeCreditNote note = new ObjectMapper().findAndRegisterModules()
                .readValue("{\"id\":\"CN-1\"}", ChargebeeCreditNote.class);
        EventContent content = new EventContent(null, null, note, null);

        assertThat(DocumentKind.CREDIT_NOTE.in(content)).containsSame(note);
        assertThat(DocumentKind.INVOICE.in(content)).isEmpty();
        assertThat(DocumentKind.of(note)).isEqualTo(DocumentKind.CREDIT_NOTE);
    }

    @Test
    void dedupKey_shouldSeparateDeliveriesOfOneEventThatNameDifferentDocuments() {
        Instant now = Instant.now();
        QueuedEvent genuine = QueuedEvent.chargebeeEvent("ev_1", "invoice_generated", now, "webhook", "invoice", "I-1");
        QueuedEvent forged = QueuedEvent.chargebeeEvent("ev_1", "invoice_generated", now, "webhook", "invoice", "I-2");
        QueuedEvent polled = QueuedEvent.chargebeeEvent("ev_1", "invoice_generated", now, "poller", "invoice", "I-1");
        QueuedEvent legacy = QueuedEvent.chargebeeEvent("ev_1", "invoice_generated", now, "webhook");

        assertThat(genuine.dedupKey()).isEqualTo(polled.dedupKey()).isNotEqualTo(forged.dedupKey());
        assertThat(legacy.dedupKey()).isEqualTo("ev_1");
        assertThat(legacy.namesDocument()).isFalse();
        assertThat(QueuedEvent.backfilled("invoice", "I-1", 7, "invoice_generated", now).dedupKey())
                .isEqualTo("backfill:invoice:I-1:7");
    }
}
