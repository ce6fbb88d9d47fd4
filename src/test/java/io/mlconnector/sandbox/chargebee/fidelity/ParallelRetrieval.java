package io.mlconnector.sandbox.chargebee.fidelity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Retrieves many records through the SDK, several at a time.
 *
 * <p>Why in parallel: without {@code -Dsun.net.httpserver.nodelay=true} (surefire sets it, an IDE run may not), each
 * answer of the JDK {@code HttpServer} under the sandbox costs about 40 ms on loopback: status line and body leave
 * as two TCP segments and Nagle holds the second until the client's delayed ACK. One retrieve per demo-cycle record,
 * one after the other, would then take about 50 s; the wait is per connection, so parallel connections keep the
 * test fast either way without changing what is checked. Results come back in the order of the ids.
 */
final class ParallelRetrieval {

    private static final int PARALLELISM = 16;
    private static final long TIMEOUT_SECONDS = 60;

    /** One SDK retrieve call. */
    @FunctionalInterface
    interface SdkRetrieve<T> {
        T byId(String id) throws Exception;
    }

    private ParallelRetrieval() {
    }

    /** Every record, in {@code ids} order; the first failing retrieve's exception is rethrown as it was thrown. */
    static <T> List<T> retrieveAll(Collection<String> ids, SdkRetrieve<T> retrieve) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (String id : ids) {
                pending.add(pool.submit(() -> retrieve.byId(id)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : pending) {
                results.add(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("A retrieve took longer than " + TIMEOUT_SECONDS + " s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
