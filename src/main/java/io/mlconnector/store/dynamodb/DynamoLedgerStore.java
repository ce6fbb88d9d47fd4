package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStatus;
import io.mlconnector.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The ledger: one item per Chargebee document, kept without expiry (it is the record of what was posted). */
@ApplicationScoped
public class DynamoLedgerStore implements LedgerStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLedgerStore(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<LedgerEntry> find(String chargebeeType, String chargebeeId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(chargebeeType, chargebeeId), "acumatica")).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LedgerEntry(chargebeeType, chargebeeId,
                Items.string(item, "acumaticaEntity").orElse(""),
                Items.string(item, "acumaticaId").orElse(null),
                Items.string(item, "acumaticaKey").orElse(""),
                // An unknown word (a newer version's state) reads as created: checked again rather than trusted.
                Items.string(item, "status").flatMap(LedgerStatus::of).orElse(LedgerStatus.CREATED),
                Items.instant(item, "recordedAt").orElse(Instant.EPOCH),
                Items.number(item, "sourceVersion").orElse(null)));
    }

    @Override
    public boolean record(LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(entry.chargebeeType(), entry.chargebeeId()), "acumatica"));
        item.put("chargebeeType", s(entry.chargebeeType()));
        item.put("chargebeeId", s(entry.chargebeeId()));
        item.put("acumaticaEntity", s(entry.acumaticaEntity()));
        Items.putIfPresent(item, "acumaticaId", entry.acumaticaId());
        item.put("acumaticaKey", s(entry.acumaticaKey()));
        item.put("status", s(entry.status().label()));
        item.put("recordedAt", s(entry.recordedAt().toString()));
        // Compared by label, not by a stored number, so ranks can change between versions without moving anything
        // back; a label this version does not know (written by a newer one) is never overwritten.
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        if (entry.status() == LedgerStatus.CREATING) {
            // An intent is written only where nothing is: two writers whose leases overlapped never both skip the
            // lookup and create.
            return putIfAbsent(item);
        }
        String condition = "attribute_not_exists(pk) OR attribute_not_exists(#status)"
                + labelsIn(":below", statuses(status -> status.rank() < entry.status().rank()), values);
        String sameRank = labelsIn(":same", statuses(status -> status.rank() == entry.status().rank()), values);
        if (entry.sourceVersion() == null) {
            condition += sameRank;
        } else {
            item.put("sourceVersion", n(entry.sourceVersion()));
            names.put("#version", "sourceVersion");
            values.put(":version", n(entry.sourceVersion()));
            condition += sameRank.replaceFirst("^ OR ", " OR (") + " AND (attribute_not_exists(#version)"
                    + " OR #version <= :version))";
        }
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException laterStateKept) {
            return false;
        }
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException somethingThere) {
            return false;
        }
    }

    private static List<LedgerStatus> statuses(Predicate<LedgerStatus> which) {
        return Arrays.stream(LedgerStatus.values()).filter(which).toList();
    }

    /** " OR #status IN (:p0, :p1)" with the labels bound, or "" when there are none. */
    private static String labelsIn(String prefix, List<LedgerStatus> statuses, Map<String, AttributeValue> values) {
        if (statuses.isEmpty()) {
            return "";
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            placeholders.add(prefix + i);
            values.put(prefix + i, s(statuses.get(i).label()));
        }
        return " OR #status IN (" + String.join(", ", placeholders) + ")";
    }

    private static String pk(String chargebeeType, String chargebeeId) {
        return "doc#" + chargebeeType + "#" + chargebeeId;
    }
}
