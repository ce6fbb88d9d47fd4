package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

/**
 * Compares one value the official SDK returned through a typed getter with the same attribute of the record in the
 * data file. An attribute absent (or null) in the file must read as null; a present one must read as the same value,
 * in the type the SDK declares. Every failure names the record and attribute.
 */
final class FieldAssert {

    private static final long MILLIS_PER_SECOND = 1000L;

    private final JsonNode expected;
    private final String where;

    FieldAssert(JsonNode expected, String where) {
        this.expected = required(expected, where + ": no expected record");
        this.where = where;
    }

    /** {@code value}, failing the test when it is null (JUnit's {@code assertNotNull} returns nothing). */
    static <T> T required(T value, String what) {
        assertNotNull(value, what);
        return value;
    }

    /** The assertions for element {@code index} of the array attribute {@code field}. */
    FieldAssert element(String field, int index) {
        return new FieldAssert(expected.path(field).get(index), where + "." + field + "[" + index + "]");
    }

    /** The assertions for the object attribute {@code field}. */
    FieldAssert child(String field) {
        return new FieldAssert(expected.get(field), where + "." + field);
    }

    /** The array attribute and the SDK's list have the same length, returned for iterating. */
    int sameSize(String field, List<?> actual) {
        int size = expected.path(field).size();
        assertEquals(size, actual.size(), where + "." + field + ": number of elements");
        return size;
    }

    void text(String field, String actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertEquals(value.asText(), actual, at(field));
        }
    }

    /** Money in minor units, versions: JSON integers read as {@code Long}. */
    void longValue(String field, Long actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertTrue(value.isIntegralNumber(), at(field) + " must be a JSON integer, was " + value);
            assertEquals(value.longValue(), actual, at(field));
        }
    }

    void integer(String field, Integer actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertTrue(value.isInt(), at(field) + " must be a 32-bit JSON integer, was " + value);
            assertEquals(value.intValue(), actual, at(field));
        }
    }

    void bool(String field, Boolean actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertEquals(value.booleanValue(), actual, at(field));
        }
    }

    /** Unix seconds in the file, milliseconds in the SDK's {@link Timestamp}. */
    void timestamp(String field, Timestamp actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertTrue(value.isIntegralNumber(), at(field) + " must be Unix seconds as a JSON integer, was " + value);
            assertNotNull(actual, at(field));
            assertEquals(value.longValue() * MILLIS_PER_SECOND, actual.getTime(), at(field));
        }
    }

    void decimal(String field, BigDecimal actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertNotNull(actual, at(field));
            assertEquals(0, value.decimalValue().compareTo(actual), at(field) + ": " + value + " vs " + actual);
        }
    }

    void number(String field, Double actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
        } else {
            assertEquals(value.doubleValue(), actual, at(field));
        }
    }

    /**
     * The SDK reads an unexpected enum value as {@code _UNKNOWN} without failing; here it fails, and a known value
     * must be the constant of the same name.
     */
    void enumValue(String field, Enum<?> actual) {
        JsonNode value = present(field);
        if (value == null) {
            assertNull(actual, at(field));
            return;
        }
        assertNotNull(actual, at(field));
        assertNotEquals("_UNKNOWN", actual.name(), at(field) + ": the SDK does not know \"" + value.asText() + "\"");
        assertEquals(value.asText().toUpperCase(Locale.ROOT), actual.name(), at(field));
    }

    private JsonNode present(String field) {
        JsonNode value = expected.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private String at(String field) {
        return where + "." + field;
    }
}
