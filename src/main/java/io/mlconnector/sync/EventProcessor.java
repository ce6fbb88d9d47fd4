package io.mlconnector.sync;

import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.mapping.UnmappableRecord;
import io.mlconnector.mapping.file.MappingFileException;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * One Chargebee document, as Chargebee holds it now → its Acumatica documents, through the {@link PostingWorklist}.
 * The event that announced the change only said which document to read: its content is the record as it was then, so
 * a late or repeated event can never post a stale version. Failures become outcomes here, so one bad document never
 * fails its neighbours.
 */
@ApplicationScoped
public class EventProcessor {
    private final PostingWorklist worklist;
    private final CustomerPosting customers;
    private final MappingSource mappings;

    public EventProcessor(PostingWorklist worklist, CustomerPosting customers, MappingSource mappings) {
        this.worklist = worklist;
        this.customers = customers;
        this.mappings = mappings;
    }

    /**
     * @param current   the document as Chargebee holds it now (re-read, never the event's copy)
     * @param eventType the event that announced the change, for the reasons given
     */
    public SyncOutcome process(ChargebeeRecord current, String eventType) {
        return guarded(() -> {
            if (mappings.current().glSummary().isPresent() && !(current instanceof ChargebeeCustomer)) {
                // Summary mode: AR detail stays in Chargebee; the period's journal carries these amounts.
                return new SyncOutcome.Skipped("gl_summary mode: " + eventType
                        + " is carried by the period's summary journal");
            }
            return worklist.post(current);
        });
    }

    /**
     * A customer Chargebee answers 404 for (deleted since it was queued, e.g. by a backfill): handled as deleted,
     * never held. It becomes inactive if it is ours in Acumatica; otherwise there is nothing to post.
     */
    public SyncOutcome customerGone(String chargebeeCustomerId) {
        return guarded(() -> customers.gone(chargebeeCustomerId, null));
    }

    /** A document Chargebee no longer has at all (not even as deleted): there is nothing to post for it. */
    public SyncOutcome gone(DocumentKind kind, String chargebeeId) {
        if (kind == DocumentKind.CUSTOMER) {
            return customerGone(chargebeeId);
        }
        return new SyncOutcome.Skipped(Resolved.describe(new DocumentRef(kind, chargebeeId))
                + " is deleted in Chargebee: nothing to post"
                + (kind == DocumentKind.INVOICE ? " (if it had posted, its invoice_deleted event reverses it)" : ""));
    }

    /** What each failure means for the event, in one place: come back later, or hold with the reason. */
    private SyncOutcome guarded(Supplier<SyncOutcome> work) {
        try {
            return work.get();
        } catch (AcumaticaException e) {
            return e.retryable() ? new SyncOutcome.RetryLater(e.getMessage())
                    : new SyncOutcome.Held(e.getMessage(), null, fieldErrors(e));
        } catch (ChargebeeException e) {
            return e.retryable() ? new SyncOutcome.RetryLater(e.getMessage())
                    : new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (TombstonedDocument e) {
            return new SyncOutcome.Skipped(e.getMessage());
        } catch (DocumentBusy e) {
            return new SyncOutcome.RetryLater(e.getMessage(), true);
        } catch (InvocationDeadline.Reached e) {
            return new SyncOutcome.RetryLater(e.getMessage(), true); // the next invocation has its whole timeout
        } catch (MissingReference | MappingUnavailable e) {
            return new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (MappingFileException e) {
            return new SyncOutcome.Held("the mapping file has problems: " + e.getMessage(), null, null);
        } catch (UnmappableRecord e) {
            // A record the mapping cannot express: hold it with the reason rather than post something wrong. Any other
            // exception is a defect, not a data problem: it propagates, the message is retried and then reaches the
            // DLQ with the exception's class (WorkerBatch), and is never recorded as held.
            return new SyncOutcome.Held("cannot map: " + e.getMessage(), null, null);
        }
    }

    private static String fieldErrors(AcumaticaException e) {
        if (e instanceof AcumaticaException.Rejected rejected && !rejected.fieldErrors().isEmpty()) {
            StringBuilder text = new StringBuilder("[");
            rejected.fieldErrors().forEach(error -> text.append(text.length() > 1 ? "," : "")
                    .append("{\"field\":\"").append(error.path().replace("\"", "'"))
                    .append("\",\"error\":\"").append(error.message().replace("\"", "'")).append("\"}"));
            return text.append(']').toString();
        }
        return null;
    }
}
