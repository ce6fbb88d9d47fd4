package io.mlconnector.ingest;

import java.util.List;

/** Port: the queue between ingest/poller and the worker. */
public interface EventQueue {
    /** The DLQ message attribute with the reason a message was parked. */
    String HELD_REASON = "held_reason";
    /** The DLQ message attribute naming the held document ({@code <type>:<id>}) a message was parked for. */
    String DOCUMENT = "document";

    void enqueue(QueuedEvent event);

    /** Sends many, in batches of at most ten (SQS's limit). */
    void enqueueAll(List<QueuedEvent> events);

    /**
     * Lets a message the worker gives back be delivered again after {@code delay} instead of the queue's visibility
     * timeout ({@code ChangeMessageVisibility} on its receipt handle).
     */
    void comeBackAfter(String receiptHandle, java.time.Duration delay);

    /**
     * Parks a message that cannot be processed until someone fixes its cause; replayed by re-driving the DLQ or by
     * retrying its held document.
     *
     * @param document the held document it is parked for ({@code <type>:<id>}, see HeldDocuments), or null when the
     *                 message is not a Chargebee event at all
     */
    void park(String messageBody, String reason, String document);
}
