package io.mlconnector.sandbox.chargebee;

import java.util.ArrayList;
import java.util.List;

/** Thread-safe log of requests, in the order their responses completed. */
final class RequestLog {

    private final List<RecordedRequest> entries = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        entries.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
