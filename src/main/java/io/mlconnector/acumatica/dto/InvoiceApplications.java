package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** An invoice or debit memo with the documents applied to it so far ({@code ApplicationsInvoice}, read expanded). */
@RegisterForReflection
public record InvoiceApplications(String id, String type, String referenceNbr, BigDecimal amount, BigDecimal balance,
                                  List<Applied> applicationsInvoice) {

    /** One application to the invoice: the adjusting document's type and number, and the amount. */
    @RegisterForReflection
    public record Applied(String docType, String adjustingDocReferenceNbr, BigDecimal amountPaid) {}
}
