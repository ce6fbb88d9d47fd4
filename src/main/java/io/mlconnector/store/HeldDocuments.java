package io.mlconnector.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the documents held back from Acumatica, one item per document. Few by nature (tens, not millions), so they are
 * listed whole. Every write is one conditional write of one item (no transactions).
 */
public interface HeldDocuments {

    /**
     * Records that an event about this document was held for {@code reason}.
     *
     * @return true only when the document becomes held now (it was not listed, or an operator had sent it back to the
     *         queue): the caller parks exactly one DLQ message per held document. False when it was held already (the
     *         event, its later reason and time are added) or skipped (nothing changes)
     */
    boolean hold(String resourceType, String resourceId, String eventId, String reason, Instant now);

    /** The document posted (or settled otherwise): it is no longer held. A skipped document stays listed as skipped. */
    void resolved(String resourceType, String resourceId);

    /** An operator sent a held document back to the queue; a document not held (or skipped) is left as it is. */
    void retrying(String resourceType, String resourceId, Instant now);

    /** An operator decided this document never posts: listed as skipped with the reason, whether it was held or not. */
    void skip(String resourceType, String resourceId, String reason, String by, Instant now);

    Optional<HeldDocument> find(String resourceType, String resourceId);

    /** Every held, retrying and skipped document, by type and id. */
    List<HeldDocument> list();
}
