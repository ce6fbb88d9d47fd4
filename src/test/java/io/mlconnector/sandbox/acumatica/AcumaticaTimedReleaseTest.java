package io.mlconnector.sandbox.acumatica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timed releases, the faithful mode of long-running operations: the operation finishes when its time has passed on
 * the sandbox clock, however often (or seldom) it is polled.
 */
class AcumaticaTimedReleaseTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final Instant T0 = Instant.parse("2024-05-31T08:00:00Z");

    private AcumaticaSandbox sandbox;
    private SandboxTestClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder().contract(CONTRACT)
                .clock(SandboxClock.frozenAt(T0)).randomSeed(7).build());
        client = new SandboxTestClient(sandbox);
        client.signInWithOAuth("api");
        client.putOk("JournalTransaction", """
                {"Module": {"value": "GL"}, "Description": {"value": "fees"}, "CurrencyID": {"value": "USD"},
                 "Details": [{"Account": {"value": "63000"}, "DebitAmount": {"value": 5}},
                             {"Account": {"value": "10600"}, "CreditAmount": {"value": 5}}]}""");
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void release_shouldAnswer202UntilItsTimeHasPassed_thenAnswer204ToTheFirstPollAfter_whenTimed() throws Exception {
        sandbox.setReleaseDuration(Duration.ofMillis(300));
        HttpResponse<String> accepted = client.post("JournalTransaction/ReleaseJournalTransaction", KEYS);
        String status = URI.create(sandbox.baseUrl())
                .resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();

        assertEquals(202, accepted.statusCode());
        assertEquals(202, client.send("GET", status, null).statusCode(), "no time has passed");
        sandbox.clock().advance(Duration.ofMillis(299));
        assertEquals(202, client.send("GET", status, null).statusCode(), "1 ms left");
        sandbox.clock().advance(Duration.ofMillis(1));
        assertEquals(204, client.send("GET", status, null).statusCode(), "done, after three polls");
    }

    @Test
    void release_shouldBeDoneAtTheFirstPoll_whenItsTimeHasPassedBeforeAnyPoll() throws Exception {
        sandbox.setReleaseDuration(Duration.ofMillis(300));
        HttpResponse<String> accepted = client.post("JournalTransaction/ReleaseJournalTransaction", KEYS);
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertEquals(204, client.send("GET", URI.create(sandbox.baseUrl())
                .resolve(accepted.headers().firstValue("Location").orElseThrow()).toString(), null).statusCode());
    }

    @Test
    void release_shouldAnswer204AtOnce_whenTimedAtZero_andCountPollsAgainAfterReset() throws Exception {
        sandbox.setReleaseDuration(Duration.ZERO);

        assertEquals(204, client.post("JournalTransaction/ReleaseJournalTransaction", KEYS).statusCode());
        sandbox.reset();
        client.putOk("JournalTransaction", """
                {"Module": {"value": "GL"}, "Description": {"value": "fees"}, "CurrencyID": {"value": "USD"},
                 "Details": [{"Account": {"value": "63000"}, "DebitAmount": {"value": 5}},
                             {"Account": {"value": "10600"}, "CreditAmount": {"value": 5}}]}""");
        assertEquals(202, client.post("JournalTransaction/ReleaseJournalTransaction", KEYS).statusCode(),
                "reset: the configured poll count (1) again");
    }

    private static final String KEYS =
            "{\"entity\": {\"Module\": {\"value\": \"GL\"}, \"BatchNbr\": {\"value\": \"000001\"}}}";
}
