package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What reconciliation reads of a payment or refund ({@code Payment}): amount, unapplied balance and status. */
@RegisterForReflection
public record PaymentRow(String id, String type, String referenceNbr, String externalRef, String customerID,
                         String currencyID, BigDecimal paymentAmount, BigDecimal availableBalance, String status,
                         String applicationDate) {

    /** The application date's calendar day (rendered as midnight with the API user's offset). */
    public LocalDate day() {
        return applicationDate == null || applicationDate.length() < 10 ? null
                : LocalDate.parse(applicationDate.substring(0, 10));
    }
}
