package io.mlconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} minor units of {1} are {2}")
    @CsvSource({
            "153, USD, 1.53",
            "100000, EUR, 1000.00",
            "1200, JPY, 1200",
            "55000, KRW, 55000",
            "1234, KWD, 1.234",
            "-999, USD, -9.99",
            "0, JPY, 0"})
    void ofMinor_shouldUseTheCurrencysExponent(long minor, String currency, String expected) {
        Money money = Money.ofMinor(minor, currency);

        assertThat(money.scaled()).isEqualTo(new BigDecimal(expected));
        assertThat(money.scaled().scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    @Test
    void ofMinor_shouldNeverProduceFractionalYen() {
        assertThat(Money.ofMinor(1, "jpy")).isEqualTo(new Money(BigDecimal.ONE, "JPY"));
    }

    @Test
    void ofDecimal_shouldKeepMultiDecimalPricingExact() {
        assertThat(Money.ofDecimal("0.0125", "USD").scaled()).isEqualTo(new BigDecimal("0.0125"));
    }

    @Test
    void minus_shouldRefuseMixingCurrencies() {
        assertThatThrownBy(() -> Money.ofMinor(100, "USD").minus(Money.ofMinor(100, "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD vs EUR");
    }
}
