package io.mlconnector.sandbox.chargebee;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resources the sandbox serves, with their wire names.
 *
 * <p>{@code defaultSortAttribute} stands in for Chargebee's documented default order ("created_at ascending"):
 * invoices, credit notes and transactions expose no {@code created_at}, so their document {@code date} is used.
 */
enum ResourceType {
    CUSTOMER("customer", "customers", "created_at", true),
    INVOICE("invoice", "invoices", "date", true),
    CREDIT_NOTE("credit_note", "credit_notes", "date", true),
    TRANSACTION("transaction", "transactions", "date", true),
    EVENT("event", "events", "occurred_at", false);

    private final String objectName;
    private final String pathSegment;
    private final String defaultSortAttribute;
    private final boolean supportsIncludeDeleted;

    ResourceType(String objectName, String pathSegment, String defaultSortAttribute,
            boolean supportsIncludeDeleted) {
        this.objectName = objectName;
        this.pathSegment = pathSegment;
        this.defaultSortAttribute = defaultSortAttribute;
        this.supportsIncludeDeleted = supportsIncludeDeleted;
    }

    /** Singular name: the {@code object} attribute and the key wrapping each list entry. */
    String objectName() {
        return objectName;
    }

    /** Plural URL segment, also the seed file's base name. */
    String pathSegment() {
        return pathSegment;
    }

    String defaultSortAttribute() {
        return defaultSortAttribute;
    }

    boolean supportsIncludeDeleted() {
        return supportsIncludeDeleted;
    }

    /** Invoices and credit notes are the documents whose line items Chargebee truncates. */
    boolean hasPagedLineItems() {
        return this == INVOICE || this == CREDIT_NOTE;
    }

    /** Human name for error messages, e.g. "Credit note". */
    String displayName() {
        String spaced = objectName.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The resource an {@code object} attribute names, e.g. {@code credit_note}. */
    static Optional<ResourceType> byObjectName(String objectName) {
        return Arrays.stream(values()).filter(t -> t.objectName.equals(objectName)).findFirst();
    }

    static Optional<ResourceType> byPathSegment(String segment) {
        return Arrays.stream(values()).filter(t -> t.pathSegment.equals(segment)).findFirst();
    }
}
