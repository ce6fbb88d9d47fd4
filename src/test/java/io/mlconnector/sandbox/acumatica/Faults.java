package io.mlconnector.sandbox.acumatica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Scenario faults, armed by a test and consumed by the next matching requests. Each arming call covers the next
 * {@code times} matching requests; several can be armed at once and are consumed in arming order.
 *
 * <ul>
 *   <li>{@link #failNext}: answer with the given status (500 in Acumatica's exception shape, 503, 429, ...) without
 *       processing the request: nothing is committed.</li>
 *   <li>{@link #delayNext}: hold the request before processing it; the client may time out while the request is
 *       still applied afterwards, the classic "did my write happen?" case.</li>
 *   <li>{@link #commitThenDropResponseNext}: process the request (a PUT is committed) and then close the connection
 *       without any response, so the client sees an {@link java.io.IOException}.</li>
 *   <li>{@link #commitThenFailNext}: process the request (a PUT is committed, an action runs) and then answer with
 *       the given status instead of the result, as a gateway timing out behind a finished request does: the client
 *       sees a 5xx (or a 429) for work that happened.</li>
 *   <li>{@link #expireAllTokens}: every access token issued so far is expired (refresh tokens keep working).</li>
 * </ul>
 *
 * Without a scope, failures and delays hit contract-API calls ({@code /entity/...}) only, not the token endpoint,
 * and dropped responses hit any PUT. Thread-safe.
 */
public final class Faults {

    private enum Kind { FAIL, DELAY, DROP_RESPONSE, COMMIT_THEN_FAIL }

    private static final class Rule {
        final Kind kind;
        final FaultScope scope;
        final int status;
        final Duration delay;
        int remaining;

        Rule(Kind kind, FaultScope scope, int times, int status, Duration delay) {
            this.kind = kind;
            this.scope = scope;
            this.remaining = times;
            this.status = status;
            this.delay = delay;
        }
    }

    /** What to do to one request. */
    record Decision(Duration delay, int failStatus, boolean dropResponse, int failAfterCommitStatus) {
        static final Decision NONE = new Decision(Duration.ZERO, 0, false, 0);
    }

    private final List<Rule> rules = new ArrayList<>();
    private final OAuthTokenService tokens;

    Faults(OAuthTokenService tokens) {
        this.tokens = tokens;
    }

    /** The next {@code times} contract-API calls answer {@code status} unprocessed. */
    public Faults failNext(int times, int status) {
        return failNext(times, status, FaultScope.anyEntityCall());
    }

    public Faults failNext(int times, int status, FaultScope scope) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status must be 4xx or 5xx, was " + status);
        }
        return arm(new Rule(Kind.FAIL, scope, times, status, Duration.ZERO));
    }

    /** The next {@code times} contract-API calls wait {@code delay} before being processed. */
    public Faults delayNext(int times, Duration delay) {
        return delayNext(times, delay, FaultScope.anyEntityCall());
    }

    public Faults delayNext(int times, Duration delay, FaultScope scope) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return arm(new Rule(Kind.DELAY, scope, times, 0, delay));
    }

    /** The next {@code times} PUTs (any entity) are committed, then the connection is dropped without a response. */
    public Faults commitThenDropResponseNext(int times) {
        return commitThenDropResponseNext(times, FaultScope.method("PUT"));
    }

    public Faults commitThenDropResponseNext(int times, FaultScope scope) {
        return arm(new Rule(Kind.DROP_RESPONSE, scope, times, 0, Duration.ZERO));
    }

    /**
     * The next {@code times} matching calls are processed (committed) and then answered with {@code status} in
     * Acumatica's error shape instead of their result.
     */
    public Faults commitThenFailNext(int times, int status, FaultScope scope) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status must be 4xx or 5xx, was " + status);
        }
        return arm(new Rule(Kind.COMMIT_THEN_FAIL, scope, times, status, Duration.ZERO));
    }

    /** Expires every access token issued so far; the next call with one of them gets 401. */
    public void expireAllTokens() {
        tokens.expireAllAccessTokens();
    }

    /** Disarms every pending fault. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many request-faults are still armed (sum of remaining counts). */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    synchronized Decision decide(String method, RequestTarget target) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        Rule delay = take(Kind.DELAY, method, target);
        Rule fail = take(Kind.FAIL, method, target);
        // A failed request was never processed, so there is nothing to commit-then-drop: keep that fault armed.
        Rule drop = fail == null ? take(Kind.DROP_RESPONSE, method, target) : null;
        Rule failAfterCommit = fail == null && drop == null ? take(Kind.COMMIT_THEN_FAIL, method, target) : null;
        return new Decision(delay == null ? Duration.ZERO : delay.delay, fail == null ? 0 : fail.status,
                drop != null, failAfterCommit == null ? 0 : failAfterCommit.status);
    }

    private synchronized Faults arm(Rule rule) {
        Objects.requireNonNull(rule.scope, "scope");
        if (rule.remaining < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(rule);
        return this;
    }

    private Rule take(Kind kind, String method, RequestTarget target) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (rule.kind == kind && rule.scope.matches(method, target)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule;
            }
        }
        return null;
    }
}
