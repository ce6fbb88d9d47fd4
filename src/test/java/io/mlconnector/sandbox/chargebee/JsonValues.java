package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Comparator;

/** Comparison rules shared by filters and sorting, for the scalar JSON values Chargebee resources hold. */
final class JsonValues {

    /** Orders scalars: missing/null first, then booleans, numbers (numerically), text (lexicographically). */
    static final Comparator<JsonNode> SCALAR_ORDER = JsonValues::compareScalars;

    private JsonValues() {
    }

    /** The top-level attribute, or {@code null} when the record lacks it or holds JSON null. */
    static JsonNode attribute(ObjectNode record, String name) {
        JsonNode value = record.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static int compareScalars(JsonNode a, JsonNode b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a == null || a.isNull()) {
            return 0;
        }
        if (a.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        if (a.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    /**
     * Compares a record's value with a filter operand given as text. Numbers compare numerically (a non-numeric
     * operand never matches a number), everything else as text.
     *
     * @return the comparison result, or {@code null} when the two cannot be compared
     */
    static Integer compareToOperand(JsonNode value, String operand) {
        if (value.isNumber()) {
            BigDecimal number = parseNumber(operand);
            return number == null ? null : value.decimalValue().compareTo(number);
        }
        if (value.isBoolean()) {
            return Boolean.compare(value.booleanValue(), Boolean.parseBoolean(operand.trim()));
        }
        if (value.isValueNode()) {
            return value.asText().compareTo(operand);
        }
        return null;
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static int rank(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        if (node.isBoolean()) {
            return 1;
        }
        if (node.isNumber()) {
            return 2;
        }
        return 3;
    }
}
