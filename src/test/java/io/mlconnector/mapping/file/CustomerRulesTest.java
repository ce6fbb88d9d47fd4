package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerRulesTest {

    @Test
    void customerIdFor_shouldUpperCaseTheChargebeeId_whenItFitsTheSegment() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("cust_42")).isEqualTo("CUST_42");
    }

    @Test
    void customerIdFor_shouldHash_whenTheChargebeeIdIsTooLongOrHasOtherCharacters() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("AzZlGJTKqS6fn1Ba")).isEqualTo(("CB" + sha256Hex("AzZlGJTKqS6fn1Ba"))
                .substring(0, 10));
        assertThat(rules.customerIdFor("a.b@c")).isEqualTo(("CB" + sha256Hex("a.b@c")).substring(0, 10));
    }

    @Test
    void customerIdFor_shouldAlwaysHash_withTheHashedStrategy() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.HASHED, 12, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("cust_42")).isEqualTo(("CB" + sha256Hex("cust_42")).substring(0, 12));
    }

    @Test
    void classFor_shouldUseTheCurrencysClass_elseTheDefault() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT",
                Map.of("EUR", "INTL"));

        assertThat(rules.classFor("EUR")).isEqualTo("INTL");
        assertThat(rules.classFor("USD")).isEqualTo("DEFAULT");
        assertThat(rules.classFor("")).isEqualTo("DEFAULT");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
