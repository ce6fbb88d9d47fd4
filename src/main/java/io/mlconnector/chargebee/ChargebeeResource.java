package io.mlconnector.chargebee;

import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;

/**
 * The resources the connector reads, with their path, JSON key and the attributes Chargebee lets us window and sort
 * them by. Customers have {@code created_at}; documents have {@code date}; events {@code occurred_at}.
 */
public record ChargebeeResource<T>(String path, String key, Class<T> type, String creationAttribute,
                                   boolean supportsIncludeDeleted) {

    public static final ChargebeeResource<ChargebeeCustomer> CUSTOMERS =
            new ChargebeeResource<>("customers", "customer", ChargebeeCustomer.class, "created_at", true);
    public static final ChargebeeResource<ChargebeeInvoice> INVOICES =
            new ChargebeeResource<>("invoices", "invoice", ChargebeeInvoice.class, "date", true);
    public static final ChargebeeResource<ChargebeeCreditNote> CREDIT_NOTES =
            new ChargebeeResource<>("credit_notes", "credit_note", ChargebeeCreditNote.class, "date", true);
    public static final ChargebeeResource<ChargebeeTransaction> TRANSACTIONS =
            new ChargebeeResource<>("transactions", "transaction", ChargebeeTransaction.class, "date", true);
    public static final ChargebeeResource<ChargebeeEvent> EVENTS =
            new ChargebeeResource<>("events", "event", ChargebeeEvent.class, "occurred_at", false);
}
