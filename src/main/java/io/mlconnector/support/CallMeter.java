package io.mlconnector.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the HTTP requests the two REST clients send, and the 429s they get back, until the handler drains them into
 * its one metrics line per invocation. Counters only: nothing about a request is kept.
 */
@ApplicationScoped
public class CallMeter {
    /** Requests and 429s since the last drain. */
    public record Calls(long chargebee, long chargebee429, long acumatica, long acumatica429) {}

    private final AtomicLong chargebee = new AtomicLong();
    private final AtomicLong chargebee429 = new AtomicLong();
    private final AtomicLong acumatica = new AtomicLong();
    private final AtomicLong acumatica429 = new AtomicLong();

    /** One request sent to Chargebee, answered {@code status} (0 when no answer came). */
    public void chargebee(int status) {
        chargebee.incrementAndGet();
        if (status == 429) {
            chargebee429.incrementAndGet();
        }
    }

    /** One request sent to Acumatica, answered {@code status} (0 when no answer came). */
    public void acumatica(int status) {
        acumatica.incrementAndGet();
        if (status == 429) {
            acumatica429.incrementAndGet();
        }
    }

    /** The counts since the last drain, and zero from now on. */
    public Calls drain() {
        return new Calls(chargebee.getAndSet(0), chargebee429.getAndSet(0), acumatica.getAndSet(0),
                acumatica429.getAndSet(0));
    }
}
