package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.mapping.CreditNoteMapping;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Credit notes. One posts as an Acumatica credit memo, released, applied to the invoices Chargebee allocated it to
 * (those post first); one posted before is applied further when Chargebee has allocated more of it since. One voided
 * after it posted is reversed by a debit memo; one voided before it posted never posts.
 */
@ApplicationScoped
public class CreditNotePosting implements PostingStrategy<ChargebeeCreditNote, AcuSalesInvoice> {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;

    public CreditNotePosting(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                             Preflight preflight) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CREDIT_NOTE;
    }

    @Override
    public ChargebeeCreditNote read(String chargebeeId) {
        return chargebee.creditNote(chargebeeId);
    }

    @Override
    public ChargebeeCreditNote complete(ChargebeeCreditNote note) {
        return note.isTruncated() ? chargebee.creditNote(note.id()) : note;
    }

    @Override
    public Optional<SyncOutcome> settled(ChargebeeCreditNote note) {
        if (isReversed(note)) {
            if (documents.releasedKey("credit_note", note.id()).isEmpty()
                    && documents.neverPosted("credit_note", note.id(), AcumaticaDocuments.SALES_INVOICE)) {
                return Optional.of(new SyncOutcome.Skipped("credit note " + note.id() + " is voided or deleted in"
                        + " Chargebee; it never posted and never will"));
            }
            return Optional.empty(); // posted, or an attempt to post it may have committed: it is reversed
        }
        if (documents.isNeverPosted("credit_note", note.id())) {
            return Optional.of(new SyncOutcome.Skipped("credit note " + note.id() + " was voided in Chargebee before"
                    + " it posted"));
        }
        return Optional.empty();
    }

    /** Its customer, then each invoice it is allocated to, as the mapping asks for them. */
    @Override
    public List<Dependency> dependencies(ChargebeeCreditNote note, Mapping mapping) {
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(Dependency.customer(note.customerId(), note.currencyCode()));
        CreditNoteMapping.toAcumatica(note, note.customerId(), invoiceId -> {
            dependencies.add(Dependency.of(DocumentKind.INVOICE, invoiceId));
            return invoiceId;
        }, mapping);
        return List.copyOf(new LinkedHashSet<>(dependencies));
    }

    @Override
    public AcuSalesInvoice map(ChargebeeCreditNote note, Resolved resolved, Mapping mapping) {
        return CreditNoteMapping.toAcumatica(note, resolved.customerId(note.customerId()), resolved::invoice, mapping);
    }

    @Override
    public SyncOutcome post(ChargebeeCreditNote note, Resolved resolved) {
        if (isReversed(note)) {
            if (documents.releasedKey("credit_note", note.id()).isEmpty()) {
                postDocument(note, resolved); // an attempt may have committed: finish that credit memo first
            }
            return reverse(note, resolved);
        }
        PostedDocument posted = postDocument(note, resolved);
        if (!posted.createdNow()) {
            // Posted before: Chargebee may since have allocated the rest of it to other invoices.
            boolean applied = false;
            for (ChargebeeCreditNote.Allocation allocation : note.allocations() == null
                    ? List.<ChargebeeCreditNote.Allocation>of() : note.allocations()) {
                if (allocation.allocatedAmount() != null && allocation.allocatedAmount() > 0) {
                    applied |= documents.applyCreditMemo(Resolved.referenceNbr(posted.key()),
                            resolved.invoice(allocation.invoiceId()),
                            Money.ofMinor(allocation.allocatedAmount(), note.currencyCode()).scaled());
                }
            }
            if (applied) {
                return new SyncOutcome.Posted(posted.entity() + " " + posted.key() + " applied further", null, null);
            }
        }
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    private static boolean isReversed(ChargebeeCreditNote note) {
        return note.isDeleted() || "voided".equals(note.status());
    }

    /** The credit memo in Acumatica, released, applied to the invoices it is allocated to. */
    private PostedDocument postDocument(ChargebeeCreditNote note, Resolved resolved) {
        AcuSalesInvoice body = map(note, resolved, mappings.current());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureReleasedCreditMemo(note.id(), body);
    }

    /**
     * A credit note voided after its credit memo posted is reversed by a debit memo with the same lines, so it never
     * stays as a credit the customer no longer has. The invoices it had paid remember the memo that reopened them.
     */
    private SyncOutcome reverse(ChargebeeCreditNote note, Resolved resolved) {
        String reversalId = note.id() + "-VOID";
        AcuSalesInvoice reversal = CreditNoteMapping.reversal(note, resolved.customerId(note.customerId()),
                reversalId, mappings.current());
        Optional<String> gap = preflight.missingFor(reversal);
        if (gap.isPresent()) {
            return new SyncOutcome.Held(gap.get(), null, null);
        }
        PostedDocument posted = documents.ensureReleasedInvoice(reversalId, reversal);
        Set<String> reopened = new LinkedHashSet<>();
        if (note.referenceInvoiceId() != null) {
            reopened.add(note.referenceInvoiceId());
        }
        (note.allocations() == null ? List.<ChargebeeCreditNote.Allocation>of() : note.allocations())
                .forEach(allocation -> reopened.add(allocation.invoiceId()));
        reopened.forEach(invoiceId -> documents.rememberReopened(invoiceId, posted));
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }
}
