package io.mlconnector.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute helpers shared by the DynamoDB adapters: keys, strings, numbers, TTL. */
final class Items {
    static final String PK = "pk";
    static final String SK = "sk";
    /** TTL attribute (epoch seconds); dynalite ignores TTL, so conditions also compare it with now. */
    static final String EXPIRES_AT = "expiresAt";

    private Items() {}

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Long.parseLong(value.n()));
    }

    static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return string(item, name).map(Instant::parse);
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
