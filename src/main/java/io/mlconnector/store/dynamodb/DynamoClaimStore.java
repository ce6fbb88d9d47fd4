package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.EXPIRES_AT;
import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.store.ClaimStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Claims as single-item conditional writes: no transactions (dynalite has none, and one item needs none). On a lost
 * race, DynamoDB may return the old item with the failure; dynalite does not, so the adapter re-reads consistently.
 */
@ApplicationScoped
public class DynamoClaimStore implements ClaimStore {
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    static final String RELEASED = "RELEASED";
    static final String HELD = "HELD";

    private static final String CLAIMABLE = "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
            + " OR (#status = :inProgress AND #leaseUntil < :nowMillis) OR #status = :released OR #status = :held";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoClaimStore(DynamoDbClient dynamo, StoreConfig store, SyncConfig sync) {
        this.dynamo = dynamo;
        this.table = store.table();
        this.retention = sync.dedupRetention();
    }

    @Override
    public Claim claim(String eventId, Instant now, Duration lease) {
        Instant leaseUntil = now.plus(lease);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":nowSeconds", n(now.getEpochSecond()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":inProgress", s(IN_PROGRESS));
        values.put(":released", s(RELEASED));
        values.put(":held", s(HELD));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        values.put(":leaseUntil", n(leaseUntil.toEpochMilli()));
        values.put(":expiresAt", n(now.plus(retention).getEpochSecond()));
        values.put(":updatedAt", s(now.toString()));
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(pk(eventId), "claim"))
                    .conditionExpression(CLAIMABLE)
                    .updateExpression("SET #status = :inProgress, #leaseUntil = :leaseUntil, #expiresAt = :expiresAt,"
                            + " #updatedAt = :updatedAt, #attempts = if_not_exists(#attempts, :zero) + :one")
                    .expressionAttributeNames(names())
                    .expressionAttributeValues(values)
                    .returnValues("ALL_NEW")
                    .build()).attributes();
            return new Claim.Claimed(Items.number(after, "attempts").orElse(1L).intValue(), leaseUntil);
        } catch (ConditionalCheckFailedException lost) {
            return existing(eventId, now);
        }
    }

    @Override
    public void complete(String eventId, String outcome, Instant now) {
        setStatus(eventId, DONE, outcome, now);
    }

    @Override
    public void release(String eventId, Instant now) {
        setStatus(eventId, RELEASED, null, now);
    }

    @Override
    public void hold(String eventId, String reason, Instant now) {
        setStatus(eventId, HELD, reason, now);
    }

    private void setStatus(String eventId, String status, String detail, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status));
        values.put(":updatedAt", s(now.toString()));
        values.put(":detail", s(detail == null ? "" : detail));
        values.put(":expiresAt", n(now.plus(retention).getEpochSecond()));
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(key(pk(eventId), "claim"))
                .updateExpression("SET #status = :status, #updatedAt = :updatedAt, #detail = :detail,"
                        + " #expiresAt = :expiresAt REMOVE #leaseUntil")
                .expressionAttributeNames(Map.of("#status", "status", "#updatedAt", "updatedAt",
                        "#detail", "detail", "#expiresAt", EXPIRES_AT, "#leaseUntil", "leaseUntil"))
                .expressionAttributeValues(values)
                .build());
    }

    private Claim existing(String eventId, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(eventId), "claim")).consistentRead(true).build()).item();
        String status = Items.string(item, "status").orElse(IN_PROGRESS);
        if (DONE.equals(status)) {
            return new Claim.AlreadyDone(Items.string(item, "detail").orElse(""));
        }
        long leaseUntil = Items.number(item, "leaseUntil").orElse(now.toEpochMilli());
        return new Claim.InProgressElsewhere(Instant.ofEpochMilli(leaseUntil));
    }

    private static Map<String, String> names() {
        return Map.of("#status", "status", "#leaseUntil", "leaseUntil", "#expiresAt", EXPIRES_AT,
                "#updatedAt", "updatedAt", "#attempts", "attempts");
    }

    private static String pk(String eventId) {
        return "event#" + eventId;
    }
}
