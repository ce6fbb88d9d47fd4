package io.mlconnector.testing.fakes;

import io.mlconnector.store.DocumentLeases;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link DocumentLeases} in memory, with DynamoDocumentLeases' conditions: a lease is taken when free, lapsed (its end
 * before now, in epoch millis) or already the owner's; it is given back only by the owner it names.
 */
public final class InMemoryDocumentLeases implements DocumentLeases {
    private record Lease(String owner, long untilMillis) {}

    private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

    @Override
    public boolean acquire(String document, String owner, Instant now, Instant until) {
        Lease offered = new Lease(owner, until.toEpochMilli());
        Lease kept = leases.merge(document, offered, (held, mine) ->
                held.untilMillis() < now.toEpochMilli() || held.owner().equals(owner) ? mine : held);
        return kept == offered;
    }

    @Override
    public void release(String document, String owner) {
        leases.computeIfPresent(document, (key, held) -> held.owner().equals(owner) ? null : held);
    }
}
