package io.mlconnector.ingest;

import java.util.List;

/** Port: the queue between ingest/poller and the worker. */
public interface EventQueue {

    void enqueue(QueuedEvent event);

    /** Sends many, in batches of at most ten (SQS's limit). */
    void enqueueAll(List<QueuedEvent> events);

    /**
     * Lets a message the worker gives back be delivered again after {@code delay} instead of the queue's visibility
     * timeout ({@code ChangeMessageVisibility} on its receipt handle).
     */
    void comeBackAfter(String receiptHandle, java.time.Duration delay);

    /** Parks a message that cannot be processed until someone fixes its cause; replayed by re-driving the DLQ. */
    void park(String messageBody, String reason);
}
