package io.mlconnector.acumatica.dto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A journal found on a retry is released again only if it is not released yet: an Unposted batch (released on a
 * ledger that does not post on release) must not be, or Acumatica refuses the second release and the document is held.
 */
class JournalViewTest {

    @ParameterizedTest(name = "{0} → released {1}")
    @CsvSource({"On Hold,false", "Balanced,false", "Unposted,true", "Posted,true", "Released,true"})
    void isReleased_shouldFollowTheBatchStatus(String status, boolean released) {
        assertThat(new JournalView("id", "GL", "000001", status, "summary").isReleased()).isEqualTo(released);
    }
}
