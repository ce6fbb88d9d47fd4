package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.EXPIRES_AT;
import static io.mlconnector.store.dynamodb.Items.PK;
import static io.mlconnector.store.dynamodb.Items.SK;
import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.DocumentLeases;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Leases as single-item conditional writes ({@code pk = lease#<document>}); TTL only tidies lapsed ones away. */
@ApplicationScoped
public class DynamoDocumentLeases implements DocumentLeases {
    private static final String SORT_KEY = "lease";
    private static final Duration TIDY_AFTER = Duration.ofDays(1);
    private static final String TAKEABLE = "attribute_not_exists(pk) OR #leaseUntil < :nowMillis OR #owner = :owner";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDocumentLeases(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public boolean acquire(String document, String owner, Instant now, Instant until) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(document)));
        item.put(SK, s(SORT_KEY));
        item.put("owner", s(owner));
        item.put("leaseUntil", n(until.toEpochMilli()));
        item.put(EXPIRES_AT, n(until.plus(TIDY_AFTER).getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(TAKEABLE)
                    .expressionAttributeNames(Map.of("#leaseUntil", "leaseUntil", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":nowMillis", n(now.toEpochMilli()), ":owner", s(owner)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    @Override
    public void release(String document, String owner) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(pk(document), SORT_KEY))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner)))
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // Lapsed and taken by another worker, or already gone: nothing of ours to give back.
        }
    }

    private static String pk(String document) {
        return "lease#" + document;
    }
}
