package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CursorStore} does: whole seconds, moved only forward, so overlapping polls never rewind it. */
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
}
