package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of a {@code SalesInvoice} PUT (type Invoice or Credit Memo). The Chargebee id travels in {@code ExternalRef}
 * (the natural key the connector looks documents up by) and the document number in {@code CustomerOrder}.
 */
@RegisterForReflection
public record AcuSalesInvoice(String type, String customerID, String externalRef, String customerOrder,
                              LocalDate date, LocalDate dueDate, String currency, String description, Boolean hold,
                              Boolean isTaxValid, List<AcuSalesInvoiceLine> details,
                              List<AcuTaxDetail> taxDetails, List<AcuCreditMemoApplication> applicationsCreditMemo) {}
