package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.BackfillCheckpoint;
import io.mlconnector.store.BackfillCheckpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Backfill checkpoints: one item per request, replaced by a put conditional on the version read. */
@ApplicationScoped
public class DynamoBackfillCheckpoints implements BackfillCheckpoints {
    private static final String SK = "checkpoint";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBackfillCheckpoints(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<Stored> read(String request) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(request), SK)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> queued = new HashMap<>();
        AttributeValue counts = item.get("queued");
        if (counts != null && counts.hasM()) {
            counts.m().forEach((type, count) -> queued.put(type, Long.parseLong(count.n())));
        }
        BackfillCheckpoint checkpoint = new BackfillCheckpoint(request, Items.string(item, "resourceType").orElseThrow(),
                Instant.ofEpochSecond(Items.number(item, "windowStart").orElseThrow()), Items.string(item, "offset"),
                Items.number(item, "windowsDone").orElse(0L).intValue(), queued,
                Boolean.TRUE.equals(item.get("complete") == null ? null : item.get("complete").bool()));
        return Optional.of(new Stored(checkpoint, VersionedItems.version(item)));
    }

    @Override
    public boolean replace(long expectedVersion, BackfillCheckpoint next, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(next.request()), SK));
        item.put("resourceType", s(next.resourceType()));
        item.put("windowStart", n(next.windowStart().getEpochSecond()));
        next.offset().ifPresent(offset -> item.put("offset", s(offset)));
        item.put("windowsDone", n(next.windowsDone()));
        Map<String, AttributeValue> queued = new HashMap<>();
        next.queued().forEach((type, count) -> queued.put(type, n(count)));
        item.put("queued", AttributeValue.builder().m(queued).build());
        item.put("complete", AttributeValue.builder().bool(next.complete()).build());
        item.put("updatedAt", s(now.toString()));
        return VersionedItems.replace(dynamo, table, item, expectedVersion);
    }

    private static String pk(String request) {
        return "backfill#" + request;
    }
}
