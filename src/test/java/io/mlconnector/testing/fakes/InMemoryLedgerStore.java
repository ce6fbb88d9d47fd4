package io.mlconnector.testing.fakes;

import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStatus;
import io.mlconnector.store.LedgerStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link LedgerStore} in memory, forward only by {@link io.mlconnector.store.LedgerStatus#rank()} as DynamoLedgerStore's
 * condition is: a write at the stored rank or above replaces the whole entry, one below is refused. Written against
 * the rank (and, at one rank, Chargebee's source version), so new states need no change here.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    private final ConcurrentMap<String, LedgerEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<LedgerEntry> find(String chargebeeType, String chargebeeId) {
        return Optional.ofNullable(entries.get(key(chargebeeType, chargebeeId)));
    }

    @Override
    public boolean record(LedgerEntry entry) {
        if (entry.status() == LedgerStatus.CREATING) {
            return entries.putIfAbsent(key(entry.chargebeeType(), entry.chargebeeId()), entry) == null;
        }
        LedgerEntry kept = entries.merge(key(entry.chargebeeType(), entry.chargebeeId()), entry,
                (stored, offered) -> isForward(stored, offered) ? offered : stored);
        return kept == entry;
    }

    /** A later state; or the same state from a source version no older than the stored one (when both have one). */
    private static boolean isForward(LedgerEntry stored, LedgerEntry offered) {
        int byRank = Integer.compare(offered.status().rank(), stored.status().rank());
        if (byRank != 0) {
            return byRank > 0;
        }
        return offered.sourceVersion() == null || stored.sourceVersion() == null
                || offered.sourceVersion() >= stored.sourceVersion();
    }

    private static String key(String chargebeeType, String chargebeeId) {
        return chargebeeType + "#" + chargebeeId;
    }
}
