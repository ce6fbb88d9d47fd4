package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.n;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Items replaced whole by one PutItem conditional on the version that was read (no transactions): the write of a
 * checkpoint that another run moved since is refused.
 */
final class VersionedItems {
    static final String VERSION = "version";

    private VersionedItems() {}

    /**
     * Puts {@code item} with version {@code expectedVersion + 1} if the stored one is at {@code expectedVersion} (0:
     * none stored yet).
     *
     * @return false, with nothing written, when it is not
     */
    static boolean replace(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item,
                           long expectedVersion) {
        Map<String, AttributeValue> versioned = new HashMap<>(item);
        versioned.put(VERSION, n(expectedVersion + 1));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(versioned)
                .expressionAttributeNames(Map.of("#version", VERSION));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#version)");
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        try {
            dynamo.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    static long version(Map<String, AttributeValue> item) {
        return Items.number(item, VERSION).orElse(0L);
    }
}
