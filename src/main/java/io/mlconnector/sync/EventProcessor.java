package io.mlconnector.sync;

import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplication;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.AcumaticaReferences;
import io.mlconnector.mapping.CreditNoteMapping;
import io.mlconnector.mapping.CustomerMapping;
import io.mlconnector.mapping.InvoiceMapping;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.PaymentMapping;
import io.mlconnector.mapping.UnmappableRecord;
import io.mlconnector.mapping.file.MappingFileException;
import io.mlconnector.mapping.file.VoidPolicy;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One Chargebee document, as Chargebee holds it now → its Acumatica documents. Reads like the recipe: map → ensure
 * dependencies → post → classify the result. The event that announced the change only said which document to read:
 * its content is the record as it was then, so a late or repeated event can never post a stale version. Failures
 * become outcomes here, so one bad document never fails its neighbours.
 */
@ApplicationScoped
public class EventProcessor {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;
    private final BadDebtProvisions provisions;
    private final ReadAhead readAhead;

    public EventProcessor(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                          Preflight preflight, BadDebtProvisions provisions, ReadAhead readAhead) {
        this.provisions = provisions;
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
        this.readAhead = readAhead;
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
            if (current instanceof ChargebeeCustomer customer) {
                return syncCustomer(customer);
            }
            if (current instanceof ChargebeeInvoice invoice) {
                return postInvoice(complete(invoice));
            }
            if (current instanceof ChargebeeCreditNote note) {
                return syncCreditNote(note);
            }
            return syncTransaction((ChargebeeTransaction) current);
        });
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
            return new SyncOutcome.RetryLater(e.getMessage());
        } catch (MissingReference e) {
            return new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (MappingFileException e) {
            return new SyncOutcome.Held("the mapping file has problems: " + e.getMessage(), null, null);
        } catch (MappingUnavailable e) {
            return new SyncOutcome.Held(e.getMessage(), null, null);
        } catch (UnmappableRecord e) {
            // A record the mapping cannot express: hold it with the reason rather than post something wrong. Any other
            // exception is a defect, not a data problem: it propagates, the message is retried and then reaches the
            // DLQ with the exception's class (WorkerBatch), and is never recorded as held.
            return new SyncOutcome.Held("cannot map: " + e.getMessage(), null, null);
        }
    }

    /**
     * A customer Chargebee answers 404 for (deleted since it was queued, e.g. by a backfill): handled as deleted,
     * never held. It becomes inactive if it is ours in Acumatica; otherwise there is nothing to post.
     */
    public SyncOutcome customerGone(String chargebeeCustomerId) {
        return customerGone(chargebeeCustomerId, null);
    }

    /** @param sourceVersion the version of the deleted record, when Chargebee still returns it */
    private SyncOutcome customerGone(String chargebeeCustomerId, Long sourceVersion) {
        return guarded(() -> {
            String expected = mappings.current().customers().customerIdFor(chargebeeCustomerId);
            return documents.deactivateCustomer(chargebeeCustomerId, expected, sourceVersion)
                    .<SyncOutcome>map(posted -> new SyncOutcome.Posted(posted.entity() + " " + posted.key()
                            + " inactive (deleted in Chargebee)", posted.sent(), posted.answer()))
                    .orElseGet(() -> new SyncOutcome.Skipped("customer " + chargebeeCustomerId + " is deleted in"
                            + " Chargebee and not in Acumatica: nothing to post"));
        });
    }

    /** A document Chargebee no longer has at all (not even as deleted): there is nothing to post for it. */
    public SyncOutcome gone(DocumentKind kind, String chargebeeId) {
        if (kind == DocumentKind.CUSTOMER) {
            return customerGone(chargebeeId);
        }
        return new SyncOutcome.Skipped(kind.resourceType().replace('_', ' ') + " " + chargebeeId
                + " is deleted in Chargebee: nothing to post"
                + (kind == DocumentKind.INVOICE ? " (if it had posted, its invoice_deleted event reverses it)" : ""));
    }

    private SyncOutcome syncCustomer(ChargebeeCustomer customer) {
        if (customer.isDeleted()) {
            // Inactive in Acumatica if it is there, never deleted (its documents stay); never created just to be so.
            return customerGone(customer.id(), customer.resourceVersion());
        }
        AcuCustomer body = CustomerMapping.toAcumatica(customer, null, mappings.current().customers());
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

    /** The invoice with every line: Chargebee truncates long ones in lists and events. */
    private ChargebeeInvoice complete(ChargebeeInvoice invoice) {
        boolean truncated = invoice.lineItemsNextOffset() != null && !invoice.lineItemsNextOffset().isBlank();
        return truncated ? chargebee.invoice(invoice.id()) : invoice;
    }

    /** The invoice (or its reversal), then its bad-debt provision, which needs the invoice in Acumatica first. */
    private SyncOutcome postInvoice(ChargebeeInvoice invoice) {
        SyncOutcome outcome = postInvoiceDocument(invoice);
        if (!(outcome instanceof SyncOutcome.Posted posted)
                || documents.releasedKey("invoice", invoice.id()).isEmpty()) {
            return outcome;
        }
        applyExcessPayments(invoice);
        applyCredits(invoice);
        return provisions.reconcile(invoice)
                .<SyncOutcome>map(provision -> new SyncOutcome.Posted(posted.acumaticaRef() + "; " + provision,
                        posted.sent(), posted.answer()))
                .orElse(outcome);
    }

    private SyncOutcome postInvoiceDocument(ChargebeeInvoice invoice) {
        if (!invoice.isClosed()) {
            return new SyncOutcome.Skipped("invoice " + invoice.id() + " is pending; it posts when it closes");
        }
        String gone = invoice.isDeleted() ? "deleted" : "voided";
        if ("voided".equals(invoice.status()) || invoice.isDeleted()) {
            Optional<String> posted = documents.releasedKey("invoice", invoice.id());
            if (posted.isEmpty() && documents.neverPosted("invoice", invoice.id(), AcumaticaDocuments.SALES_INVOICE)) {
                // Voided or deleted before it ever reached the ledger: the net effect is nil, so nothing posts, and
                // the tombstone keeps any later (stale) event from posting it.
                return new SyncOutcome.Skipped("invoice " + invoice.id() + " is " + gone + " in Chargebee; it never"
                        + " posted and never will");
            }
            // Posted, or an attempt to post it may have committed: finish that document, then reverse it.
            return reverseVoidedInvoice(invoice, posted.isPresent() ? posted.get() : postInvoiceAsIs(invoice).key());
        }
        if (documents.isNeverPosted("invoice", invoice.id())) {
            return new SyncOutcome.Skipped("invoice " + invoice.id() + " was voided in Chargebee before it posted");
        }
        PostedDocument posted = postInvoiceAsIs(invoice);
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /** The invoice in Acumatica, released, with its customer first; a reference the tenant lacks holds it. */
    private PostedDocument postInvoiceAsIs(ChargebeeInvoice invoice) {
        String customerId = documents.knownCustomerId(invoice.customerId())
                .orElseGet(() -> ensureCustomer(invoice.customerId(), invoice.currencyCode()));
        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice, customerId, mappings.current());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureReleasedInvoice(invoice.id(), body);
    }

    private SyncOutcome syncCreditNote(ChargebeeCreditNote current) {
        ChargebeeCreditNote note = current.isTruncated() ? chargebee.creditNote(current.id()) : current; // every line
        if (note.isDeleted() || "voided".equals(note.status())) {
            if (documents.releasedKey("credit_note", note.id()).isPresent()) {
                return reverseVoidedCreditNote(note);
            }
            if (!documents.neverPosted("credit_note", note.id(), AcumaticaDocuments.SALES_INVOICE)) {
                // An attempt to post it may have committed: finish that credit memo, then reverse it.
                postCreditNoteAsIs(note);
                return reverseVoidedCreditNote(note);
            }
            return new SyncOutcome.Skipped("credit note " + note.id() + " is voided or deleted in Chargebee; it never"
                    + " posted and never will");
        }
        if (documents.isNeverPosted("credit_note", note.id())) {
            return new SyncOutcome.Skipped("credit note " + note.id() + " was voided in Chargebee before it posted");
        }
        PostedDocument posted = postCreditNoteAsIs(note);
        if (!posted.createdNow()) {
            // Posted before: Chargebee may since have allocated the rest of it to other invoices.
            boolean applied = false;
            for (ChargebeeCreditNote.Allocation allocation : note.allocations() == null
                    ? List.<ChargebeeCreditNote.Allocation>of() : note.allocations()) {
                if (allocation.allocatedAmount() != null && allocation.allocatedAmount() > 0) {
                    applied |= documents.applyCreditMemo(referenceNbr(posted.key()),
                            referenceNbr(ensureInvoice(allocation.invoiceId())),
                            Money.ofMinor(allocation.allocatedAmount(), note.currencyCode()).scaled());
                }
            }
            if (applied) {
                return new SyncOutcome.Posted(posted.entity() + " " + posted.key() + " applied further", null, null);
            }
        }
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /** The credit memo in Acumatica, released, with its customer and the invoices it applies to first. */
    private PostedDocument postCreditNoteAsIs(ChargebeeCreditNote note) {
        String customerId = documents.knownCustomerId(note.customerId())
                .orElseGet(() -> ensureCustomer(note.customerId(), note.currencyCode()));
        AcuSalesInvoice body = CreditNoteMapping.toAcumatica(note, customerId,
                invoiceId -> referenceNbr(ensureInvoice(invoiceId)), mappings.current());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureReleasedCreditMemo(note.id(), body);
    }

    /**
     * Credits Chargebee applied to this invoice from credit notes posted earlier (refundable credits used for a later
     * invoice): each posted credit memo is applied to it for what Chargebee applied, never twice.
     */
    private void applyCredits(ChargebeeInvoice invoice) {
        Optional<String> invoiceKey = documents.releasedKey("invoice", invoice.id());
        for (ChargebeeInvoice.AppliedCredit credit : invoice.appliedCredits() == null
                ? List.<ChargebeeInvoice.AppliedCredit>of() : invoice.appliedCredits()) {
            if (invoiceKey.isEmpty() || credit.appliedAmount() == null || credit.appliedAmount() <= 0) {
                continue;
            }
            if (documents.releasedKey("credit_note", credit.cnId()).isEmpty()) {
                // Not posted yet: post it from Chargebee's current record, whose allocations include this invoice.
                ensureCreditNote(credit.cnId());
            }
            String memoKey = documents.releasedKey("credit_note", credit.cnId()).orElseThrow();
            documents.applyCreditMemo(referenceNbr(memoKey), referenceNbr(invoiceKey.get()),
                    Money.ofMinor(credit.appliedAmount(), invoice.currencyCode()).scaled());
        }
    }

    private SyncOutcome syncTransaction(ChargebeeTransaction transaction) {
        // A late failure voids the payment (or, if it never posted, leaves a tombstone), and the ledger remembers it.
        Optional<String> toVoid = PaymentMapping.paymentToVoid(transaction);
        if (toVoid.isPresent()) {
            return reversePayment(toVoid.get(), transaction.id().equals(toVoid.get()) ? "failed late"
                    : "reversed by " + transaction.id(), transaction);
        }
        if (documents.isVoided(transaction.id()) || documents.isNeverPosted("transaction", transaction.id())) {
            return new SyncOutcome.Skipped("payment " + transaction.id() + " was already reversed");
        }
        boolean moneyMoved = "success".equals(transaction.status())
                && ("payment".equals(transaction.type()) || "refund".equals(transaction.type()));
        if (transaction.isDeleted() || !moneyMoved) {
            return new SyncOutcome.Skipped("transaction " + transaction.id() + " (" + transaction.type() + ", "
                    + transaction.status() + ") moves no money to post");
        }
        String customerId = documents.knownCustomerId(transaction.customerId())
                .orElseGet(() -> ensureCustomer(transaction.customerId(), transaction.currencyCode()));
        PostingFirst references = new PostingFirst();
        AcuPayment body = payReopenedDebitMemos(PaymentMapping.toAcumatica(transaction, customerId, references,
                mappings.current()), references, transaction.id());
        Optional<String> gap = preflight.missingFor(body);
        if (gap.isPresent()) {
            return new SyncOutcome.Held(gap.get(), null, null);
        }
        PostedDocument posted = documents.ensureReleasedPayment(transaction.id(), body);
        if (!posted.createdNow() && "payment".equals(transaction.type())) {
            // Posted before: Chargebee may since have applied its excess to another invoice.
            Optional<PostedDocument> reapplied = documents.applyNewApplications(transaction.id(), body);
            if (reapplied.isPresent()) {
                return new SyncOutcome.Posted(posted.entity() + " " + posted.key() + " applied further",
                        reapplied.get().sent(), reapplied.get().answer());
            }
        }
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /**
     * An invoice paid later from a payment's excess names that payment in {@code linked_payments} with an
     * {@code applied_at} after the payment itself: the payment posted before and must now be applied to this invoice
     * too. Chargebee is read again for the payment's current applications.
     */
    private void applyExcessPayments(ChargebeeInvoice invoice) {
        for (ChargebeeInvoice.LinkedPayment linked : invoice.linkedPayments() == null
                ? List.<ChargebeeInvoice.LinkedPayment>of() : invoice.linkedPayments()) {
            // Applied after the payment was taken: an excess used later. The payment's own event is a snapshot from
            // before, so Chargebee's current record is read and posted or applied from here, whichever is needed.
            boolean appliedLater = linked.appliedAt() != null && linked.txnDate() != null
                    && linked.appliedAt().isAfter(linked.txnDate());
            if (appliedLater && "success".equals(linked.txnStatus())) {
                ChargebeeTransaction payment = chargebee.transaction(linked.txnId());
                SyncOutcome applied = syncTransaction(payment);
                if (applied instanceof SyncOutcome.Held held) {
                    throw new MissingReference("payment " + payment.id() + " that paid it cannot be applied yet: "
                            + held.reason());
                }
            }
        }
    }

    /**
     * A voided invoice that already posted is never left open: a credit memo with the same lines, applied to it,
     * takes its balance to zero (the mapping's {@code voided_invoices: credit_memo}, the default).
     */
    private SyncOutcome reverseVoidedInvoice(ChargebeeInvoice invoice, String invoiceKey) {
        if (mappings.current().voidedInvoices() != VoidPolicy.CREDIT_MEMO) {
            return new SyncOutcome.Held("invoice " + invoice.id() + " was voided after it posted as " + invoiceKey
                    + "; the mapping says voided_invoices: void, and the Default endpoint has no Void action for"
                    + " SalesInvoice: void it in Acumatica (Invoices and Memos, AR301000), or set voided_invoices:"
                    + " credit_memo and replay", null, null);
        }
        String customerId = documents.knownCustomerId(invoice.customerId())
                .orElseGet(() -> ensureCustomer(invoice.customerId(), invoice.currencyCode()));
        AcuSalesInvoice original = InvoiceMapping.toAcumatica(invoice, customerId, mappings.current());
        AcuSalesInvoice reversal = InvoiceMapping.reversal(original, invoice.id() + "-VOID", referenceNbr(invoiceKey));
        PostedDocument posted = documents.ensureReleasedCreditMemo(invoice.id() + "-VOID", reversal);
        return new SyncOutcome.Posted(posted.entity() + " " + posted.key(), posted.sent(), posted.answer());
    }

    /**
     * A credit note voided after its credit memo posted is reversed by a debit memo with the same lines, so it never
     * stays as a credit the customer no longer has.
     */
    private SyncOutcome reverseVoidedCreditNote(ChargebeeCreditNote note) {
        String customerId = documents.knownCustomerId(note.customerId())
                .orElseGet(() -> ensureCustomer(note.customerId(), note.currencyCode()));
        String reversalId = note.id() + "-VOID";
        AcuSalesInvoice reversal = CreditNoteMapping.reversal(note, customerId, reversalId, mappings.current());
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

    /**
     * Chargebee applies a payment to an invoice a voided credit note had paid as one amount; in Acumatica part of it
     * is due on the reversal debit memo. That part (up to what the memo still has room for) goes to the memo first,
     * the rest to the invoice. The memo's room excludes this payment's own applications, so a redelivery computes the
     * same split and applies nothing twice.
     */
    private AcuPayment payReopenedDebitMemos(AcuPayment body, PostingFirst references, String transactionId) {
        if (body.documentsToApply() == null || !PaymentMapping.TYPE_PAYMENT.equals(body.type())) {
            return body;
        }
        Optional<String> paymentNbr = documents.releasedKey("transaction", transactionId)
                .map(EventProcessor::referenceNbr);
        List<AcuPaymentApplication> applications = new ArrayList<>();
        boolean split = false;
        for (AcuPaymentApplication application : body.documentsToApply()) {
            String invoiceId = references.invoiceIdOf(application.referenceNbr());
            Optional<String> memo = invoiceId == null ? Optional.empty()
                    : documents.releasedKey("reopened_by", invoiceId);
            if (memo.isEmpty()) {
                applications.add(application);
                continue;
            }
            String memoNbr = referenceNbr(memo.get());
            BigDecimal toMemo = application.amountPaid().min(documents.debitMemoRoom(memoNbr, paymentNbr));
            BigDecimal toInvoice = application.amountPaid().subtract(toMemo);
            if (toMemo.signum() > 0) {
                applications.add(new AcuPaymentApplication(CreditNoteMapping.TYPE_DEBIT_MEMO, memoNbr, toMemo));
                split = true;
            }
            if (toInvoice.signum() > 0) {
                applications.add(new AcuPaymentApplication(application.docType(), application.referenceNbr(),
                        toInvoice));
            }
        }
        return !split ? body : new AcuPayment(body.type(), body.customerID(), body.paymentMethod(), body.cashAccount(),
                body.currencyID(), body.paymentAmount(), body.applicationDate(), body.paymentRef(), body.externalRef(),
                body.description(), body.hold(), List.copyOf(applications));
    }

    /**
     * A payment that failed late or was reversed (chargeback, returned direct debit) is voided in Acumatica, which
     * reopens the invoices it paid. If it never posted there is nothing to undo for a late failure; a reversal of a
     * payment not posted yet posts that payment first, so the ledger shows both.
     */
    private SyncOutcome reversePayment(String paymentId, String why, ChargebeeTransaction reversing) {
        if (paymentId.isEmpty()) {
            return new SyncOutcome.Held("payment reversal names no original transaction", null, null);
        }
        if (documents.isVoided(paymentId)) {
            return new SyncOutcome.Skipped("payment " + paymentId + " is already voided");
        }
        if (documents.isNeverPosted("transaction", paymentId)) {
            return new SyncOutcome.Skipped("payment " + paymentId + " " + why + " before it ever posted");
        }
        if (documents.releasedKey("transaction", paymentId).isEmpty()) {
            ChargebeeTransaction original = reversing.id().equals(paymentId) ? reversing
                    : chargebee.transaction(paymentId);
            if (!"success".equals(original.status())
                    && documents.neverPosted("transaction", paymentId, AcumaticaDocuments.PAYMENT)) {
                return new SyncOutcome.Skipped("payment " + paymentId + " " + why + " before it ever posted");
            }
            if ("success".equals(original.status())) {
                SyncOutcome posted = syncTransaction(original);
                if (!(posted instanceof SyncOutcome.Posted)) {
                    return posted;
                }
            } // else an attempt to post it may have committed: the void below finds it in Acumatica

        }
        PostedDocument voided = documents.voidPayment(paymentId);
        return new SyncOutcome.Posted(voided.entity() + " " + voided.key() + " voided (" + why + ")", null,
                voided.answer());
    }

    /** A document that applies to an invoice needs the invoice first: post it now if it is not in the ledger. */
    private String ensureInvoice(String invoiceId) {
        return ensurePosted("invoice", invoiceId, "invoice " + invoiceId + " it applies to",
                () -> postInvoice(chargebee.invoice(invoiceId)));
    }

    /**
     * The Acumatica key of a Chargebee document the ledger says is released; otherwise {@code post} posts it from
     * Chargebee's current record first, and if it still is not there the caller is held with the reason.
     */
    private String ensurePosted(String chargebeeType, String chargebeeId, String what,
                                Supplier<SyncOutcome> post) {
        Optional<String> known = documents.releasedKey(chargebeeType, chargebeeId);
        if (known.isPresent()) {
            return known.get();
        }
        SyncOutcome outcome = post.get();
        return documents.releasedKey(chargebeeType, chargebeeId).orElseThrow(() -> new MissingReference(
                what + " cannot post yet: " + describe(outcome)));
    }

    /** Acumatica reference numbers of the documents a payment or refund applies to, each posted first if needed. */
    private final class PostingFirst implements AcumaticaReferences {
        private final Map<String, String> invoiceIds = new HashMap<>();

        @Override
        public String invoice(String chargebeeInvoiceId) {
            String nbr = referenceNbr(ensureInvoice(chargebeeInvoiceId));
            invoiceIds.put(nbr, chargebeeInvoiceId);
            return nbr;
        }

        /** The Chargebee invoice an Acumatica invoice number was resolved from, or null. */
        String invoiceIdOf(String referenceNbr) {
            return invoiceIds.get(referenceNbr);
        }

        @Override
        public String creditNote(String chargebeeCreditNoteId) {
            return referenceNbr(ensureCreditNote(chargebeeCreditNoteId));
        }

        @Override
        public String payment(String chargebeeTransactionId) {
            return referenceNbr(ensurePayment(chargebeeTransactionId));
        }
    }

    private String ensurePayment(String transactionId) {
        return ensurePosted("transaction", transactionId, "payment " + transactionId + " it refunds", () -> {
            ChargebeeTransaction payment = chargebee.transaction(transactionId);
            if (!"payment".equals(payment.type())) {
                throw new MissingReference("refunded_txn_id " + transactionId + " names a " + payment.type()
                        + ", not a payment; the refund cannot be applied");
            }
            return syncTransaction(payment);
        });
    }

    private String ensureCreditNote(String creditNoteId) {
        return ensurePosted("credit_note", creditNoteId, "credit note " + creditNoteId + " it needs",
                () -> syncCreditNote(chargebee.creditNote(creditNoteId)));
    }

    private static String describe(SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Held held) {
            return held.reason();
        }
        if (outcome instanceof SyncOutcome.Skipped skipped) {
            return skipped.reason();
        }
        return outcome.name();
    }

    /** "Invoice/INV000001" → "INV000001". */
    private static String referenceNbr(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** The customer comes before the first document that needs it; fetched from Chargebee only when not known yet. */
    private String ensureCustomer(String chargebeeCustomerId, String documentCurrency) {
        ChargebeeCustomer customer = readAhead.customer(chargebeeCustomerId);
        AcuCustomer body = CustomerMapping.toAcumatica(customer, documentCurrency, mappings.current().customers());
        preflight.missingFor(body).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureCustomer(customer.id(), body).key();
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
