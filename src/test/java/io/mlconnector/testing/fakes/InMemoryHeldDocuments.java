package io.mlconnector.testing.fakes;

import io.mlconnector.store.HeldDocument;
import io.mlconnector.store.HeldDocument.Status;
import io.mlconnector.store.HeldDocuments;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link HeldDocuments} in memory, with DynamoHeldDocuments' conditions: newly held only when absent or retrying,
 * resolved unless skipped, listed by type and id (the sort key's order).
 */
public final class InMemoryHeldDocuments implements HeldDocuments {
    private final ConcurrentMap<String, HeldDocument> documents = new ConcurrentHashMap<>();

    @Override
    public boolean hold(String resourceType, String resourceId, String eventId, String reason, Instant now) {
        boolean[] newly = new boolean[1];
        documents.compute(key(resourceType, resourceId), (key, stored) -> {
            if (stored == null || stored.status() == Status.RETRYING) {
                newly[0] = true;
                return new HeldDocument(resourceType, resourceId, Status.HELD, reason,
                        stored == null ? now : stored.firstHeldAt(), now, plus(stored, eventId), null, null);
            }
            if (stored.status() == Status.HELD) {
                return new HeldDocument(resourceType, resourceId, Status.HELD, reason, stored.firstHeldAt(), now,
                        plus(stored, eventId), null, null);
            }
            return stored;
        });
        return newly[0];
    }

    @Override
    public void resolved(String resourceType, String resourceId) {
        documents.computeIfPresent(key(resourceType, resourceId),
                (key, stored) -> stored.status() == Status.SKIPPED ? stored : null);
    }

    @Override
    public void retrying(String resourceType, String resourceId, Instant now) {
        documents.computeIfPresent(key(resourceType, resourceId), (key, stored) -> stored.status() != Status.HELD
                ? stored : new HeldDocument(resourceType, resourceId, Status.RETRYING, stored.reason(),
                stored.firstHeldAt(), stored.lastHeldAt(), stored.eventIds(), null, null));
    }

    @Override
    public void skip(String resourceType, String resourceId, String reason, String by, Instant now) {
        documents.compute(key(resourceType, resourceId), (key, stored) -> new HeldDocument(resourceType, resourceId,
                Status.SKIPPED, stored == null ? null : stored.reason(), stored == null ? now : stored.firstHeldAt(),
                stored == null ? now : stored.lastHeldAt(), stored == null ? Set.of() : stored.eventIds(), reason, by));
    }

    @Override
    public Optional<HeldDocument> find(String resourceType, String resourceId) {
        return Optional.ofNullable(documents.get(key(resourceType, resourceId)));
    }

    @Override
    public List<HeldDocument> list() {
        return documents.entrySet().stream().sorted(Comparator.comparing(entry -> entry.getKey()))
                .map(entry -> entry.getValue()).toList();
    }

    private static Set<String> plus(HeldDocument stored, String eventId) {
        Set<String> events = new HashSet<>(stored == null ? Set.of() : stored.eventIds());
        events.add(eventId);
        return events;
    }

    private static String key(String resourceType, String resourceId) {
        return resourceType + "#" + resourceId;
    }
}
