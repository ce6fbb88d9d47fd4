package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/**
 * A payment (or a credit memo's Payment view) with its applications: those released so far
 * ({@code ApplicationHistory}) and those added but not released yet ({@code DocumentsToApply}), both read expanded.
 */
@RegisterForReflection
public record PaymentApplications(String id, String type, String referenceNbr, String status,
                                  List<Applied> applicationHistory, List<Pending> documentsToApply) {

    /** One released application: the document it paid and how much. */
    @RegisterForReflection
    public record Applied(String adjustedDocType, String adjustedRefNbr, BigDecimal amountPaid) {}

    /** One application not released yet: the next release applies it. */
    @RegisterForReflection
    public record Pending(String id, String docType, String referenceNbr, BigDecimal amountPaid) {}

    public List<Applied> released() {
        return applicationHistory == null ? List.of() : applicationHistory;
    }

    public List<Pending> pending() {
        return documentsToApply == null ? List.of() : documentsToApply;
    }
}
