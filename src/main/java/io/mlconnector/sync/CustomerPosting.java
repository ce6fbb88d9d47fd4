package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.mapping.CustomerMapping;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Customers. A customer event brings the Acumatica customer up to date (a stale one changes nothing, a deletion makes
 * it inactive); a document that needs a customer Acumatica lacks creates it, in that document's currency, and never
 * changes one that is there.
 */
@ApplicationScoped
public class CustomerPosting implements PostingStrategy<ChargebeeCustomer, AcuCustomer> {
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;
    private final ReadAhead readAhead;

    public CustomerPosting(AcumaticaDocuments documents, MappingSource mappings, Preflight preflight,
                           ReadAhead readAhead) {
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
        this.readAhead = readAhead;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CUSTOMER;
    }

    /** The customer as read ahead for this batch, else Chargebee's current record. */
    @Override
    public ChargebeeCustomer read(String chargebeeId) {
        return readAhead.customer(chargebeeId);
    }

    @Override
    public Optional<SyncOutcome> settled(ChargebeeCustomer customer) {
        return Optional.empty();
    }

    @Override
    public List<Dependency> dependencies(ChargebeeCustomer customer, Mapping mapping) {
        return List.of();
    }

    @Override
    public AcuCustomer map(ChargebeeCustomer customer, Resolved resolved, Mapping mapping) {
        return CustomerMapping.toAcumatica(customer, null, mapping.customers());
    }

    @Override
    public SyncOutcome post(ChargebeeCustomer customer, Resolved resolved) {
        if (customer.isDeleted()) {
            // Inactive in Acumatica if it is there, never deleted (its documents stay); never created just to be so.
            return gone(customer.id(), customer.resourceVersion());
        }
        AcuCustomer body = map(customer, resolved, mappings.current());
        Optional<String> gap = preflight.missingFor(body);
        if (gap.isPresent()) {
            return new SyncOutcome.Held(gap.get(), null, null);
        }
        return documents.upsertCustomer(customer.id(), body, customer.resourceVersion())
                .<SyncOutcome>map(posted -> new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(),
                        posted.answer()))
                .orElseGet(() -> new SyncOutcome.Skipped("customer " + customer.id() + ": a newer version of it was"
                        + " posted already"));
    }

    /**
     * The customer a document needs, created in the document's currency when Acumatica lacks it; one that is there is
     * left as it is.
     *
     * @return its Acumatica CustomerID
     */
    public String ensure(ChargebeeCustomer customer, String documentCurrency) {
        AcuCustomer body = CustomerMapping.toAcumatica(customer, documentCurrency, mappings.current().customers());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureCustomer(customer.id(), body).key();
    }

    /**
     * A customer Chargebee deleted: inactive if it is ours in Acumatica; otherwise there is nothing to post.
     *
     * @param sourceVersion the version of the deleted record, when Chargebee still returns it
     */
    public SyncOutcome gone(String chargebeeCustomerId, Long sourceVersion) {
        String expected = mappings.current().customers().customerIdFor(chargebeeCustomerId);
        return documents.deactivateCustomer(chargebeeCustomerId, expected, sourceVersion)
                .<SyncOutcome>map(posted -> new SyncOutcome.Posted(posted.entity() + " " + posted.key()
                        + " inactive (deleted in Chargebee)", posted.sent(), posted.answer()))
                .orElseGet(() -> new SyncOutcome.Skipped("customer " + chargebeeCustomerId + " is deleted in"
                        + " Chargebee and not in Acumatica: nothing to post"));
    }
}
