package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** A credit memo's application to an invoice ({@code SalesInvoiceApplicationCreditMemo}), applied on release. */
@RegisterForReflection
public record AcuCreditMemoApplication(String docType, String referenceNbr, BigDecimal amountPaid) {}
