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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
                Items.instant(item, "recordedAt").orElse(Instant.EPOCH)));
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
        item.put("statusRank", n(entry.status().rank()));
        item.put("recordedAt", s(entry.recordedAt().toString()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(#rank) OR #rank <= :rank")
                    .expressionAttributeNames(Map.of("#rank", "statusRank"))
                    .expressionAttributeValues(Map.of(":rank", n(entry.status().rank())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException laterStateKept) {
            return false;
        }
    }

    private static String pk(String chargebeeType, String chargebeeId) {
        return "doc#" + chargebeeType + "#" + chargebeeId;
    }
}
