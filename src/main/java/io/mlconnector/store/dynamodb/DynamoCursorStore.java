package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.CursorPosition;
import io.mlconnector.store.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Poll cursors, one item each ({@code position} in epoch seconds, {@code lastEventId}, {@code morePending},
 * {@code version}), changed only by single-item conditional updates. An item written before event ids existed has
 * only {@code position}: it reads as caught up, version 0.
 */
@ApplicationScoped
public class DynamoCursorStore implements CursorStore {
    private static final Map<String, String> NAMES = Map.of("#position", "position", "#lastEventId", "lastEventId",
            "#morePending", "morePending", "#version", "version", "#updatedAt", "updatedAt");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCursorStore(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<Instant> read(String name) {
        return position(name).map(stored -> stored.position().occurredAt());
    }

    @Override
    public Optional<StoredCursor> position(String name) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(name), "cursor")).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Items.number(item, "position").map(seconds -> new StoredCursor(
                new CursorPosition(Instant.ofEpochSecond(seconds), Items.string(item, "lastEventId"),
                        Boolean.TRUE.equals(item.getOrDefault("morePending", AttributeValue.fromBool(false)).bool())),
                Items.number(item, "version").orElse(0L)));
    }

    @Override
    public boolean replace(String name, long expectedVersion, CursorPosition next, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":position", n(next.occurredAt().getEpochSecond()));
        values.put(":morePending", AttributeValue.fromBool(next.morePending()));
        values.put(":version", n(expectedVersion + 1));
        values.put(":updatedAt", s(now.toString()));
        String update = "SET #position = :position, #morePending = :morePending, #version = :version,"
                + " #updatedAt = :updatedAt";
        if (next.lastEventId().isPresent()) {
            values.put(":lastEventId", s(next.lastEventId().get()));
            update += ", #lastEventId = :lastEventId";
        } else {
            update += " REMOVE #lastEventId";
        }
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :expected";
            values.put(":expected", n(expectedVersion));
        }
        return update(name, update, condition, values);
    }

    @Override
    public void advance(String name, Instant value, Instant now) {
        update(name, "SET #position = :position, #morePending = :morePending, #updatedAt = :updatedAt,"
                        + " #version = if_not_exists(#version, :zero) + :one REMOVE #lastEventId",
                "attribute_not_exists(#position) OR #position < :position",
                Map.of(":position", n(value.getEpochSecond()), ":morePending", AttributeValue.fromBool(false),
                        ":updatedAt", s(now.toString()), ":zero", n(0), ":one", n(1)));
    }

    /** One conditional update; false when its condition failed (another poll wrote first, or got further). */
    private boolean update(String name, String update, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(pk(name), "cursor"))
                    .conditionExpression(condition)
                    .updateExpression(update)
                    .expressionAttributeNames(namesIn(update + " " + condition))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherWriterFirst) {
            return false;
        }
    }

    /** DynamoDB rejects attribute names an expression does not use. */
    private static Map<String, String> namesIn(String expressions) {
        Map<String, String> used = new HashMap<>();
        NAMES.forEach((placeholder, attribute) -> {
            if (expressions.contains(placeholder)) {
                used.put(placeholder, attribute);
            }
        });
        return used;
    }

    private static String pk(String name) {
        return "cursor#" + name;
    }
}
