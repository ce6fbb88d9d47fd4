package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.HeldDocument;
import io.mlconnector.store.HeldDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Held documents in one partition ({@code pk=held}, {@code sk=<type>#<id>}), listed by a Query of that partition: the
 * table has no index, and held documents are few. Each write is one conditional UpdateItem or DeleteItem. No TTL: a
 * held document stays until it posts, and a skipped one stays for reconciliation.
 */
@ApplicationScoped
public class DynamoHeldDocuments implements HeldDocuments {
    static final String PARTITION = "held";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHeldDocuments(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public boolean hold(String resourceType, String resourceId, String eventId, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":held", s(HeldDocument.Status.HELD.name()));
        values.put(":reason", s(reason));
        values.put(":now", s(now.toString()));
        values.put(":eventIds", AttributeValue.builder().ss(eventId).build());
        try {
            Map<String, AttributeValue> newly = new HashMap<>(values);
            newly.put(":retrying", s(HeldDocument.Status.RETRYING.name()));
            newly.put(":type", s(resourceType));
            newly.put(":id", s(resourceId));
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(PARTITION, sk(resourceType, resourceId)))
                    .conditionExpression("attribute_not_exists(pk) OR #status = :retrying")
                    .updateExpression("SET #status = :held, #reason = :reason, #type = :type, #id = :id,"
                            + " #firstHeldAt = if_not_exists(#firstHeldAt, :now), #lastHeldAt = :now"
                            + " ADD #eventIds :eventIds")
                    .expressionAttributeNames(names("#status", "#reason", "#type", "#id", "#firstHeldAt",
                            "#lastHeldAt", "#eventIds"))
                    .expressionAttributeValues(newly).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyListed) {
            // Held already (its one DLQ message is there) or skipped: add this event to a held one, change no other.
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                        .key(key(PARTITION, sk(resourceType, resourceId)))
                        .conditionExpression("#status = :held")
                        .updateExpression("SET #reason = :reason, #lastHeldAt = :now ADD #eventIds :eventIds")
                        .expressionAttributeNames(names("#status", "#reason", "#lastHeldAt", "#eventIds"))
                        .expressionAttributeValues(values).build());
            } catch (ConditionalCheckFailedException skippedOrResolved) {
                // nothing to add
            }
            return false;
        }
    }

    @Override
    public void resolved(String resourceType, String resourceId) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(key(PARTITION, sk(resourceType, resourceId)))
                    .conditionExpression("attribute_exists(pk) AND #status <> :skipped")
                    .expressionAttributeNames(names("#status"))
                    .expressionAttributeValues(Map.of(":skipped", s(HeldDocument.Status.SKIPPED.name()))).build());
        } catch (ConditionalCheckFailedException notHeldOrSkipped) {
            // the usual case for a posted document: it was never held
        }
    }

    @Override
    public void retrying(String resourceType, String resourceId, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(PARTITION, sk(resourceType, resourceId)))
                    .conditionExpression("#status = :held")
                    .updateExpression("SET #status = :retrying, #retriedAt = :now")
                    .expressionAttributeNames(names("#status", "#retriedAt"))
                    .expressionAttributeValues(Map.of(":held", s(HeldDocument.Status.HELD.name()),
                            ":retrying", s(HeldDocument.Status.RETRYING.name()), ":now", s(now.toString())))
                    .build());
        } catch (ConditionalCheckFailedException notHeld) {
            // resolved, skipped or retrying already
        }
    }

    @Override
    public void skip(String resourceType, String resourceId, String reason, String by, Instant now) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(PARTITION, sk(resourceType, resourceId)))
                .updateExpression("SET #status = :skipped, #skipReason = :skipReason, #skippedBy = :by, #type = :type,"
                        + " #id = :id, #firstHeldAt = if_not_exists(#firstHeldAt, :now),"
                        + " #lastHeldAt = if_not_exists(#lastHeldAt, :now), #skippedAt = :now")
                .expressionAttributeNames(names("#status", "#skipReason", "#skippedBy", "#type", "#id",
                        "#firstHeldAt", "#lastHeldAt", "#skippedAt"))
                .expressionAttributeValues(Map.of(":skipped", s(HeldDocument.Status.SKIPPED.name()),
                        ":skipReason", s(reason), ":by", s(by), ":type", s(resourceType), ":id", s(resourceId),
                        ":now", s(now.toString())))
                .build());
    }

    @Override
    public Optional<HeldDocument> find(String resourceType, String resourceId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(PARTITION, sk(resourceType, resourceId))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(document(item));
    }

    @Override
    public List<HeldDocument> list() {
        List<HeldDocument> documents = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :held").expressionAttributeNames(Map.of("#pk", Items.PK))
                    .expressionAttributeValues(Map.of(":held", s(PARTITION)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> documents.add(document(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return documents;
    }

    private static HeldDocument document(Map<String, AttributeValue> item) {
        AttributeValue events = item.get("eventIds");
        return new HeldDocument(Items.string(item, "resourceType").orElse(""),
                Items.string(item, "resourceId").orElse(""),
                Items.string(item, "status").map(HeldDocument.Status::valueOf).orElse(HeldDocument.Status.HELD),
                Items.string(item, "reason").orElse(null),
                Items.instant(item, "firstHeldAt").orElse(Instant.EPOCH),
                Items.instant(item, "lastHeldAt").orElse(Instant.EPOCH),
                events == null || !events.hasSs() ? Set.of() : Set.copyOf(events.ss()),
                Items.string(item, "skipReason").orElse(null), Items.string(item, "skippedBy").orElse(null));
    }

    /** Placeholders named after their attributes: {@code #status} → {@code status}. */
    private static Map<String, String> names(String... placeholders) {
        Map<String, String> names = new HashMap<>();
        for (String placeholder : placeholders) {
            names.put(placeholder, switch (placeholder) {
                case "#type" -> "resourceType";
                case "#id" -> "resourceId";
                default -> placeholder.substring(1);
            });
        }
        return names;
    }

    private static String sk(String resourceType, String resourceId) {
        return resourceType + "#" + resourceId;
    }
}
