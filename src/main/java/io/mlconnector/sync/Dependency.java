package io.mlconnector.sync;

/**
 * A Chargebee document that must be in Acumatica before another one can post: the customer (created in the currency
 * of the document that needs it), or an invoice, credit note or payment the document applies to.
 *
 * @param currency the currency of the document that needs it; used only when a customer has to be created
 */
public record Dependency(DocumentRef document, String currency) {

    public static Dependency customer(String chargebeeCustomerId, String currency) {
        return new Dependency(new DocumentRef(DocumentKind.CUSTOMER, chargebeeCustomerId), currency);
    }

    public static Dependency of(DocumentKind kind, String chargebeeId) {
        return new Dependency(new DocumentRef(kind, chargebeeId), null);
    }
}
