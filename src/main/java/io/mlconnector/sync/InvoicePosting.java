package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.mapping.InvoiceMapping;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.VoidPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invoices. A closed invoice posts as an Acumatica invoice, released; one Chargebee voided or deleted after it posted
 * is reversed by a credit memo; one voided before it posted never posts (its tombstone keeps a stale event from
 * posting it). Then its bad-debt provision is kept in step, and the payments and credits Chargebee applied to it later
 * are brought up to date as its follow-ups.
 */
@ApplicationScoped
public class InvoicePosting implements PostingStrategy<ChargebeeInvoice, AcuSalesInvoice> {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;
    private final BadDebtProvisions provisions;

    public InvoicePosting(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                          Preflight preflight, BadDebtProvisions provisions) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
        this.provisions = provisions;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.INVOICE;
    }

    @Override
    public ChargebeeInvoice read(String chargebeeId) {
        return chargebee.invoice(chargebeeId);
    }

    @Override
    public ChargebeeInvoice complete(ChargebeeInvoice invoice) {
        boolean truncated = invoice.lineItemsNextOffset() != null && !invoice.lineItemsNextOffset().isBlank();
        return truncated ? chargebee.invoice(invoice.id()) : invoice;
    }

    @Override
    public Optional<SyncOutcome> settled(ChargebeeInvoice invoice) {
        if (!invoice.isClosed()) {
            return Optional.of(new SyncOutcome.Skipped("invoice " + invoice.id() + " is pending; it posts when it"
                    + " closes"));
        }
        if (isReversed(invoice)) {
            if (documents.releasedKey("invoice", invoice.id()).isEmpty()
                    && documents.neverPosted("invoice", invoice.id(), AcumaticaDocuments.SALES_INVOICE)) {
                // Voided or deleted before it ever reached the ledger: the net effect is nil, so nothing posts, and
                // the tombstone keeps any later (stale) event from posting it.
                return Optional.of(new SyncOutcome.Skipped("invoice " + invoice.id() + " is "
                        + (invoice.isDeleted() ? "deleted" : "voided") + " in Chargebee; it never posted and never"
                        + " will"));
            }
            return Optional.empty(); // posted, or an attempt to post it may have committed: it is reversed
        }
        if (documents.isNeverPosted("invoice", invoice.id())) {
            return Optional.of(new SyncOutcome.Skipped("invoice " + invoice.id() + " was voided in Chargebee before"
                    + " it posted"));
        }
        return Optional.empty();
    }

    @Override
    public List<Dependency> dependencies(ChargebeeInvoice invoice, Mapping mapping) {
        return List.of(Dependency.customer(invoice.customerId(), invoice.currencyCode()));
    }

    @Override
    public AcuSalesInvoice map(ChargebeeInvoice invoice, Resolved resolved, Mapping mapping) {
        return InvoiceMapping.toAcumatica(invoice, resolved.customerId(invoice.customerId()), mapping);
    }

    @Override
    public SyncOutcome post(ChargebeeInvoice invoice, Resolved resolved) {
        SyncOutcome outcome = isReversed(invoice) ? reverse(invoice, resolved) : postAsIs(invoice, resolved);
        if (!(outcome instanceof SyncOutcome.Posted posted)) {
            return outcome;
        }
        return provisions.reconcile(invoice)
                .<SyncOutcome>map(provision -> new SyncOutcome.Posted(posted.acumaticaRef() + "; " + provision,
                        posted.sent(), posted.answer()))
                .orElse(outcome);
    }

    /**
     * Payments whose excess Chargebee applied to this invoice after they were taken are brought up to date (posted,
     * or applied further); credit notes whose credits it used are posted if they are not yet (their allocations
     * include this invoice). Both once the invoice is in Acumatica.
     */
    @Override
    public List<FollowUp> followUps(ChargebeeInvoice invoice) {
        List<FollowUp> followUps = new ArrayList<>();
        for (ChargebeeInvoice.LinkedPayment linked : invoice.linkedPayments() == null
                ? List.<ChargebeeInvoice.LinkedPayment>of() : invoice.linkedPayments()) {
            // Applied after the payment was taken: an excess used later. The payment's own event is a snapshot from
            // before, so its current record is read and posted or applied further.
            boolean appliedLater = linked.appliedAt() != null && linked.txnDate() != null
                    && linked.appliedAt().isAfter(linked.txnDate());
            if (appliedLater && "success".equals(linked.txnStatus())) {
                followUps.add(FollowUp.bringUpToDate(DocumentKind.TRANSACTION, linked.txnId()));
            }
        }
        for (ChargebeeInvoice.AppliedCredit credit : appliedCredits(invoice)) {
            followUps.add(FollowUp.postIfMissing(DocumentKind.CREDIT_NOTE, credit.cnId()));
        }
        return followUps;
    }

    private static List<ChargebeeInvoice.AppliedCredit> appliedCredits(ChargebeeInvoice invoice) {
        return (invoice.appliedCredits() == null ? List.<ChargebeeInvoice.AppliedCredit>of()
                : invoice.appliedCredits()).stream()
                .filter(credit -> credit.appliedAmount() != null && credit.appliedAmount() > 0).toList();
    }

    /**
     * Credits Chargebee applied to this invoice from credit notes posted earlier (refundable credits used for a later
     * invoice): each credit memo in Acumatica is applied to it for what Chargebee applied, never twice. A credit note
     * not posted yet is a follow-up instead, and applies itself when it posts.
     */
    private void applyCredits(ChargebeeInvoice invoice, String invoiceKey) {
        for (ChargebeeInvoice.AppliedCredit credit : appliedCredits(invoice)) {
            documents.releasedKey("credit_note", credit.cnId()).ifPresent(memoKey -> documents.applyCreditMemo(
                    Resolved.referenceNbr(memoKey), Resolved.referenceNbr(invoiceKey),
                    Money.ofMinor(credit.appliedAmount(), invoice.currencyCode()).scaled()));
        }
    }

    private static boolean isReversed(ChargebeeInvoice invoice) {
        return "voided".equals(invoice.status()) || invoice.isDeleted();
    }

    private SyncOutcome postAsIs(ChargebeeInvoice invoice, Resolved resolved) {
        PostedDocument posted = postDocument(invoice, resolved);
        applyCredits(invoice, posted.key());
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /** The invoice in Acumatica, released; a reference the tenant lacks holds it. */
    private PostedDocument postDocument(ChargebeeInvoice invoice, Resolved resolved) {
        AcuSalesInvoice body = map(invoice, resolved, mappings.current());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureReleasedInvoice(invoice.id(), body);
    }

    /**
     * A voided invoice that posted (or whose create may have committed: that document is finished first) is never
     * left open: a credit memo with the same lines, applied to it, takes its balance to zero (the mapping's
     * {@code voided_invoices: credit_memo}, the default).
     */
    private SyncOutcome reverse(ChargebeeInvoice invoice, Resolved resolved) {
        String invoiceKey = documents.releasedKey("invoice", invoice.id())
                .orElseGet(() -> postDocument(invoice, resolved).key());
        if (mappings.current().voidedInvoices() != VoidPolicy.CREDIT_MEMO) {
            return new SyncOutcome.Held("invoice " + invoice.id() + " was voided after it posted as " + invoiceKey
                    + "; the mapping says voided_invoices: void, and the Default endpoint has no Void action for"
                    + " SalesInvoice: void it in Acumatica (Invoices and Memos, AR301000), or set voided_invoices:"
                    + " credit_memo and replay", null, null);
        }
        AcuSalesInvoice original = map(invoice, resolved, mappings.current());
        AcuSalesInvoice reversal = InvoiceMapping.reversal(original, invoice.id() + "-VOID",
                Resolved.referenceNbr(invoiceKey));
        PostedDocument posted = documents.ensureReleasedCreditMemo(invoice.id() + "-VOID", reversal);
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }
}
