package io.mlconnector.sync;

import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.mapping.CustomerMapping;
import io.mlconnector.mapping.InvoiceMapping;
import io.mlconnector.mapping.file.MappingFileException;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One re-fetched Chargebee event → its Acumatica documents. Reads like the recipe: map → ensure dependencies →
 * post → classify the result. Failures become outcomes here, so one bad event never fails its neighbours.
 */
@ApplicationScoped
public class EventProcessor {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;

    public EventProcessor(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                          Preflight preflight) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
    }

    public SyncOutcome process(ChargebeeEvent event) {
        try {
            return switch (event.eventType()) {
                case "customer_created", "customer_changed" -> syncCustomer(event);
                case "invoice_generated", "invoice_generated_with_backdating", "invoice_updated" -> syncInvoice(event);
                default -> new SyncOutcome.Skipped("event type " + event.eventType() + " is not handled");
            };
        } catch (AcumaticaException e) {
            return e.retryable() ? new SyncOutcome.RetryLater(e.getMessage())
                    : new SyncOutcome.Held(e.getMessage(), null, fieldErrors(e));
        } catch (ChargebeeException e) {
            return e.retryable() ? new SyncOutcome.RetryLater(e.getMessage()) : new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (MissingReference e) {
            return new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (MappingFileException e) {
            return new SyncOutcome.Held("the mapping file has problems: " + e.getMessage(), null, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record the mapping cannot express: hold it with the reason rather than post something wrong.
            return new SyncOutcome.Held("cannot map: " + e.getMessage(), null, null);
        }
    }

    private SyncOutcome syncCustomer(ChargebeeEvent event) {
        ChargebeeCustomer customer = event.contentOrEmpty().customer();
        if (customer == null) {
            return new SyncOutcome.Held("event carries no customer", null, null);
        }
        AcuCustomer body = CustomerMapping.toAcumatica(customer, null, mappings.current().customers());
        Optional<String> gap = preflight.missingFor(body);
        if (gap.isPresent()) {
            return new SyncOutcome.Held(gap.get(), null, null);
        }
        PostedDocument posted = documents.upsertCustomer(customer.id(), body);
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    private SyncOutcome syncInvoice(ChargebeeEvent event) {
        ChargebeeInvoice carried = event.contentOrEmpty().invoice();
        if (carried == null) {
            return new SyncOutcome.Held("event carries no invoice", null, null);
        }
        boolean truncated = carried.lineItemsNextOffset() != null && !carried.lineItemsNextOffset().isBlank();
        ChargebeeInvoice invoice = truncated ? chargebee.invoice(carried.id()) : carried; // read every line
        if (!invoice.isClosed()) {
            return new SyncOutcome.Skipped("invoice " + invoice.id() + " is pending; it posts when it closes");
        }
        if ("voided".equals(invoice.status())) {
            // Voided before it ever reached the ledger: net effect nil. (Reversing a posted one is a later issue.)
            return new SyncOutcome.Skipped("invoice " + invoice.id() + " is voided in Chargebee");
        }
        if (invoice.isDeleted()) {
            return new SyncOutcome.Skipped("invoice " + invoice.id() + " is deleted in Chargebee");
        }
        String customerId = documents.knownCustomerId(invoice.customerId())
                .orElseGet(() -> ensureCustomer(invoice.customerId(), invoice.currencyCode()));
        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice, customerId, mappings.current());
        Optional<String> gap = preflight.missingFor(body);
        if (gap.isPresent()) {
            return new SyncOutcome.Held(gap.get(), null, null);
        }
        PostedDocument posted = documents.ensureReleasedInvoice(invoice.id(), body);
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /** The customer comes before the first document that needs it; fetched from Chargebee only when not known yet. */
    private String ensureCustomer(String chargebeeCustomerId, String documentCurrency) {
        ChargebeeCustomer customer = chargebee.customer(chargebeeCustomerId);
        AcuCustomer body = CustomerMapping.toAcumatica(customer, documentCurrency, mappings.current().customers());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureCustomer(customer.id(), body).key();
    }

    /** A document needs an Acumatica record the preflight found missing: held until someone adds it. */
    private static final class MissingReference extends RuntimeException {
        MissingReference(String message) {
            super(message);
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
