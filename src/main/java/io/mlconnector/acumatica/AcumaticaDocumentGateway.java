package io.mlconnector.acumatica;

import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplicationsUpdate;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.CustomerRef;
import io.mlconnector.acumatica.dto.EntityKeys;
import io.mlconnector.acumatica.dto.InvoiceApplications;
import io.mlconnector.acumatica.dto.InvoiceRef;
import io.mlconnector.acumatica.dto.JournalAmounts;
import io.mlconnector.acumatica.dto.JournalView;
import io.mlconnector.acumatica.dto.PaymentApplications;
import io.mlconnector.acumatica.dto.PaymentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The Acumatica operations the connector posts documents with, one typed method per request: customers, sales
 * invoices and memos, payments and their applications, journals. Each method is exactly one call through
 * {@link AcumaticaClient} (an action: one call and its status polls). No retries, no ledger, no leases: the
 * exactly-once recipe lives with the caller. A lookup that finds nothing answers empty; failures are
 * {@link AcumaticaException}s.
 */
@ApplicationScoped
public class AcumaticaDocumentGateway {
    private static final String EXTERNAL_REF = "ExternalRef";

    private final AcumaticaClient acumatica;

    public AcumaticaDocumentGateway(AcumaticaClient acumatica) {
        this.acumatica = acumatica;
    }

    /** The customer with this CustomerID. */
    public Optional<CustomerRef> findCustomer(String customerId) {
        return acumatica.findFirst(AcumaticaEntity.CUSTOMER.wireName(), ODataFilter.eq("CustomerID", customerId),
                CustomerRef.class);
    }

    /**
     * Creates a customer, insert-only.
     *
     * @throws AcumaticaException.PreconditionFailed when a customer with its CustomerID exists already
     */
    public CustomerRef createCustomer(AcuCustomer body) {
        return acumatica.create(AcumaticaEntity.CUSTOMER.wireName(), body, CustomerRef.class);
    }

    /**
     * Updates the customer the body names by CustomerID, update-only.
     *
     * @throws AcumaticaException.PreconditionFailed when no such customer exists (deleted in Acumatica since)
     */
    public CustomerRef updateCustomer(AcuCustomer body) {
        return acumatica.update(AcumaticaEntity.CUSTOMER.wireName(), body, CustomerRef.class);
    }

    /** The sales invoice, debit memo or credit memo of this type carrying a Chargebee id as its ExternalRef. */
    public Optional<InvoiceRef> findSalesInvoice(String externalRef, ArDocumentType type) {
        return acumatica.findFirst(AcumaticaEntity.SALES_INVOICE.wireName(), ODataFilter.and(
                ODataFilter.eq(EXTERNAL_REF, externalRef), ODataFilter.eq("Type", type.wireName())), InvoiceRef.class);
    }

    /** Creates a sales invoice, debit memo or credit memo (insert-only), unreleased. */
    public InvoiceRef createSalesInvoice(AcuSalesInvoice body) {
        return acumatica.create(AcumaticaEntity.SALES_INVOICE.wireName(), body, InvoiceRef.class);
    }

    /** Releases a sales invoice, debit memo or credit memo and waits until Acumatica reports it done. */
    public void releaseSalesInvoice(String id) {
        invoke(AcumaticaAction.RELEASE_SALES_INVOICE, id);
    }

    /** An invoice or debit memo by its number, with what was applied to it ({@code ApplicationsInvoice}). */
    public Optional<InvoiceApplications> invoiceApplications(ArDocumentType type, String referenceNbr) {
        return acumatica.findFirst(AcumaticaEntity.SALES_INVOICE.wireName(), byTypeAndNumber(type, referenceNbr),
                InvoiceApplications.class);
    }

    /** The payment or refund carrying a Chargebee id as its ExternalRef. */
    public Optional<PaymentView> findPayment(String externalRef) {
        return acumatica.findFirst(AcumaticaEntity.PAYMENT.wireName(), ODataFilter.eq(EXTERNAL_REF, externalRef),
                PaymentView.class);
    }

    /** Creates a payment or refund (insert-only) with its applications, unreleased. */
    public PaymentView createPayment(AcuPayment body) {
        return acumatica.create(AcumaticaEntity.PAYMENT.wireName(), body, PaymentView.class);
    }

    /** Releases a payment, refund or credit memo's applications and waits until Acumatica reports it done. */
    public void releasePayment(String id) {
        invoke(AcumaticaAction.RELEASE_PAYMENT, id);
    }

    /** Voids a released payment or refund (its applications are undone) and waits until Acumatica reports it done. */
    public void voidPayment(String id) {
        invoke(AcumaticaAction.VOID_PAYMENT, id);
    }

    /** The payment or refund carrying a Chargebee id as its ExternalRef, with its released and pending applications. */
    public Optional<PaymentApplications> paymentApplications(String externalRef) {
        return acumatica.findFirst(AcumaticaEntity.PAYMENT.wireName(), ODataFilter.eq(EXTERNAL_REF, externalRef),
                PaymentApplications.class);
    }

    /**
     * A document's Payment view by its type and number (e.g. a credit memo opened for applying), with its released
     * and pending applications; empty while nothing was ever applied through it.
     */
    public Optional<PaymentApplications> paymentApplications(ArDocumentType type, String referenceNbr) {
        return acumatica.findFirst(AcumaticaEntity.PAYMENT.wireName(), byTypeAndNumber(type, referenceNbr),
                PaymentApplications.class);
    }

    /** Adds, corrects or removes unreleased applications of a Payment-view document named by its type and number. */
    public PaymentView updateApplications(AcuPaymentApplicationsUpdate update) {
        return acumatica.update(AcumaticaEntity.PAYMENT.wireName(), update, PaymentView.class);
    }

    /** The journal transaction with this description (a summary journal's natural key). */
    public Optional<JournalView> findJournal(String description) {
        return acumatica.findFirst(AcumaticaEntity.JOURNAL_TRANSACTION.wireName(), byDescription(description),
                JournalView.class);
    }

    /** The journal transaction with this description, with its lines' accounts and debits. */
    public Optional<JournalAmounts> journalAmounts(String description) {
        return acumatica.findFirst(AcumaticaEntity.JOURNAL_TRANSACTION.wireName(), byDescription(description),
                JournalAmounts.class);
    }

    /** Creates a journal transaction (insert-only), unreleased. */
    public JournalView createJournal(AcuJournalTransaction body) {
        return acumatica.create(AcumaticaEntity.JOURNAL_TRANSACTION.wireName(), body, JournalView.class);
    }

    /** Releases a journal transaction and waits until Acumatica reports it done. */
    public void releaseJournal(String id) {
        invoke(AcumaticaAction.RELEASE_JOURNAL_TRANSACTION, id);
    }

    private void invoke(AcumaticaAction action, String id) {
        acumatica.invoke(action.entity().wireName(), action.wireName(), new EntityKeys(id));
    }

    private static String byTypeAndNumber(ArDocumentType type, String referenceNbr) {
        return ODataFilter.and(ODataFilter.eq("Type", type.wireName()), ODataFilter.eq("ReferenceNbr", referenceNbr));
    }

    private static String byDescription(String description) {
        return ODataFilter.eq("Description", description);
    }
}
