package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.EventContent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of Chargebee document the connector posts, and the event types that announce a change of one. This is
 * the one list of handled event types: ingest and the poller drop the others, the worker re-reads the document an
 * event names (the event's own content is only a hint of which document changed, never what is posted).
 */
public enum DocumentKind {
    CUSTOMER("customer", ChargebeeResource.CUSTOMERS,
            List.of("customer_created", "customer_changed", "customer_deleted")),
    INVOICE("invoice", ChargebeeResource.INVOICES,
            List.of("invoice_generated", "invoice_generated_with_backdating", "invoice_updated", "invoice_deleted")),
    CREDIT_NOTE("credit_note", ChargebeeResource.CREDIT_NOTES,
            List.of("credit_note_created", "credit_note_created_with_backdating", "credit_note_updated",
                    "credit_note_deleted")),
    TRANSACTION("transaction", ChargebeeResource.TRANSACTIONS,
            List.of("payment_succeeded", "payment_refunded", "refund_initiated", "transaction_created",
                    "transaction_updated"));

    private final String resourceType;
    private final ChargebeeResource<? extends ChargebeeRecord> resource;
    private final List<String> eventTypes;

    DocumentKind(String resourceType, ChargebeeResource<? extends ChargebeeRecord> resource, List<String> eventTypes) {
        this.resourceType = resourceType;
        this.resource = resource;
        this.eventTypes = eventTypes;
    }

    /** Chargebee's name of the resource ("credit_note"); also the ledger's document type. */
    public String resourceType() {
        return resourceType;
    }

    public ChargebeeResource<? extends ChargebeeRecord> resource() {
        return resource;
    }

    public static Optional<DocumentKind> ofEventType(String eventType) {
        return Arrays.stream(values()).filter(kind -> kind.eventTypes.contains(eventType)).findFirst();
    }

    public static Optional<DocumentKind> ofResourceType(String resourceType) {
        return Arrays.stream(values()).filter(kind -> kind.resourceType.equals(resourceType)).findFirst();
    }

    /** Every handled event type. */
    public static Set<String> handledEventTypes() {
        return Arrays.stream(values()).flatMap(kind -> kind.eventTypes.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The record of this kind an event carries, or empty. */
    public Optional<ChargebeeRecord> in(EventContent content) {
        if (content == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (this) {
            case CUSTOMER -> content.customer();
            case INVOICE -> content.invoice();
            case CREDIT_NOTE -> content.creditNote();
            case TRANSACTION -> content.transaction();
        });
    }

    /** The record's kind. */
    public static DocumentKind of(ChargebeeRecord record) {
        if (record instanceof ChargebeeCustomer) {
            return CUSTOMER;
        }
        if (record instanceof ChargebeeInvoice) {
            return INVOICE;
        }
        return record instanceof ChargebeeCreditNote ? CREDIT_NOTE : TRANSACTION;
    }
}
