package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.acumatica.auth.AccessToken;
import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.config.StoreConfig;
import io.mlconnector.secrets.Secret;
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

/**
 * The Acumatica token chain in one item, replaced by a conditional put on its version. The table is encrypted at rest
 * with KMS (template.yaml); the tokens never leave this adapter except as {@link Secret}s.
 */
@ApplicationScoped
public class DynamoTokenStore implements TokenStore {
    private static final Map<String, AttributeValue> KEY = key("acumatica#token", "chain");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTokenStore(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<Stored> read() {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(KEY)
                .consistentRead(true).build()).item();
        if (item == null || item.isEmpty() || Items.string(item, "accessToken").isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = new AccessToken(Secret.of(Items.string(item, "accessToken").get()),
                Items.string(item, "refreshToken").map(Secret::of),
                Instant.ofEpochMilli(Items.number(item, "expiresAtMillis").orElse(0L)));
        return Optional.of(new Stored(token, Items.number(item, "version").orElse(0L)));
    }

    @Override
    public boolean replace(long expectedVersion, AccessToken token) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("accessToken", s(token.accessToken().reveal()));
        token.refreshToken().ifPresent(refresh -> item.put("refreshToken", s(refresh.reveal())));
        item.put("expiresAtMillis", n(token.expiresAt().toEpochMilli()));
        item.put("version", n(expectedVersion + 1));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(pk) OR #version = :zero"
                            : "#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(expectedVersion == 0 ? Map.of(":zero", n(0))
                            : Map.of(":expected", n(expectedVersion)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherContainerWasFaster) {
            return false;
        }
    }
}
