package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** One {@code PaymentDetail} line: how much of the payment goes to one AR document. */
@RegisterForReflection
public record AcuPaymentApplication(String docType, String referenceNbr, BigDecimal amountPaid) {}
