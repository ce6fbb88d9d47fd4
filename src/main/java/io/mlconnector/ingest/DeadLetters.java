package io.mlconnector.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Port: the dead-letter queue, read one message at a time by an operator's command (the worker only parks into it).
 * A received message is hidden from other readers until it is moved, deleted or released.
 */
public interface DeadLetters {

    /**
     * A message in the DLQ.
     *
     * @param attributes its String message attributes ({@link EventQueue#HELD_REASON}, {@link EventQueue#DOCUMENT})
     */
    record ParkedMessage(String messageId, String body, String receiptHandle, Map<String, String> attributes) {
        public ParkedMessage {
            attributes = Map.copyOf(attributes);
        }

        /** The held document ({@code <type>:<id>}) it was parked for, or null (parked before that was recorded). */
        public String document() {
            return attributes.get(EventQueue.DOCUMENT);
        }
    }

    /** Up to {@code max} (at most 10) messages, hidden from other readers for {@code hide}; empty when none came. */
    List<ParkedMessage> receive(int max, Duration hide);

    /** Sends the message, with its attributes, to the main queue, then deletes it from the DLQ. */
    void moveToQueue(ParkedMessage message);

    void delete(ParkedMessage message);

    /** Makes a received message visible again at once. */
    void release(ParkedMessage message);
}
