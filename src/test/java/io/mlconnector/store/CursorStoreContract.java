package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.CursorStore.StoredCursor;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CursorStore} does: whole seconds; {@code replace} writes only over the version it names, so two
 * overlapping polls never overwrite each other; {@code advance} only moves forward.
 */
public abstract class CursorStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private CursorStore cursors;

    /** Cursors on an empty table. */
    protected abstract CursorStore store();

    @BeforeEach
    void setUpContract() {
        cursors = store();
    }

    @Test
    void read_shouldBeEmpty_whenNoPollAdvancedIt() {
        assertThat(cursors.read("events")).isEmpty();
        assertThat(cursors.position("events")).isEmpty();
    }

    @Test
    void advance_shouldMoveTheCursorForward_whenTheValueIsLater() {
        cursors.advance("events", NOW.minusSeconds(60), NOW);
        cursors.advance("events", NOW.minusSeconds(30), NOW.plusSeconds(1));

        assertThat(cursors.read("events")).contains(NOW.minusSeconds(30));
    }

    @Test
    void advance_shouldKeepTheCursor_whenASlowerOverlappingPollFinishesLast() {
        cursors.advance("events", NOW.minusSeconds(30), NOW);

        cursors.advance("events", NOW.minusSeconds(90), NOW.plusSeconds(1));

        assertThat(cursors.read("events")).contains(NOW.minusSeconds(30));
    }

    @Test
    void advance_shouldKeepWholeSeconds_whenTheValueHasAFraction() {
        cursors.advance("events", NOW.plusMillis(999), NOW);

        assertThat(cursors.read("events")).contains(NOW);
    }

    @Test
    void advance_shouldKeepCursorsApart_whenTheyHaveDifferentNames() {
        cursors.advance("events", NOW, NOW);

        assertThat(cursors.read("backfill")).isEmpty();
    }

    @Test
    void advance_shouldStoreACaughtUpPositionWithoutEventId_evenOverOneThatHadAnId() {
        cursors.replace("events", 0, CursorPosition.after(NOW.minusSeconds(30), "ev_7", true), NOW);

        cursors.advance("events", NOW, NOW);

        assertThat(cursors.position("events").map(StoredCursor::position))
                .contains(CursorPosition.caughtUpAt(NOW));
    }

    @Test
    void replace_shouldStoreTheSecondTheEventIdAndWhetherMoreIsPending_whenNothingWasStored() {
        CursorPosition next = CursorPosition.after(NOW.plusMillis(400), "ev_42", true);

        boolean written = cursors.replace("events", 0, next, NOW);

        assertThat(written).isTrue();
        StoredCursor stored = cursors.position("events").orElseThrow();
        assertThat(stored.position()).isEqualTo(new CursorPosition(NOW, Optional.of("ev_42"), true));
        assertThat(stored.version()).isPositive();
        assertThat(cursors.read("events")).contains(NOW);
    }

    @Test
    void replace_shouldWriteNothing_whenAnotherPollWroteSinceItsVersionWasRead() {
        cursors.replace("events", 0, CursorPosition.after(NOW, "ev_1", true), NOW);
        long version = cursors.position("events").orElseThrow().version();
        assertThat(cursors.replace("events", version, CursorPosition.after(NOW.plusSeconds(5), "ev_9", true), NOW))
                .isTrue();

        boolean staleWrite = cursors.replace("events", version,
                CursorPosition.after(NOW.plusSeconds(2), "ev_4", false), NOW);

        assertThat(staleWrite).isFalse();
        assertThat(cursors.position("events").orElseThrow().position())
                .isEqualTo(CursorPosition.after(NOW.plusSeconds(5), "ev_9", true));
    }

    @Test
    void replace_shouldRefuseVersionZero_whenACursorIsStored() {
        cursors.advance("events", NOW, NOW);

        assertThat(cursors.replace("events", 0, CursorPosition.after(NOW.plusSeconds(1), "ev_2", false), NOW))
                .isFalse();
        assertThat(cursors.read("events")).contains(NOW);
    }

    @Test
    void replace_shouldMoveTheCursorBack_whenItsVersionIsCurrent_soAnOverlapReReadCanResumeWhereItStopped() {
        cursors.advance("events", NOW, NOW);
        long version = cursors.position("events").orElseThrow().version();

        CursorPosition inTheOverlap = CursorPosition.after(NOW.minusSeconds(300), "ev_3", true);
        boolean written = cursors.replace("events", version, inTheOverlap, NOW);

        assertThat(written).isTrue();
        assertThat(cursors.position("events")).contains(new StoredCursor(inTheOverlap, version + 1));
    }

    @Test
    void replace_shouldDropTheEventId_whenTheNextPositionHasNone() {
        cursors.replace("events", 0, CursorPosition.after(NOW, "ev_1", true), NOW);
        long version = cursors.position("events").orElseThrow().version();

        cursors.replace("events", version, CursorPosition.caughtUpAt(NOW.plusSeconds(1)), NOW);

        assertThat(cursors.position("events").orElseThrow().position().lastEventId()).isEmpty();
    }

    @Test
    void advance_shouldChangeTheVersion_soAPollThatReadTheOldOneCannotOverwriteIt() {
        cursors.replace("events", 0, CursorPosition.after(NOW, "ev_1", true), NOW);
        long version = cursors.position("events").orElseThrow().version();

        cursors.advance("events", NOW.plusSeconds(60), NOW);

        assertThat(cursors.replace("events", version, CursorPosition.after(NOW, "ev_2", true), NOW)).isFalse();
        assertThat(cursors.read("events")).contains(NOW.plusSeconds(60));
    }
}
