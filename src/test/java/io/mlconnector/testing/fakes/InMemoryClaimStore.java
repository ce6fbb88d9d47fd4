package io.mlconnector.testing.fakes;

import io.mlconnector.store.ClaimStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ClaimStore} in memory, with DynamoClaimStore's conditions: an event is claimable when unknown, when its
 * dedup key expired (compared in epoch seconds, as the TTL attribute), when its lease lapsed (in epoch millis), or
 * when released or held. Completing, releasing or holding writes unconditionally and drops the lease. One lock makes
 * each call atomic, as one conditional write is.
 */
public final class InMemoryClaimStore implements ClaimStore {
    private enum Status { IN_PROGRESS, DONE, RELEASED, HELD }

    private record Row(Status status, int attempts, Long leaseUntilMillis, long expiresAtSeconds, String detail) {}

    private final Map<String, Row> rows = new HashMap<>();
    private final Duration retention;

    /** @param retention how long a dedup key lives (sync.dedup-retention) */
    public InMemoryClaimStore(Duration retention) {
        this.retention = retention;
    }

    @Override
    public synchronized Claim claim(String eventId, Instant now, Duration lease) {
        Row row = rows.get(eventId);
        if (row != null && !claimable(row, now)) {
            return row.status() == Status.DONE ? new Claim.AlreadyDone(row.detail() == null ? "" : row.detail())
                    : new Claim.InProgressElsewhere(Instant.ofEpochMilli(
                            row.leaseUntilMillis() == null ? now.toEpochMilli() : row.leaseUntilMillis()));
        }
        Instant leaseUntil = now.plus(lease);
        int attempts = (row == null ? 0 : row.attempts()) + 1;
        rows.put(eventId, new Row(Status.IN_PROGRESS, attempts, leaseUntil.toEpochMilli(), expiresAt(now),
                row == null ? null : row.detail()));
        return new Claim.Claimed(attempts, leaseUntil);
    }

    @Override
    public void complete(String eventId, String outcome, Instant now) {
        setStatus(eventId, Status.DONE, outcome, now);
    }

    @Override
    public void release(String eventId, Instant now) {
        setStatus(eventId, Status.RELEASED, null, now);
    }

    @Override
    public void hold(String eventId, String reason, Instant now) {
        setStatus(eventId, Status.HELD, reason, now);
    }

    private synchronized void setStatus(String eventId, Status status, String detail, Instant now) {
        Row row = rows.get(eventId);
        rows.put(eventId, new Row(status, row == null ? 0 : row.attempts(), null, expiresAt(now),
                detail == null ? "" : detail));
    }

    private static boolean claimable(Row row, Instant now) {
        return row.expiresAtSeconds() < now.getEpochSecond()
                || row.status() == Status.IN_PROGRESS && row.leaseUntilMillis() != null
                        && row.leaseUntilMillis() < now.toEpochMilli()
                || row.status() == Status.RELEASED
                || row.status() == Status.HELD;
    }

    private long expiresAt(Instant now) {
        return now.plus(retention).getEpochSecond();
    }
}
