package io.mlconnector.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows Acumatica's value-object envelope: every general field travels as {@code {"value": x}},
 * linked entities as nested objects, detail entities as arrays, and the system fields {@code id}, {@code rowNumber},
 * {@code delete} bare. Typed records in, JSON out, and back. Mappers and the pipeline never see the envelope.
 */
public final class AcumaticaValueCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BARE_FIELDS = List.of("id", "rowNumber", "delete");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /**
     * A document date (invoice date, due date, application date, journal date) travels as local midnight without an
     * offset, {@code 2026-01-31T00:00:00}: a calendar date, not an instant. Acumatica's date fields keep no time and
     * are not converted between time zones, so a value without an offset is stored as the date it names, whatever
     * the API user's time zone; a value with an offset is an instant that the API may first convert (to the user's or
     * the server's time zone), which moves midnight UTC to the previous day for a user west of Greenwich.
     */
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /**
     * The body of an action that takes no parameters: {@code {"entity": <the record's keys>}}, exactly what the
     * contract's action schemas ({@code ReleaseSalesInvoice}, {@code ReleasePayment}, {@code VoidPayment},
     * {@code ReleaseJournalTransaction}) declare; none of them has a {@code parameters} member.
     */
    public ObjectNode encodeAction(Record entityKeys) {
        ObjectNode payload = NODES.objectNode();
        payload.set("entity", encode(entityKeys));
        return payload;
    }

    public ObjectNode encode(Record entity) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent component : entity.getClass().getRecordComponents()) {
            Object value = read(component, entity);
            if (value == null) {
                continue;
            }
            String name = fieldName(component);
            if (BARE_FIELDS.contains(component.getName())) {
                node.set(component.getName(), scalar(value));
            } else if ("custom".equals(component.getName()) && value instanceof JsonNode custom) {
                // Custom fields keep Acumatica's own typed shape: {"View": {"Field": {"type": ..., "value": ...}}}.
                node.set("custom", custom);
            } else if (value instanceof Record linked) {
                node.set(name, encode(linked));
            } else if (value instanceof List<?> details) {
                ArrayNode array = node.putArray(name);
                details.forEach(detail -> array.add(encode((Record) detail)));
            } else {
                node.set(name, NODES.objectNode().set("value", scalar(value)));
            }
        }
        return node;
    }

    public <T extends Record> T decode(JsonNode node, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            JsonNode field = BARE_FIELDS.contains(component.getName())
                    ? node.get(component.getName())
                    : node.get(fieldName(component));
            arguments[i] = decodeField(field, component);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from an Acumatica record", e);
        }
    }

    /** The comma-separated {@code $select} for a view record (system fields are always returned). */
    public String selectFor(Class<? extends Record> view) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : view.getRecordComponents()) {
            if (List.class.isAssignableFrom(component.getType())) {
                // A detail list read by a view: its own fields, as Details/Field paths (it must also be expanded).
                for (RecordComponent detail : listElement(component.getGenericType()).getRecordComponents()) {
                    if (!BARE_FIELDS.contains(detail.getName()) && !Record.class.isAssignableFrom(detail.getType())
                            && !List.class.isAssignableFrom(detail.getType())) {
                        names.add(fieldName(component) + "/" + fieldName(detail));
                    }
                }
            } else if (!BARE_FIELDS.contains(component.getName()) && !Record.class.isAssignableFrom(component.getType())) {
                names.add(fieldName(component));
            }
        }
        return String.join(",", names);
    }

    /** The detail lists of a record type, which contract version 4 returns only when named in {@code $expand}. */
    public static List<String> detailsOf(Class<? extends Record> type) {
        List<String> details = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (List.class.isAssignableFrom(component.getType())) {
                details.add(fieldName(component));
            }
        }
        return details;
    }

    /** Acumatica field name of a component: {@link AcuName} or the name with a capital first letter. */
    public static String fieldName(RecordComponent component) {
        AcuName explicit = component.getAnnotation(AcuName.class);
        if (explicit != null) {
            return explicit.value();
        }
        String name = component.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private Object decodeField(JsonNode field, RecordComponent component) {
        if (field == null || field.isNull() || field.isMissingNode()) {
            return null;
        }
        Class<?> type = component.getType();
        if (Record.class.isAssignableFrom(type)) {
            return decode(field, type.asSubclass(Record.class));
        }
        if (List.class.isAssignableFrom(type)) {
            Class<? extends Record> element = listElement(component.getGenericType());
            List<Object> items = new ArrayList<>();
            field.forEach(item -> items.add(decode(item, element)));
            return List.copyOf(items);
        }
        JsonNode value = BARE_FIELDS.contains(component.getName()) ? field : field.get("value");
        return value == null || value.isNull() ? null : convert(value, type);
    }

    private static Object convert(JsonNode value, Class<?> type) {
        if (type == String.class) {
            return value.asText();
        }
        if (type == BigDecimal.class) {
            return value.decimalValue();
        }
        if (type == Integer.class || type == int.class) {
            return value.asInt();
        }
        if (type == Long.class || type == long.class) {
            return value.asLong();
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.asBoolean();
        }
        if (type == LocalDate.class) {
            // The calendar date as Acumatica renders it, whatever offset it renders with.
            return OffsetDateTime.parse(normaliseDateTime(value.asText())).toLocalDate();
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(normaliseDateTime(value.asText()));
        }
        throw new IllegalArgumentException("Unsupported Acumatica field type " + type.getSimpleName());
    }

    /** Acumatica returns local date-times without an offset; they are the tenant's dates, read as UTC. */
    private static String normaliseDateTime(String text) {
        return text.length() == 19 ? text + "+00:00" : text;
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof LocalDate date) {
            return NODES.textNode(LOCAL_DATE_TIME.format(date.atStartOfDay()));
        }
        if (value instanceof OffsetDateTime dateTime) {
            return NODES.textNode(DATE_TIME.format(dateTime));
        }
        throw new IllegalArgumentException("Unsupported Acumatica field type " + value.getClass().getSimpleName());
    }

    private static Object read(RecordComponent component, Record entity) {
        try {
            return component.getAccessor().invoke(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static Class<? extends Record> listElement(Type genericType) {
        if (genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && Record.class.isAssignableFrom(element)) {
            return element.asSubclass(Record.class);
        }
        throw new IllegalArgumentException("Detail lists must hold records: " + genericType);
    }
}
