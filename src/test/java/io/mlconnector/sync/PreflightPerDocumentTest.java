package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight off the hot path (issue #10, item 8): a document costs only the references it names, read once per
 * container while they are fine; a missing one still holds the document with its reason, and is read again each time
 * so the document posts as soon as the record is added.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class PreflightPerDocumentTest {
    @Inject
    Preflight preflight;

    private AcumaticaSandbox acumatica;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        acumatica = Sandboxes.shared().acumatica();
        preflight.forget();
    }

    @Test
    void missingFor_shouldReadOnlyTheReferencesThePaymentNames_andNothingTheSecondTime_whenTheyAreFine() {
        AcuPayment payment = payment("CARD", "10260"); // the default mapping's GBP pair

        assertThat(preflight.missingFor(payment)).isEmpty();
        List<RecordedRequest> first = entityCalls();
        assertThat(preflight.missingFor(payment)).isEmpty();

        assertThat(first).extracting(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
                .as("its payment method, its cash account and their pairing; no other reference of the mapping")
                .containsExactlyInAnyOrder("PaymentMethod", "Account", "PaymentMethod");
        assertThat(entityCalls()).as("nothing read again while they are fine").hasSameSizeAs(first);
    }

    @Test
    void missingFor_shouldHoldWithTheReasonAndReadAgainEachTime_untilTheMissingRecordIsAdded() {
        AcuPayment payment = payment("CARD", "10260");
        assertThat(preflight.missingFor(payment)).isEmpty();
        acumatica.removeReferenceRecord("Account", "10260");
        preflight.run(); // the poller's report finds the gap and this container learns it

        int before = entityCalls().size();
        assertThat(preflight.missingFor(payment)).hasValueSatisfying(reason ->
                assertThat(reason).contains("cash account 10260 does not exist", "default-mapping.yaml line"));
        assertThat(preflight.missingFor(payment)).isPresent();
        assertThat(entityCalls().size() - before).as("a known gap is read again for every document").isEqualTo(2);

        acumatica.addAccount("10260", "Asset", "Cash - Operating GBP");
        assertThat(preflight.missingFor(payment)).as("posts once the record is there").isEmpty();
    }

    private List<RecordedRequest> entityCalls() {
        return acumatica.requests().stream().filter(r -> r.path().contains("/entity/")).toList();
    }

    private static AcuPayment payment(String method, String cashAccount) {
        return new AcuPayment("Payment", "CUST", method, cashAccount, "GBP", new BigDecimal("10.00"),
                LocalDate.of(2026, 5, 1), "ref", "txn_1", "test", Boolean.FALSE, List.of());
    }
}
