package io.mlconnector.chargebee;

import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The client with a small, fast-to-measure rate limit: 20 requests per rolling 3 seconds. */
public class ChargebeeClientProfile implements QuarkusTestProfile {
    static final int REQUESTS = 20;
    static final int WINDOW_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.lambda.handler", "poller",
                "chargebee.rate-limit.requests", Integer.toString(REQUESTS),
                "chargebee.rate-limit.window", WINDOW_SECONDS + "s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInsResource.class));
    }
}
