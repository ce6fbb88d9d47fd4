package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Poll cursors, moved only forward by a conditional update so overlapping polls cannot rewind each other. */
@ApplicationScoped
public class DynamoCursorStore implements CursorStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCursorStore(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<Instant> read(String name) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(name), "cursor")).consistentRead(true).build()).item();
        return item == null ? Optional.empty() : Items.number(item, "position").map(Instant::ofEpochSecond);
    }

    @Override
    public void advance(String name, Instant value, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(pk(name), "cursor"))
                    .conditionExpression("attribute_not_exists(#position) OR #position < :position")
                    .updateExpression("SET #position = :position, #updatedAt = :updatedAt")
                    .expressionAttributeNames(Map.of("#position", "position", "#updatedAt", "updatedAt"))
                    .expressionAttributeValues(Map.of(":position", n(value.getEpochSecond()),
                            ":updatedAt", s(now.toString())))
                    .build());
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // Another poll got further; its cursor stands.
        }
    }

    private static String pk(String name) {
        return "cursor#" + name;
    }
}
