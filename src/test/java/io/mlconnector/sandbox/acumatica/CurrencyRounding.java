package io.mlconnector.sandbox.acumatica;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts rounded to their currency's {@code DecimalPrecision} (2 when the currency is unknown), half up. */
final class CurrencyRounding {

    private final ReferenceData reference;

    CurrencyRounding(ReferenceData reference) {
        this.reference = reference;
    }

    int precision(String currency) {
        return reference.find("Currency", currency)
                .flatMap(c -> ValueObjects.decimal(c, "DecimalPrecision"))
                .map(BigDecimal::intValue).orElse(2);
    }

    BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(precision(currency), RoundingMode.HALF_UP);
    }

    BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(precision(currency));
    }
}
