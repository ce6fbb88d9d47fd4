package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditPayloads;
import io.mlconnector.store.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Audit rows under {@code audit#<event id>}, sorted by time; payload fields are capped to stay within an item's 400 KB. */
@ApplicationScoped
public class DynamoAuditLog implements AuditLog {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoAuditLog(DynamoDbClient dynamo, StoreConfig store, SyncConfig sync) {
        this.dynamo = dynamo;
        this.table = store.table();
        this.retention = sync.auditRetention();
    }

    @Override
    public void record(AuditRecord whole) {
        AuditRecord row = AuditPayloads.fit(whole);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Items.PK, s("audit#" + row.eventId()));
        // Fixed width (always nine fractional digits), so the text sorts as time does (Instant.toString() puts
        // 10:00:00.500Z before 10:00:00Z); the random suffix keeps two rows written in the same instant apart.
        item.put(Items.SK, s(SORTABLE.format(row.at()) + "#" + UUID.randomUUID().toString().substring(0, 8)));
        item.put("eventId", s(row.eventId()));
        Items.putIfPresent(item, "eventType", row.eventType());
        Items.putIfPresent(item, "resourceType", row.resourceType());
        Items.putIfPresent(item, "resourceId", row.resourceId());
        item.put("outcome", s(row.outcome()));
        Items.putIfPresent(item, "reason", row.reason());
        Items.putIfPresent(item, "received", row.received());
        Items.putIfPresent(item, "fetched", row.fetched());
        Items.putIfPresent(item, "sent", row.sent());
        Items.putIfPresent(item, "answer", row.answer());
        Items.putIfPresent(item, "acumaticaRef", row.acumaticaRef());
        item.put("at", s(row.at().toString()));
        item.put(Items.EXPIRES_AT, n(row.at().plus(retention).getEpochSecond()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public List<AuditRecord> forEvent(String eventId) {
        List<AuditRecord> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("audit#" + eventId)))
                    .exclusiveStartKey(start).consistentRead(true).build());
            page.items().forEach(item -> rows.add(toRecord(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    private static AuditRecord toRecord(Map<String, AttributeValue> item) {
        return new AuditRecord(
                Items.string(item, "eventId").orElse(""),
                Items.string(item, "eventType").orElse(null),
                Items.string(item, "resourceType").orElse(null),
                Items.string(item, "resourceId").orElse(null),
                Items.string(item, "outcome").orElse(""),
                Items.string(item, "reason").orElse(null),
                Items.string(item, "received").orElse(null),
                Items.string(item, "fetched").orElse(null),
                Items.string(item, "sent").orElse(null),
                Items.string(item, "answer").orElse(null),
                Items.string(item, "acumaticaRef").orElse(null),
                Items.instant(item, "at").orElse(Instant.EPOCH));
    }
}
