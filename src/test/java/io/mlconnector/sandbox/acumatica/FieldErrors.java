package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation errors the way a 422 body carries them: each error is written onto the offending field of
 * the record itself ({@code {"value": "X", "error": "..."}}, on header fields and on detail-line fields alike), and
 * a summary goes into the top-level {@code error} string.
 */
final class FieldErrors {

    private final List<String> summary = new ArrayList<>();

    /**
     * @param record the record or detail line that owns the field
     * @param field  the field name within {@code record}
     * @param where  how the summary names the field, e.g. {@code CustomerID} or {@code Details[2].InventoryID}
     */
    void add(ObjectNode record, String field, String where, String message) {
        ValueObjects.setError(record, field, message);
        summary.add(where + ": " + message);
    }

    /** An error that belongs to the document as a whole rather than one field. */
    void addGeneral(String message) {
        summary.add(message);
    }

    boolean any() {
        return !summary.isEmpty();
    }

    /** The top-level {@code error} text: all messages, one per line. */
    String summary() {
        return String.join("\n", summary);
    }
}
