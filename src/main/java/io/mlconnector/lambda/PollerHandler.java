package io.mlconnector.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mlconnector.sync.EventPoller;
import jakarta.inject.Named;
import java.util.Map;

/** EventBridge Scheduler → {@link EventPoller}. The schedule's input is not needed. */
@Named("poller")
public class PollerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final EventPoller poller;

    public PollerHandler(EventPoller poller) {
        this.poller = poller;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        EventPoller.PollResult result = poller.poll();
        return Map.of("pages", result.pages(), "enqueued", result.enqueued(), "from", result.from().toString(),
                "cursor", result.cursor().toString(), "morePending", result.morePending());
    }
}
