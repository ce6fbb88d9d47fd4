package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The records of one top-level entity, addressable by {@code id} (the record's NoteID GUID) and by its key fields.
 *
 * <p>Records are stored in API shape (value objects). Key matching ignores case, as Acumatica's SQL collation does:
 * {@code c-1} and {@code C-1} are the same customer. Not thread-safe on its own; the {@link Tenant} lock guards it.
 * Callers save copies and never hand the stored nodes out of the sandbox.
 */
final class EntityStore {

    private final String entity;
    private final List<String> keyFields;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();

    EntityStore(String entity, List<String> keyFields) {
        this.entity = entity;
        this.keyFields = List.copyOf(keyFields);
    }

    String entity() {
        return entity;
    }

    List<String> keyFields() {
        return keyFields;
    }

    Optional<ObjectNode> byId(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    Optional<ObjectNode> byKeys(List<String> keyValues) {
        if (keyValues.size() != keyFields.size()) {
            return Optional.empty();
        }
        String id = idByKey.get(normalize(keyValues));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The key values of a record, or empty if any key field is missing. */
    Optional<List<String>> keysOf(ObjectNode record) {
        List<String> values = new ArrayList<>();
        for (String field : keyFields) {
            Optional<String> value = ValueObjects.text(record, field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    /** Inserts or replaces by {@code id}; the record must carry its id and all key values. */
    void save(ObjectNode record) {
        String id = record.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException(entity + " record saved without an id");
        }
        List<String> keys = keysOf(record).orElseThrow(
                () -> new IllegalStateException(entity + " record saved without its keys " + keyFields));
        ObjectNode previous = byId.put(id, record);
        if (previous != null) {
            keysOf(previous).ifPresent(old -> idByKey.remove(normalize(old)));
        }
        idByKey.put(normalize(keys), id);
    }

    boolean removeByKeys(List<String> keyValues) {
        String id = idByKey.remove(normalize(keyValues));
        return id != null && byId.remove(id) != null;
    }

    /** All records ordered by key, as Acumatica lists them. */
    List<ObjectNode> all() {
        Comparator<ObjectNode> byKey = Comparator.comparing(
                r -> String.join("\u0000", keysOf(r).orElse(List.of())), String.CASE_INSENSITIVE_ORDER);
        return byId.values().stream().sorted(byKey).toList();
    }

    int size() {
        return byId.size();
    }

    void clear() {
        byId.clear();
        idByKey.clear();
    }

    private static String normalize(List<String> keyValues) {
        return String.join("\u0000", keyValues).toUpperCase(Locale.ROOT);
    }
}
