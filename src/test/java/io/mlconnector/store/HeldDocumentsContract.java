package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.HeldDocument.Status;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HeldDocuments} does: one row per document, newly held once, resolved unless skipped. */
public abstract class HeldDocumentsContract {
    private static final Instant FIRST = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-04T11:30:00Z");

    private HeldDocuments held;

    /** Held documents on an empty table. */
    protected abstract HeldDocuments store();

    @BeforeEach
    void setUpContract() {
        held = store();
    }

    @Test
    void hold_shouldBeNewOnlyOnce_whenTheSameDocumentIsHeldByManyDeliveriesAndEvents() {
        assertThat(held.hold("invoice", "INV-1", "ev_1", "Currency JPY is missing", FIRST)).isTrue();
        assertThat(held.hold("invoice", "INV-1", "ev_1", "Currency JPY is missing", FIRST)).isFalse();
        assertThat(held.hold("invoice", "INV-1", "ev_2", "Currency JPY is still missing", LATER)).isFalse();

        assertThat(held.list()).containsExactly(new HeldDocument("invoice", "INV-1", Status.HELD,
                "Currency JPY is still missing", FIRST, LATER, Set.of("ev_1", "ev_2"), null, null));
    }

    @Test
    void hold_shouldBeNewAgain_whenAnOperatorSentItBackAndItIsHeldOnceMore() {
        held.hold("invoice", "INV-1", "ev_1", "missing account", FIRST);
        held.retrying("invoice", "INV-1", LATER);
        assertThat(held.find("invoice", "INV-1")).map(HeldDocument::status).contains(Status.RETRYING);

        assertThat(held.hold("invoice", "INV-1", "retry:1", "missing account", LATER)).isTrue();

        assertThat(held.find("invoice", "INV-1")).get().satisfies(document -> {
            assertThat(document.status()).isEqualTo(Status.HELD);
            assertThat(document.firstHeldAt()).as("its age counts from the first hold").isEqualTo(FIRST);
        });
    }

    @Test
    void resolved_shouldRemoveAHeldDocument_andIgnoreOneNeverHeld() {
        held.hold("invoice", "INV-1", "ev_1", "missing account", FIRST);
        held.hold("transaction", "txn_1", "ev_2", "missing cash account", FIRST);

        held.resolved("invoice", "INV-1");
        held.resolved("invoice", "INV-never-held");

        assertThat(held.list()).extracting(HeldDocument::resourceId).containsExactly("txn_1");
    }

    @Test
    void skip_shouldKeepTheDocumentListedAsSkipped_evenWhenLaterResolvedOrHeldAgain() {
        held.hold("invoice", "INV-1", "ev_1", "missing account", FIRST);

        held.skip("invoice", "INV-1", "written off by hand in Acumatica", "ana@example.com", LATER);
        held.resolved("invoice", "INV-1");
        assertThat(held.hold("invoice", "INV-1", "ev_3", "missing account", LATER)).isFalse();
        held.retrying("invoice", "INV-1", LATER);

        assertThat(held.list()).containsExactly(new HeldDocument("invoice", "INV-1", Status.SKIPPED,
                "missing account", FIRST, FIRST, Set.of("ev_1"), "written off by hand in Acumatica",
                "ana@example.com"));
    }

    @Test
    void skip_shouldListADocumentThatWasNeverHeld() {
        held.skip("credit_note", "CN-9", "duplicate of CN-8", "ops", LATER);

        assertThat(held.find("credit_note", "CN-9")).get().satisfies(document -> {
            assertThat(document.status()).isEqualTo(Status.SKIPPED);
            assertThat(document.skipReason()).isEqualTo("duplicate of CN-8");
            assertThat(document.firstHeldAt()).isEqualTo(LATER);
        });
    }

    @Test
    void list_shouldReturnEveryDocumentByTypeAndId_acrossPages() {
        for (int i = 0; i < 120; i++) {
            held.hold("invoice", String.format("INV-%03d", i), "ev_" + i, "r".repeat(10_000), FIRST);
        }
        held.hold("credit_note", "CN-1", "ev_cn", "missing account", FIRST);

        assertThat(held.list()).hasSize(121).first().extracting(HeldDocument::resourceId).isEqualTo("CN-1");
        assertThat(held.find("invoice", "INV-404")).isEmpty();
    }
}
