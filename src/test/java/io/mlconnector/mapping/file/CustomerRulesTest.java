package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class CustomerRulesTest {

    @Test
    void customerIdFor_shouldUpperCaseTheChargebeeId_whenItFitsTheSegment() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("cust_42")).isEqualTo("CUST_42");
    }

    @Test
    void customerIdFor_shouldHashWith64BitsOrMore_whenTheChargebeeIdDoesNotFit() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 15, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("AzZlGJTKqS6fn1Ba")).isEqualTo(expectedHash("AzZlGJTKqS6fn1Ba", 15));
        assertThat(rules.customerIdFor("a.b@c")).isEqualTo(expectedHash("a.b@c", 15));
    }

    @Test
    void customerIdFor_shouldRefuseWithWhatToDo_whenTheIdDoesNotFitAndTheSegmentIsTooShortForAHash() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT", Map.of());

        assertThatThrownBy(() -> rules.customerIdFor("AzZlGJTKqS6fn1Ba")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a 10-character CustomerID")
                .hasMessageContaining("lengthen the CUSTOMER segment");
    }

    @Test
    void customerIdFor_shouldAlwaysHash_withTheHashedStrategy() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.HASHED, 18, "DEFAULT", Map.of());

        assertThat(rules.customerIdFor("cust_42")).isEqualTo(expectedHash("cust_42", 18)).hasSize(18)
                .matches("CB[0-9A-HJKMNP-TV-Z]+");
        assertThat(new CustomerRules(CustomerIdStrategy.HASHED, 15, "DEFAULT", Map.of()).customerIdFor("cust_42"))
                .as("the example in the mapping file's header").isEqualTo("CB5CEB1E22JV0GS");
    }

    @Test
    void hashedIds_shouldNotCollide_acrossAHundredThousandCustomersAtTheShortestLength() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.HASHED, CustomerIdStrategy.MIN_HASHED_LENGTH,
                "DEFAULT", Map.of());
        Set<String> ids = new HashSet<>();

        for (int i = 0; i < 100_000; i++) {
            ids.add(rules.customerIdFor("cust_" + i));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void classFor_shouldUseTheCurrencysClass_elseTheDefault() {
        CustomerRules rules = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 10, "DEFAULT",
                Map.of("EUR", "INTL"));

        assertThat(rules.classFor("EUR")).isEqualTo("INTL");
        assertThat(rules.classFor("USD")).isEqualTo("DEFAULT");
        assertThat(rules.classFor("")).isEqualTo("DEFAULT");
    }

    /** An independent encoder: RFC 4648 base32 (commons-codec), its letters mapped onto Crockford's alphabet. */
    private static String expectedHash(String chargebeeId, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chargebeeId.getBytes(StandardCharsets.UTF_8));
            String rfc = new Base32().encodeAsString(digest).replace("=", "");
            String rfcAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            String crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
            StringBuilder out = new StringBuilder("CB");
            for (char c : rfc.toCharArray()) {
                out.append(crockford.charAt(rfcAlphabet.indexOf(c)));
            }
            return out.substring(0, length);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
