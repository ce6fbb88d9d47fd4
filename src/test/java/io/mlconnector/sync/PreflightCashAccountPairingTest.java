package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.mapping.file.MappingFixtures;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cash account is only usable with a payment method that allows it (Acumatica, Payment Methods, Allowed Cash
 * Accounts). The sandbox tenant's BANKTRANSFER allows only the USD and EUR cash accounts; this mapping routes every
 * bank transfer to BANKTRANSFER, so GBP and JPY bank transfers would meet a cash account it does not allow.
 */
@QuarkusTest
@TestProfile(PreflightCashAccountPairingTest.Profile.class)
class PreflightCashAccountPairingTest {

    @Inject
    Preflight preflight;

    @Test
    void preflight_shouldListEachCashAccountItsPaymentMethodDoesNotAllow_andNoOther() {
        Preflight.Report report = preflight.run();

        assertThat(report.lines()).filteredOn(line -> line.startsWith("cash account")).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("cash account 10260 is not allowed for payment method"
                        + " BANKTRANSFER", "bank-transfer-everywhere.yaml line"))
                .anySatisfy(line -> assertThat(line).contains("cash account 10270 is not allowed for payment method"
                        + " BANKTRANSFER"));
    }

    @Test
    void payment_shouldBeHeldWithTheReason_whenItsCashAccountIsNotAllowedForItsMethod_butNotWithAnAllowedMethod() {
        assertThat(preflight.missingFor(payment("BANKTRANSFER", "10260"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("10260", "BANKTRANSFER", "Allowed Cash Accounts"));
        assertThat(preflight.missingFor(payment("CARD", "10260"))).as("CARD allows the GBP cash account").isEmpty();
        assertThat(preflight.missingFor(payment("BANKTRANSFER", "10250"))).as("an allowed pair").isEmpty();
    }

    private static AcuPayment payment(String method, String cashAccount) {
        return new AcuPayment("Payment", "CUST", method, cashAccount, "GBP", new BigDecimal("10.00"),
                LocalDate.of(2026, 5, 1), "ref", "txn_1", "test", Boolean.FALSE, List.of());
    }

    /** The default mapping without its GBP and JPY exceptions for bank transfers. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "poller", "sync.mapping.file", bankTransferEverywhere().toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }

        private static Path bankTransferEverywhere() {
            try {
                String mapping = MappingFixtures.text(MappingFixtures.DEFAULT_MAPPING);
                String changed = mapping.replaceFirst(
                        "(?s) {6}by_currency:\\n {8}# The tenant's BANKTRANSFER.*? {8}JPY: \\{ payment_method: CARD \\}\\n", "");
                if (changed.equals(mapping)) {
                    throw new IllegalStateException("the default mapping no longer has the bank transfer exceptions");
                }
                Path file = Files.createTempDirectory("mapping").resolve("bank-transfer-everywhere.yaml");
                Files.writeString(file, changed);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
