package io.mlconnector.lambda;

import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** One Quarkus test profile per Lambda function: the same app, a different {@code quarkus.lambda.handler}. */
public final class HandlerProfiles {
    private HandlerProfiles() {}

    abstract static class Handler implements QuarkusTestProfile {
        abstract String handler();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", handler());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    public static final class Ingest extends Handler {
        @Override
        String handler() {
            return "ingest";
        }
    }

    /**
     * The worker with a Chargebee budget the sandbox never reaches: at the default 50 requests a minute, pipeline
     * tests that deliver a whole fixture spent most of their time waiting on it (the bad-debt scenario 27 of its
     * 30 s). The budget itself is ChargebeeClientTest's subject, under its own profile; the demo keeps the default.
     */
    public static class Worker extends Handler {
        @Override
        String handler() {
            return "worker";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", handler(), "chargebee.rate-limit.requests", "100000");
        }
    }

    public static final class Poller extends Handler {
        @Override
        String handler() {
            return "poller";
        }
    }

    /**
     * The poller at a small scale: two pages (200 events) per poll, so a burst of a few hundred events needs several
     * polls, and a Chargebee budget the sandbox never reaches.
     */
    public static final class PollerTwoPages extends Handler {
        public static final int PAGES_MAX = 2;

        @Override
        String handler() {
            return "poller";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", handler(), "sync.poller.pages-max", Integer.toString(PAGES_MAX),
                    "chargebee.rate-limit.requests", "100000");
        }
    }
}
