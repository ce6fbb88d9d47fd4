package io.mlconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.chargebee.dto.BillingAddress;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.mapping.file.CreditTerms;
import io.mlconnector.mapping.file.CustomerIdStrategy;
import io.mlconnector.mapping.file.CustomerRules;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chargebee customer → Acumatica Customer: the state Acumatica accepts, and the credit terms the mapping names. */
class CustomerMappingTest {
    private static final CustomerRules CLASS_TERMS = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 30, "DEFAULT",
            Map.of());
    private static final CustomerRules MAPPED_TERMS = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 30, "DEFAULT",
            Map.of(), new CreditTerms(null, Map.of(0, "COD", 30, "30D")));

    @ParameterizedTest(name = "{0} state_code={1} state={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "US, AZ, Arizona,        AZ",
        "US, -,  California,     CA",
        "US, -,  ny,             NY",
        "US, -,  Greater Boston, -",
        "CA, -,  Québec,         QC",
        "CA, -,  Quebec,         QC",
        "AU, -,  New South Wales, NSW",
        "IN, -,  Tamil Nadu,     TN",
        "IN, -,  Odisha,         OD",
        "IN, -,  OR,             OD",
        "DE, -,  Bavaria,        -",
        "FR, -,  Île-de-France,  -",
        "JP, 13, Tokyo,          13",
        "-,  -,  Somewhere,      -"
    })
    void state_shouldBeACodeTheCountryUses_elseEmpty(String country, String stateCode, String state, String expected) {
        AcuCustomer mapped = CustomerMapping.toAcumatica(customer(30, country, stateCode, state), "USD", CLASS_TERMS);

        assertThat(mapped.mainContact().address().state()).isEqualTo(expected);
    }

    @Test
    void terms_shouldComeFromTheMappingByNetTermDays_neverBeMadeUp() {
        assertThat(CustomerMapping.toAcumatica(customer(30, "US", "NY", null), "USD", MAPPED_TERMS).terms())
                .isEqualTo("30D");
        assertThat(CustomerMapping.toAcumatica(customer(0, "US", "NY", null), "USD", MAPPED_TERMS).terms())
                .isEqualTo("COD");
        assertThat(CustomerMapping.toAcumatica(customer(null, "US", "NY", null), "USD", MAPPED_TERMS).terms())
                .as("unset net term days are due on receipt").isEqualTo("COD");
    }

    @Test
    void terms_shouldBeLeftToTheCustomerClass_whenTheMappingNamesNoneForTheDays() {
        assertThat(CustomerMapping.toAcumatica(customer(45, "US", "NY", null), "USD", MAPPED_TERMS).terms()).isNull();
        assertThat(CustomerMapping.toAcumatica(customer(30, "US", "NY", null), "USD", CLASS_TERMS).terms()).isNull();
        CustomerRules withDefault = new CustomerRules(CustomerIdStrategy.CHARGEBEE_ID, 30, "DEFAULT", Map.of(),
                new CreditTerms("30D", Map.of(0, "COD")));
        assertThat(CustomerMapping.toAcumatica(customer(45, "US", "NY", null), "USD", withDefault).terms())
                .isEqualTo("30D");
    }

    private static ChargebeeCustomer customer(Integer netTermDays, String country, String stateCode, String state) {
        BillingAddress address = new BillingAddress("Ada", "Lovelace", null, "Analytical Ltd", null, "1 Engine Way",
                null, null, "Springfield", stateCode, state, country, "12345");
        return new ChargebeeCustomer("cust_1", "Ada", "Lovelace", "ada@example.com", null, "Analytical Ltd", "USD",
                netTermDays, address, false, null, null, 1L);
    }
}
