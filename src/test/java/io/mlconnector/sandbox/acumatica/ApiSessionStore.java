package io.mlconnector.sandbox.acumatica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The licence's "Maximum Number of Web Services API Users": every open API session takes a seat, whether it came
 * from an OAuth grant or a cookie sign-in. A sign-in that finds every seat taken is refused ("API Login Limit").
 *
 * <p>A seat is freed by signing out, by the session being unused for the idle timeout, or (OAuth with the
 * {@code api} scope only) when the access token it was opened for expires. Expiry follows the sandbox clock, so a
 * test frees seats by advancing it. Thread-safe.
 */
final class ApiSessionStore {

    private static final class Session {
        final Instant closesAt;
        Instant lastUsed;

        Session(Instant openedAt, Instant closesAt) {
            this.lastUsed = openedAt;
            this.closesAt = closesAt;
        }
    }

    private final int seats;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<String, Session> open = new LinkedHashMap<>();

    /** @param seats 0 for no limit */
    ApiSessionStore(int seats, Duration idleTimeout, Clock clock) {
        this.seats = seats;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * Opens a session under {@code id}, or touches it if it is already open (a refresh reusing its session).
     *
     * @param closesAt when the session ends regardless of use, or null (idle timeout only)
     * @return false if every seat is taken: the "API Login Limit" case
     */
    synchronized boolean openOrResume(String id, Instant closesAt) {
        Instant now = clock.instant();
        sweep(now);
        Session session = open.get(id);
        if (session != null) {
            session.lastUsed = now;
            return true;
        }
        if (seats > 0 && open.size() >= seats) {
            return false;
        }
        open.put(id, new Session(now, closesAt));
        return true;
    }

    /** Marks a session as used now; false if it is not open (signed out or expired). */
    synchronized boolean touch(String id) {
        Instant now = clock.instant();
        sweep(now);
        Session session = open.get(id);
        if (session == null) {
            return false;
        }
        session.lastUsed = now;
        return true;
    }

    synchronized void close(String id) {
        open.remove(id);
    }

    /** Sessions open now (expired ones are swept first). */
    synchronized int openCount() {
        sweep(clock.instant());
        return open.size();
    }

    private void sweep(Instant now) {
        Iterator<Session> it = open.values().iterator();
        while (it.hasNext()) {
            Session session = it.next();
            boolean idle = !now.isBefore(session.lastUsed.plus(idleTimeout));
            boolean ended = session.closesAt != null && !now.isBefore(session.closesAt);
            if (idle || ended) {
                it.remove();
            }
        }
    }
}
