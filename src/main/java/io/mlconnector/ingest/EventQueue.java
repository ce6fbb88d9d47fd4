package io.mlconnector.ingest;

import java.util.List;

/** Port: the queue between ingest/poller and the worker. */
public interface EventQueue {

    void enqueue(QueuedEvent event);

    /** Sends many, in batches of at most ten (SQS's limit). */
    void enqueueAll(List<QueuedEvent> events);

    /** Parks a message that cannot be processed until someone fixes its cause; replayed by re-driving the DLQ. */
    void park(String messageBody, String reason);
}
