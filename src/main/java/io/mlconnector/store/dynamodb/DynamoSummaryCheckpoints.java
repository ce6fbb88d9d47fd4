package io.mlconnector.store.dynamodb;

import static io.mlconnector.store.dynamodb.Items.key;
import static io.mlconnector.store.dynamodb.Items.n;
import static io.mlconnector.store.dynamodb.Items.s;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.store.SummaryCheckpoint;
import io.mlconnector.store.SummaryCheckpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Summary-period checkpoints: one item per period, replaced by a put conditional on the version read. The sums are
 * DynamoDB numbers (38 significant digits, exact), one map per currency.
 */
@ApplicationScoped
public class DynamoSummaryCheckpoints implements SummaryCheckpoints {
    private static final String SK = "checkpoint";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSummaryCheckpoints(DynamoDbClient dynamo, StoreConfig store) {
        this.dynamo = dynamo;
        this.table = store.table();
    }

    @Override
    public Optional<Stored> read(String period) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(pk(period), SK)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> read = new HashMap<>();
        map(item, "read").forEach((type, count) -> read.put(type, Long.parseLong(count.n())));
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
        map(item, "sums").forEach((currency, lines) -> {
            Map<String, BigDecimal> amounts = new HashMap<>();
            lines.m().forEach((line, amount) -> amounts.put(line, new BigDecimal(amount.n())));
            sums.put(currency, amounts);
        });
        Map<String, String> journals = new HashMap<>();
        map(item, "journals").forEach((name, batch) -> journals.put(name, batch.s()));
        SummaryCheckpoint checkpoint = new SummaryCheckpoint(period, Items.string(item, "mapping").orElseThrow(),
                Items.string(item, "resourceType").orElseThrow(), Items.string(item, "offset"),
                Boolean.TRUE.equals(item.get("allRead") == null ? null : item.get("allRead").bool()), read, sums,
                journals, Items.instant(item, "postedAt"));
        return Optional.of(new Stored(checkpoint, VersionedItems.version(item)));
    }

    @Override
    public boolean replace(long expectedVersion, SummaryCheckpoint next, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(next.period()), SK));
        item.put("mapping", s(next.mapping()));
        item.put("resourceType", s(next.resourceType()));
        next.offset().ifPresent(offset -> item.put("offset", s(offset)));
        item.put("allRead", AttributeValue.builder().bool(next.allRead()).build());
        Map<String, AttributeValue> read = new HashMap<>();
        next.read().forEach((type, count) -> read.put(type, n(count)));
        item.put("read", m(read));
        Map<String, AttributeValue> sums = new HashMap<>();
        next.sums().forEach((currency, lines) -> {
            Map<String, AttributeValue> amounts = new HashMap<>();
            lines.forEach((line, amount) -> amounts.put(line, AttributeValue.builder().n(amount.toPlainString())
                    .build()));
            sums.put(currency, m(amounts));
        });
        item.put("sums", m(sums));
        Map<String, AttributeValue> journals = new HashMap<>();
        next.journals().forEach((name, batch) -> journals.put(name, s(batch)));
        item.put("journals", m(journals));
        next.postedAt().ifPresent(at -> item.put("postedAt", s(at.toString())));
        item.put("updatedAt", s(now.toString()));
        return VersionedItems.replace(dynamo, table, item, expectedVersion);
    }

    private static AttributeValue m(Map<String, AttributeValue> map) {
        return AttributeValue.builder().m(map).build();
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && value.hasM() ? value.m() : Map.of();
    }

    private static String pk(String period) {
        return "summary#" + period;
    }
}
