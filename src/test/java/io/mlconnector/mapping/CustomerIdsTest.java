package io.mlconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerIdsTest {

    @Test
    void customerId_shouldBeTheChargebeeId_whenItFitsTheKey() {
        assertThat(CustomerIds.customerId("cust_0042", 10)).isEqualTo("CUST_0042");
    }

    @Test
    void customerId_shouldBeAStableShortHash_whenTheChargebeeIdIsTooLong() {
        String first = CustomerIds.customerId("16CHKbT4sK2ajL1Xd", 10);

        assertThat(first).hasSize(10).startsWith("CB").isEqualTo(CustomerIds.customerId("16CHKbT4sK2ajL1Xd", 10));
        assertThat(first).isNotEqualTo(CustomerIds.customerId("16CHKbT4sK2ajL1Xe", 10));
    }

    @Test
    void customerId_shouldHash_whenTheChargebeeIdHasCharactersAKeyCannotHold() {
        assertThat(CustomerIds.customerId("a.b@c", 10)).startsWith("CB").hasSize(10);
    }
}
