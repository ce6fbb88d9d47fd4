package io.mlconnector.mapping;

/**
 * How a mapping finds the Acumatica reference number of a Chargebee document it applies to. The pipeline's
 * implementation posts the document first when it is not in Acumatica yet; golden tests read a fixed table.
 */
public interface AcumaticaReferences {
    /** The reference number of the invoice posted for a Chargebee invoice. */
    String invoice(String chargebeeInvoiceId);

    /** The reference number of the credit memo posted for a Chargebee credit note. */
    String creditNote(String chargebeeCreditNoteId);

    /** The reference number of the payment posted for a Chargebee payment transaction. */
    String payment(String chargebeeTransactionId);
}
