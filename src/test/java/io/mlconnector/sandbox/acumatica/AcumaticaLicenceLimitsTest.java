package io.mlconnector.sandbox.acumatica;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.mlconnector.sandbox.acumatica.SandboxTestClient.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The licence's request limits ("License Restrictions for API Users"): API processing cores, the 20-request queue
 * with 429 beyond it, the per-minute delay after half the budget, the queue-wait limit, and sign-out skipping the
 * queue. Slow requests are made with delay faults, which hold their core while they wait.
 */
class AcumaticaLicenceLimitsTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();

    private AcumaticaSandbox sandbox;
    private ExecutorService pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void concurrencyLimit_shouldNeverProcessMoreThanTheCores_whenSlowRequestsArriveTogether() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().maxConcurrentRequests(2));
        client.signInWithOAuth("api");
        sandbox.faults().delayNext(5, Duration.ofMillis(400));

        long started = System.nanoTime();
        List<HttpResponse<String>> responses = inParallel(5, () -> client.get("Customer"));
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        responses.forEach(r -> assertEquals(200, r.statusCode(), r.body()));
        LicenceStatistics statistics = sandbox.licenceStatistics();
        assertEquals(2, statistics.maxObservedConcurrency());
        assertEquals(5, statistics.processed());
        assertEquals(0, statistics.declined());
        assertTrue(elapsedMillis >= 1_150, "five 400 ms requests on two cores take three rounds: " + elapsedMillis);
    }

    @Test
    void queue_shouldDeclineWith429_whenMoreThanTwentyRequestsWaitForTheOnlyCore() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().maxConcurrentRequests(1));
        client.signInWithOAuth("api");
        sandbox.faults().delayNext(1, Duration.ofMillis(2_000));
        pool = Executors.newFixedThreadPool(25);
        Future<HttpResponse<String>> slow = pool.submit(() -> client.get("Customer"));
        awaitRunning(1);

        List<HttpResponse<String>> rest = inParallel(24, () -> client.get("Customer"));

        assertEquals(200, slow.get().statusCode());
        long ok = rest.stream().filter(r -> r.statusCode() == 200).count();
        List<HttpResponse<String>> declined = rest.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(20, ok, "the queue holds twenty");
        assertEquals(4, declined.size(), "the rest are declined");
        assertEquals(List.of(), CONTRACT.validate("HttpError", JSON.readTree(declined.get(0).body())));
        LicenceStatistics statistics = sandbox.licenceStatistics();
        assertEquals(4, statistics.declined());
        assertEquals(21, statistics.processed());
        assertEquals(1, statistics.maxObservedConcurrency());
    }

    @Test
    void queue_shouldDeclineARequest_thatWaitedLongerThanTheMaximum() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().maxConcurrentRequests(1)
                .maxQueueWait(Duration.ofMillis(300)));
        client.signInWithOAuth("api");
        sandbox.faults().delayNext(1, Duration.ofMillis(1_500));
        pool = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> slow = pool.submit(() -> client.get("Customer"));
        awaitRunning(1);

        long started = System.nanoTime();
        HttpResponse<String> waited = client.get("Customer");
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(429, waited.statusCode());
        assertTrue(elapsedMillis >= 280 && elapsedMillis < 1_400, "declined after the wait limit: " + elapsedMillis);
        assertEquals(200, slow.get().statusCode());
        assertEquals(1, sandbox.licenceStatistics().declined());
    }

    @Test
    void perMinuteLimit_shouldDelayEachRequestAfterHalfTheBudget_byTimeLeftOverRequestsLeft() throws Exception {
        SandboxClock clock = SandboxClock.ticking();
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().clock(clock).maxRequestsPerMinute(20));
        client.signInWithOAuth("api");
        long windowStart = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, client.get("Customer").statusCode());
        }
        assertEquals(0, sandbox.licenceStatistics().delayed(), "the first half of the budget is not delayed");
        clock.advance(Duration.ofSeconds(50));

        // 10 of 20 used: the 11th waits (time left in the minute) / (10 requests left) ≈ 10 s / 10 = 1 s.
        double expectedSeconds = (10.0 - Duration.ofNanos(System.nanoTime() - windowStart).toMillis() / 1000.0) / 10;
        long started = System.nanoTime();
        HttpResponse<String> eleventh = client.get("Customer");
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        assertEquals(200, eleventh.statusCode());
        assertTrue(Math.abs(elapsedSeconds - expectedSeconds) < 0.3,
                "expected about " + expectedSeconds + " s, took " + elapsedSeconds + " s");
        assertEquals(1, sandbox.licenceStatistics().delayed());
        assertEquals(11, sandbox.licenceStatistics().processed());
    }

    @Test
    void signOut_shouldSkipTheQueue_whileEveryCoreIsBusy() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().maxConcurrentRequests(1));
        client.signInWithOAuth("api offline_access");
        SandboxTestClient other = new SandboxTestClient(sandbox);
        assertEquals(204, other.signInWithCookies("{\"name\": \"admin\", \"password\": \"sandbox-password\"}")
                .statusCode());
        sandbox.faults().delayNext(1, Duration.ofMillis(1_500));
        pool = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> slow = pool.submit(() -> client.get("Customer"));
        awaitRunning(1);

        long started = System.nanoTime();
        HttpResponse<String> signOut = other.signOut();
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(204, signOut.statusCode());
        assertTrue(elapsedMillis < 1_000, "sign-out answered without waiting for the core: " + elapsedMillis);
        assertEquals(200, slow.get().statusCode());
    }

    @Test
    void reset_shouldZeroTheStatistics() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().maxConcurrentRequests(3));
        client.signInWithOAuth("api");
        client.get("Customer");
        awaitIdle(); // the core is released just after the answer is written

        sandbox.reset();

        assertEquals(new LicenceStatistics(0, 0, 0, 0, 0, 0), sandbox.licenceStatistics());
    }

    // ------------------------------------------------------------------ helpers

    private SandboxTestClient start(AcumaticaSandboxOptions.Builder options) {
        sandbox = AcumaticaSandbox.start(options.contract(CONTRACT).build());
        return new SandboxTestClient(sandbox);
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sandbox.licenceStatistics().running() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a request never finished: " + sandbox.licenceStatistics());
            }
            Thread.sleep(10);
        }
    }

    private void awaitRunning(int running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sandbox.licenceStatistics().running() < running) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the slow request never started: " + sandbox.licenceStatistics());
            }
            Thread.sleep(10);
        }
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private List<HttpResponse<String>> inParallel(int count, Call call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(callers.submit(call::send));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            callers.shutdownNow();
        }
    }
}
