package io.mlconnector.sandbox.chargebee;

import io.mlconnector.sandbox.RequestLogFile;
import io.mlconnector.sandbox.RequestLogLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Thread-safe log of requests, in the order their responses completed; each request is also appended to the
 * request-log file when one was configured. {@link #clear()} empties the in-memory log only: the file is append-only.
 */
final class RequestLog implements AutoCloseable {

    private final List<RecordedRequest> entries = new ArrayList<>();
    private final RequestLogFile file;

    RequestLog(RequestLogFile file) {
        this.file = file;
    }

    void record(RecordedRequest request, Duration took) {
        synchronized (this) {
            entries.add(request);
        }
        file.write(new RequestLogLine("chargebee", request.at(), request.method(), request.path(),
                RequestLogFile.safeQuery(request.queryString(), true), request.status(), took.toMillis(), null, null));
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }

    @Override
    public void close() {
        file.close();
    }
}
