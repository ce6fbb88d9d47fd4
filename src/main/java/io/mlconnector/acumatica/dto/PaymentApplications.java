package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** A released payment with the applications released so far ({@code ApplicationHistory}, read expanded). */
@RegisterForReflection
public record PaymentApplications(String id, String type, String referenceNbr, String status,
                                  List<Applied> applicationHistory) {

    /** One released application: the document it paid and how much. */
    @RegisterForReflection
    public record Applied(String adjustedDocType, String adjustedRefNbr, BigDecimal amountPaid) {}
}
