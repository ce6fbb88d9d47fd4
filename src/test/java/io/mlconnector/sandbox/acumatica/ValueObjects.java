package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The sandbox's own codec for Acumatica's value-object envelope ({@code "Field": {"value": ..., "error": ...}}).
 *
 * <p>Stored records keep the envelope exactly as the API returns it, so reading and writing a field always goes
 * through here. (The connector has its own codec in main code; this one exists so the simulator never depends on the
 * system under test.)
 */
final class ValueObjects {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Acumatica renders date-times with an explicit offset and no fraction when it is zero. */
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter WITH_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    private ValueObjects() {
    }

    static ObjectNode wrap(JsonNode value) {
        ObjectNode envelope = NODES.objectNode();
        envelope.set("value", value == null ? NODES.nullNode() : value);
        return envelope;
    }

    static ObjectNode wrap(String value) {
        return wrap(NODES.textNode(value));
    }

    /** The inner value of a field, if the field is present and carries a non-null value. */
    static Optional<JsonNode> value(JsonNode record, String field) {
        JsonNode envelope = record == null ? null : record.get(field);
        if (envelope == null || !envelope.isObject()) {
            return Optional.empty();
        }
        JsonNode value = envelope.get("value");
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<String> text(JsonNode record, String field) {
        return value(record, field).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    static Optional<BigDecimal> decimal(JsonNode record, String field) {
        return value(record, field).filter(JsonNode::isNumber).map(JsonNode::decimalValue);
    }

    static Optional<Boolean> bool(JsonNode record, String field) {
        return value(record, field).filter(JsonNode::isBoolean).map(JsonNode::booleanValue);
    }

    static void set(ObjectNode record, String field, String value) {
        record.set(field, wrap(NODES.textNode(value)));
    }

    static void set(ObjectNode record, String field, BigDecimal value) {
        // Emitted as a JSON number: the contract types DecimalValue.value as "number".
        record.set(field, wrap(NODES.numberNode(value)));
    }

    static void set(ObjectNode record, String field, boolean value) {
        record.set(field, wrap(NODES.booleanNode(value)));
    }

    static void set(ObjectNode record, String field, long value) {
        record.set(field, wrap(NODES.numberNode(value)));
    }

    static void setIfAbsent(ObjectNode record, String field, String value) {
        if (value != null && value(record, field).isEmpty()) {
            set(record, field, value);
        }
    }

    /** Marks a field as invalid the way Acumatica does in a 422 body: the value stays, an {@code error} is added. */
    static void setError(ObjectNode record, String field, String message) {
        JsonNode existing = record.get(field);
        ObjectNode envelope = existing != null && existing.isObject() ? (ObjectNode) existing : NODES.objectNode();
        if (!envelope.has("value")) {
            envelope.putNull("value");
        }
        envelope.put("error", message);
        record.set(field, envelope);
    }

    static String formatDateTime(Instant instant) {
        OffsetDateTime at = instant.atOffset(ZoneOffset.UTC);
        return (at.getNano() == 0 ? WHOLE_SECONDS : WITH_MILLIS).format(at);
    }

    static String formatDateTime(OffsetDateTime at) {
        return (at.getNano() == 0 ? WHOLE_SECONDS : WITH_MILLIS).format(at);
    }

    /**
     * A document date (invoice date, due date, application date, journal date) as Acumatica renders it: midnight of
     * that day, with the offset the API user's time zone has at that midnight.
     */
    static String formatDate(LocalDate date, ZoneId userTimeZone) {
        return WHOLE_SECONDS.format(date.atStartOfDay(userTimeZone).toOffsetDateTime());
    }

    /**
     * The calendar day a client's DateTimeValue names for a date field, which keeps no time: a date or a local
     * date-time names its own day (no conversion); a value with an offset is an instant, converted to the API user's
     * time zone first (ASSUMPTION, see the sandbox README), so midnight UTC is the previous day for a user in
     * Los Angeles.
     */
    static Optional<LocalDate> parseDate(String text, ZoneId userTimeZone) {
        return parseDateTime(text, userTimeZone).map(at -> at.atZoneSameInstant(userTimeZone).toLocalDate());
    }

    /** {@link #parseDateTime(String, ZoneId)} for a user in UTC (OData literals, the sandbox's own timestamps). */
    static Optional<OffsetDateTime> parseDateTime(String text) {
        return parseDateTime(text, ZoneOffset.UTC);
    }

    /**
     * Parses what clients send for a DateTimeValue: a date, a local date-time (read in the API user's time zone) or
     * an offset date-time (kept as the instant it names).
     */
    static Optional<OffsetDateTime> parseDateTime(String text, ZoneId userTimeZone) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay(userTimeZone).toOffsetDateTime());
            }
            try {
                return Optional.of(OffsetDateTime.parse(s));
            } catch (RuntimeException noOffset) {
                return Optional.of(LocalDateTime.parse(s).atZone(userTimeZone).toOffsetDateTime());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
