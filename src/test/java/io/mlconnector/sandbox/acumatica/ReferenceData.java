package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Master data the documents refer to: chart of accounts, subaccounts, currencies, non-stock items, taxes, payment
 * methods (with their cash accounts) and customer classes. Validation of customers and invoices looks records up
 * here; tests change it through the sandbox ({@code addAccount}, ...). Guarded by the {@link Tenant} lock.
 */
final class ReferenceData {

    /** Reference entity → its key field (single-field keys throughout). */
    static final Map<String, String> KEY_FIELDS = Map.of(
            "Account", "AccountCD",
            "Subaccount", "SubaccountCD",
            "Currency", "CurrencyID",
            "NonStockItem", "InventoryID",
            "Tax", "TaxID",
            "PaymentMethod", "PaymentMethodID",
            "CustomerClass", "ClassID");

    private final ContractShapes shapes;
    private final Map<String, EntityStore> stores = new LinkedHashMap<>();

    ReferenceData(ContractShapes shapes) {
        this.shapes = shapes;
        KEY_FIELDS.forEach((entity, key) -> stores.put(entity, new EntityStore(entity, List.of(key))));
    }

    void load(Map<String, List<JsonNode>> seed) {
        stores.values().forEach(EntityStore::clear);
        seed.forEach((entity, records) -> records.forEach(record -> add(entity, record)));
    }

    Set<String> entities() {
        return KEY_FIELDS.keySet();
    }

    EntityStore store(String entity) {
        EntityStore store = stores.get(entity);
        if (store == null) {
            throw new IllegalArgumentException("Not a reference entity of the sandbox: " + entity
                    + " (known: " + KEY_FIELDS.keySet() + ")");
        }
        return store;
    }

    /** Adds or replaces a record given in flat form; returns the stored API-shaped record. */
    ObjectNode add(String entity, JsonNode flat) {
        EntityStore store = store(entity);
        ObjectNode record = FlatRecords.toApiShape(shapes, entity, flat);
        String key = ValueObjects.text(record, KEY_FIELDS.get(entity)).orElseThrow(() -> new IllegalArgumentException(
                entity + " record without its key " + KEY_FIELDS.get(entity) + ": " + flat));
        String identity = key.toUpperCase(Locale.ROOT);
        if (!record.has("id")) {
            record.put("id", FlatRecords.stableId(entity, identity));
        }
        // Detail lines (e.g. a payment method's cash accounts) get ids derived from their position: stable across
        // resets and runs, like the record ids.
        record.properties().forEach(member -> {
            if (member.getValue().isArray()) {
                for (int i = 0; i < member.getValue().size(); i++) {
                    ObjectNode line = (ObjectNode) member.getValue().get(i);
                    if (!line.has("id")) {
                        line.put("id", FlatRecords.stableId(entity, identity + "/" + member.getKey() + "/" + i));
                    }
                }
            }
        });
        store.save(record);
        return record;
    }

    Optional<ObjectNode> find(String entity, String key) {
        return key == null ? Optional.empty() : store(entity).byKeys(List.of(key));
    }

    /** True if the record exists and is not inactive ({@code Active: false}, or an item's status Inactive). */
    boolean isActive(String entity, String key) {
        return find(entity, key)
                .map(r -> ValueObjects.bool(r, "Active").orElse(true)
                        && !ValueObjects.text(r, "ItemStatus").orElse("").equalsIgnoreCase("Inactive"))
                .orElse(false);
    }

    boolean remove(String entity, String key) {
        return store(entity).removeByKeys(List.of(key));
    }
}
