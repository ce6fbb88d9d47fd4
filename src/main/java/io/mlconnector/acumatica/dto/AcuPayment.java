package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of a {@code Payment} PUT: a customer payment (type Payment) or refund (type Customer Refund). The Chargebee
 * transaction id travels in {@code ExternalRef} (the natural key), the gateway's reference in {@code PaymentRef}.
 */
@RegisterForReflection
public record AcuPayment(String type, String customerID, String paymentMethod, String cashAccount, String currencyID,
                         BigDecimal paymentAmount, LocalDate applicationDate, String paymentRef, String externalRef,
                         String description, Boolean hold, List<AcuPaymentApplication> documentsToApply) {}
