package io.mlconnector.sync;

import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplication;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.AcumaticaReferences;
import io.mlconnector.mapping.PaymentMapping;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Payments and refunds. A successful one posts as an Acumatica payment or customer refund, applied as Chargebee
 * applied it (the invoices, credit notes or payment it names post first) and released; one posted before is applied
 * further when Chargebee has since used its excess. A payment that failed late, or that a {@code payment_reversal}
 * reverses, is voided (which reopens what it paid); one that never posted is never posted.
 */
@ApplicationScoped
public class TransactionPosting implements PostingStrategy<ChargebeeTransaction, AcuPayment> {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;

    public TransactionPosting(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                              Preflight preflight) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.TRANSACTION;
    }

    @Override
    public ChargebeeTransaction read(String chargebeeId) {
        return chargebee.transaction(chargebeeId);
    }

    @Override
    public Optional<SyncOutcome> settled(ChargebeeTransaction transaction) {
        Optional<String> toVoid = PaymentMapping.paymentToVoid(transaction);
        if (toVoid.isPresent()) {
            String paymentId = toVoid.get();
            if (paymentId.isEmpty()) {
                return Optional.of(new SyncOutcome.Held("payment reversal names no original transaction", null,
                        null));
            }
            if (documents.isVoided(paymentId)) {
                return Optional.of(new SyncOutcome.Skipped("payment " + paymentId + " is already voided"));
            }
            if (documents.isNeverPosted("transaction", paymentId)) {
                return Optional.of(new SyncOutcome.Skipped("payment " + paymentId + " " + why(transaction, paymentId)
                        + " before it ever posted"));
            }
            return Optional.empty();
        }
        if (documents.isVoided(transaction.id()) || documents.isNeverPosted("transaction", transaction.id())) {
            return Optional.of(new SyncOutcome.Skipped("payment " + transaction.id() + " was already reversed"));
        }
        if (!movesMoney(transaction)) {
            return Optional.of(new SyncOutcome.Skipped("transaction " + transaction.id() + " (" + transaction.type()
                    + ", " + transaction.status() + ") moves no money to post"));
        }
        return Optional.empty();
    }

    /**
     * A reversal needs the payment it reverses (posted first if Chargebee says it succeeded); a payment or refund
     * needs its customer, then each document the mapping applies it to.
     */
    @Override
    public List<Dependency> dependencies(ChargebeeTransaction transaction, Mapping mapping) {
        Optional<String> toVoid = PaymentMapping.paymentToVoid(transaction);
        if (toVoid.isPresent()) {
            return toVoid.get().equals(transaction.id()) ? List.of()
                    : List.of(Dependency.of(DocumentKind.TRANSACTION, toVoid.get()));
        }
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(Dependency.customer(transaction.customerId(), transaction.currencyCode()));
        PaymentMapping.toAcumatica(transaction, transaction.customerId(), new AcumaticaReferences() {
            @Override
            public String invoice(String chargebeeInvoiceId) {
                dependencies.add(Dependency.of(DocumentKind.INVOICE, chargebeeInvoiceId));
                return chargebeeInvoiceId;
            }

            @Override
            public String creditNote(String chargebeeCreditNoteId) {
                dependencies.add(Dependency.of(DocumentKind.CREDIT_NOTE, chargebeeCreditNoteId));
                return chargebeeCreditNoteId;
            }

            @Override
            public String payment(String chargebeeTransactionId) {
                dependencies.add(Dependency.of(DocumentKind.TRANSACTION, chargebeeTransactionId));
                return chargebeeTransactionId;
            }
        }, mapping);
        return List.copyOf(new LinkedHashSet<>(dependencies));
    }

    @Override
    public AcuPayment map(ChargebeeTransaction transaction, Resolved resolved, Mapping mapping) {
        return PaymentMapping.toAcumatica(transaction, resolved.customerId(transaction.customerId()), resolved,
                mapping);
    }

    /** A refund can only pay out a payment: any other transaction named as the refunded one holds it. */
    @Override
    public Optional<String> unfitAsDependency(ChargebeeTransaction transaction) {
        return "payment".equals(transaction.type()) ? Optional.empty()
                : Optional.of("transaction " + transaction.id() + " is a " + transaction.type() + ", not a payment;"
                        + " a refund of it cannot be applied");
    }

    @Override
    public SyncOutcome post(ChargebeeTransaction transaction, Resolved resolved) {
        Optional<String> toVoid = PaymentMapping.paymentToVoid(transaction);
        if (toVoid.isPresent()) {
            return reverse(toVoid.get(), transaction, resolved);
        }
        AcuPayment body = payReopenedDebitMemos(map(transaction, resolved, mappings.current()), resolved,
                transaction.id());
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

    private static boolean movesMoney(ChargebeeTransaction transaction) {
        return !transaction.isDeleted() && "success".equals(transaction.status())
                && ("payment".equals(transaction.type()) || "refund".equals(transaction.type()));
    }

    private static String why(ChargebeeTransaction transaction, String paymentId) {
        return transaction.id().equals(paymentId) ? "failed late" : "reversed by " + transaction.id();
    }

    /**
     * A payment that failed late or was reversed (chargeback, returned direct debit) is voided in Acumatica, which
     * reopens the invoices it paid. If it never posted there is nothing to undo for a late failure; a reversal of a
     * successful payment not posted yet has posted that payment first (its dependency), so the ledger shows both.
     */
    private SyncOutcome reverse(String paymentId, ChargebeeTransaction reversing, Resolved resolved) {
        String why = why(reversing, paymentId);
        if (documents.releasedKey("transaction", paymentId).isEmpty()) {
            DocumentRef original = new DocumentRef(DocumentKind.TRANSACTION, paymentId);
            Optional<SyncOutcome> posting = resolved.outcomeOf(original);
            if (posting.isPresent() && !(posting.get() instanceof SyncOutcome.Posted)) {
                return posting.get();
            }
            String status = reversing.id().equals(paymentId) ? reversing.status()
                    : resolved.recordOf(original).map(record -> ((ChargebeeTransaction) record).status()).orElse(null);
            if (!"success".equals(status)
                    && documents.neverPosted("transaction", paymentId, AcumaticaDocuments.PAYMENT)) {
                return new SyncOutcome.Skipped("payment " + paymentId + " " + why + " before it ever posted");
            }
            // else an attempt to post it may have committed: the void below finds it in Acumatica
        }
        PostedDocument voided = documents.voidPayment(paymentId);
        return new SyncOutcome.Posted(voided.entity() + " " + voided.key() + " voided (" + why + ")", null,
                voided.answer());
    }

    /**
     * Chargebee applies a payment to an invoice a voided credit note had paid as one amount; in Acumatica part of it
     * is due on the reversal debit memo. That part (up to what the memo still has room for) goes to the memo first,
     * the rest to the invoice. The memo's room excludes this payment's own applications, so a redelivery computes the
     * same split and applies nothing twice.
     */
    private AcuPayment payReopenedDebitMemos(AcuPayment body, Resolved resolved, String transactionId) {
        if (body.documentsToApply() == null || !ArDocumentType.PAYMENT.is(body.type())) {
            return body;
        }
        Optional<String> paymentNbr = documents.releasedKey("transaction", transactionId)
                .map(Resolved::referenceNbr);
        List<AcuPaymentApplication> applications = new ArrayList<>();
        boolean split = false;
        for (AcuPaymentApplication application : body.documentsToApply()) {
            Optional<String> memo = resolved.chargebeeInvoiceOf(application.referenceNbr())
                    .flatMap(invoiceId -> documents.releasedKey("reopened_by", invoiceId));
            if (memo.isEmpty()) {
                applications.add(application);
                continue;
            }
            String memoNbr = Resolved.referenceNbr(memo.get());
            BigDecimal toMemo = application.amountPaid().min(documents.debitMemoRoom(memoNbr, paymentNbr));
            BigDecimal toInvoice = application.amountPaid().subtract(toMemo);
            if (toMemo.signum() > 0) {
                applications.add(new AcuPaymentApplication(ArDocumentType.DEBIT_MEMO.wireName(), memoNbr, toMemo));
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
}
