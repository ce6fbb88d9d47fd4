package io.mlconnector.reconcile;

import io.mlconnector.acumatica.dto.CustomerRow;
import io.mlconnector.acumatica.dto.PaymentRow;
import io.mlconnector.acumatica.dto.SalesDocumentRow;
import java.util.List;

/**
 * Acumatica's AR documents around a period (a day either side, so that a date's time zone cannot drop one), read
 * through the contract-based API, and the customers they name.
 */
public record AcumaticaBooks(List<SalesDocumentRow> salesDocuments, List<PaymentRow> payments,
                             List<CustomerRow> customers) {
    public AcumaticaBooks {
        salesDocuments = List.copyOf(salesDocuments);
        payments = List.copyOf(payments);
        customers = List.copyOf(customers);
    }
}
