package io.mlconnector.acumatica;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * OData {@code $filter} literals, escaped: a quote inside a string literal is doubled; date-times are
 * {@code datetimeoffset'...'} literals. URL-encoding is the REST client's job (query parameters are encoded).
 */
public final class ODataFilter {
    private ODataFilter() {}

    public static String eq(String field, String value) {
        return field + " eq " + literal(value);
    }

    /** {@code LastModifiedDateTime gt datetimeoffset'2024-07-15T10:31:28.402+03:00'} */
    public static String after(String field, OffsetDateTime instant) {
        return field + " gt datetimeoffset'" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant) + "'";
    }

    /** {@code Date ge datetimeoffset'2026-05-01T00:00:00Z'}: on or after the instant. */
    public static String onOrAfter(String field, OffsetDateTime instant) {
        return field + " ge datetimeoffset'" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant) + "'";
    }

    /** {@code Date lt datetimeoffset'2026-06-01T00:00:00Z'}: strictly before the instant. */
    public static String before(String field, OffsetDateTime instant) {
        return field + " lt datetimeoffset'" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant) + "'";
    }

    public static String or(String left, String right) {
        return "(" + left + ") or (" + right + ")";
    }

    public static String and(String left, String right) {
        return "(" + left + ") and (" + right + ")";
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
