package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.AcumaticaValueCodec;
import io.mlconnector.acumatica.ODataFilter;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.CustomerRef;
import io.mlconnector.acumatica.dto.EntityKeys;
import io.mlconnector.acumatica.dto.InvoiceRef;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.PaymentView;
import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Puts documents into Acumatica exactly once. Acumatica has no idempotency key, so every attempt first looks the
 * document up by its natural key (the Chargebee id stamped on it) and creates only when nothing is there; a retry
 * after a lost response therefore finds the document instead of creating a second one.
 */
@ApplicationScoped
public class AcumaticaDocuments {
    static final String CUSTOMER = "Customer";
    static final String SALES_INVOICE = "SalesInvoice";
    static final String RELEASE_SALES_INVOICE = "ReleaseSalesInvoice";
    static final String PAYMENT = "Payment";
    static final String RELEASE_PAYMENT = "ReleasePayment";
    static final String VOID_PAYMENT = "VoidPayment";

    private final AcumaticaClient acumatica;
    private final LedgerStore ledger;
    private final Clock clock;
    private final ObjectMapper json;
    private final AcumaticaValueCodec codec = new AcumaticaValueCodec();

    public AcumaticaDocuments(AcumaticaClient acumatica, LedgerStore ledger, Clock clock, ObjectMapper json) {
        this.acumatica = acumatica;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
    }

    /** The customer exists in Acumatica (created if needed); an existing one is left as it is. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureCustomer(String chargebeeId, AcuCustomer body) {
        Optional<LedgerEntry> known = ledger.find("customer", chargebeeId);
        if (known.isPresent()) {
            return new PostedDocument(CUSTOMER, known.get().acumaticaKey(), known.get().acumaticaId(), null, null, false);
        }
        return findCustomer(body.customerID())
                .map(found -> remember("customer", chargebeeId, CUSTOMER, found.customerID(), found.id(), "Active",
                        null, null, false))
                .orElseGet(() -> createCustomer(chargebeeId, body));
    }

    /** The Acumatica CustomerID of a Chargebee customer the connector already put there, without any remote call. */
    public Optional<String> knownCustomerId(String chargebeeId) {
        return ledger.find("customer", chargebeeId).map(LedgerEntry::acumaticaKey);
    }

    /** The customer exists and carries the latest Chargebee data. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument upsertCustomer(String chargebeeId, AcuCustomer body) {
        Optional<CustomerRef> existing = findCustomer(body.customerID());
        if (existing.isEmpty()) {
            return createCustomer(chargebeeId, body);
        }
        CustomerRef updated = acumatica.update(CUSTOMER, body, CustomerRef.class);
        return remember("customer", chargebeeId, CUSTOMER, updated.customerID(), updated.id(), "Active",
                codec.encode(body).toString(), toJson(updated), false);
    }

    /** The invoice exists in Acumatica and is released; found by {@code ExternalRef} before anything is created. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedInvoice(String chargebeeId, AcuSalesInvoice body) {
        Optional<LedgerEntry> known = ledger.find("invoice", chargebeeId);
        if (known.isPresent() && "Released".equals(known.get().status())) {
            return new PostedDocument(SALES_INVOICE, known.get().acumaticaKey(), known.get().acumaticaId(), null,
                    null, false);
        }
        String sent = null;
        boolean createdNow = false;
        InvoiceRef invoice = acumatica.findFirst(SALES_INVOICE, ODataFilter.and(ODataFilter.eq("ExternalRef",
                chargebeeId), ODataFilter.eq("Type", body.type())), InvoiceRef.class).orElse(null);
        if (invoice == null) {
            sent = codec.encode(body).toString();
            invoice = acumatica.create(SALES_INVOICE, body, InvoiceRef.class);
            createdNow = true;
        }
        String key = invoice.type() + "/" + invoice.referenceNbr();
        // Remember the document before releasing, so a failed release is retried against this document.
        remember("invoice", chargebeeId, SALES_INVOICE, key, invoice.id(), "Created", sent, toJson(invoice), createdNow);
        if (!invoice.isReleased()) {
            acumatica.invoke(SALES_INVOICE, RELEASE_SALES_INVOICE, new EntityKeys(invoice.id()));
        }
        return remember("invoice", chargebeeId, SALES_INVOICE, key, invoice.id(), "Released", sent,
                toJson(invoice), createdNow);
    }

    /**
     * The credit memo exists in Acumatica and is released (which applies it to the invoices in its applications);
     * found by {@code ExternalRef} and type before anything is created.
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedCreditMemo(String chargebeeId, AcuSalesInvoice body) {
        Optional<LedgerEntry> known = ledger.find("credit_note", chargebeeId);
        if (known.isPresent() && "Released".equals(known.get().status())) {
            return new PostedDocument(SALES_INVOICE, known.get().acumaticaKey(), known.get().acumaticaId(), null,
                    null, false);
        }
        String sent = null;
        boolean createdNow = false;
        InvoiceRef memo = acumatica.findFirst(SALES_INVOICE, ODataFilter.and(ODataFilter.eq("ExternalRef", chargebeeId),
                ODataFilter.eq("Type", body.type())), InvoiceRef.class).orElse(null);
        if (memo == null) {
            sent = codec.encode(body).toString();
            memo = acumatica.create(SALES_INVOICE, body, InvoiceRef.class);
            createdNow = true;
        }
        String key = memo.type() + "/" + memo.referenceNbr();
        remember("credit_note", chargebeeId, SALES_INVOICE, key, memo.id(), "Created", sent, toJson(memo), createdNow);
        if (!memo.isReleased()) {
            acumatica.invoke(SALES_INVOICE, RELEASE_SALES_INVOICE, new EntityKeys(memo.id()));
        }
        return remember("credit_note", chargebeeId, SALES_INVOICE, key, memo.id(), "Released", sent, toJson(memo),
                createdNow);
    }

    /** The payment or refund exists in Acumatica, applied and released; found by {@code ExternalRef} first. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedPayment(String chargebeeId, AcuPayment body) {
        Optional<LedgerEntry> known = ledger.find("transaction", chargebeeId);
        if (known.isPresent() && "Released".equals(known.get().status())) {
            return new PostedDocument(PAYMENT, known.get().acumaticaKey(), known.get().acumaticaId(), null, null,
                    false);
        }
        String sent = null;
        boolean createdNow = false;
        PaymentView payment = acumatica.findFirst(PAYMENT, ODataFilter.eq("ExternalRef", chargebeeId),
                PaymentView.class).orElse(null);
        if (payment == null) {
            sent = codec.encode(body).toString();
            payment = acumatica.create(PAYMENT, body, PaymentView.class);
            createdNow = true;
        }
        String key = payment.type() + "/" + payment.referenceNbr();
        remember("transaction", chargebeeId, PAYMENT, key, payment.id(), "Created", sent, toJson(payment), createdNow);
        if (!payment.isReleased()) {
            acumatica.invoke(PAYMENT, RELEASE_PAYMENT, new EntityKeys(payment.id()));
        }
        return remember("transaction", chargebeeId, PAYMENT, key, payment.id(), "Released", sent, toJson(payment),
                createdNow);
    }

    /**
     * Voids a posted payment (its applications are undone, the invoices it paid reopen). Looked up first, so a void
     * whose answer was lost is not tried twice.
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument voidPayment(String chargebeeId) {
        PaymentView payment = acumatica.findFirst(PAYMENT, ODataFilter.eq("ExternalRef", chargebeeId), PaymentView.class)
                .orElseThrow(() -> new IllegalStateException("payment " + chargebeeId + " is not in Acumatica"));
        String key = payment.type() + "/" + payment.referenceNbr();
        if (!"Voided".equals(payment.status())) {
            acumatica.invoke(PAYMENT, VOID_PAYMENT, new EntityKeys(payment.id()));
        }
        return remember("transaction", chargebeeId, PAYMENT, key, payment.id(), "Voided", null, toJson(payment), false);
    }

    /** Whether the ledger says this Chargebee payment was voided in Acumatica. */
    public boolean isVoided(String chargebeeId) {
        return ledger.find("transaction", chargebeeId).map(entry -> "Voided".equals(entry.status())).orElse(false);
    }

    /** The Acumatica key ("Type/ReferenceNbr") of a Chargebee document the ledger says is released. */
    public Optional<String> releasedKey(String chargebeeType, String chargebeeId) {
        return ledger.find(chargebeeType, chargebeeId).filter(entry -> "Released".equals(entry.status()))
                .map(LedgerEntry::acumaticaKey);
    }

    private PostedDocument createCustomer(String chargebeeId, AcuCustomer body) {
        String sent = codec.encode(body).toString();
        CustomerRef created;
        try {
            created = acumatica.create(CUSTOMER, body, CustomerRef.class);
        } catch (AcumaticaException.PreconditionFailed existsAlready) {
            // Created by a concurrent or earlier attempt whose answer we never saw: it is there, which is the goal.
            created = findCustomer(body.customerID()).orElseThrow(() -> existsAlready);
        }
        return remember("customer", chargebeeId, CUSTOMER, created.customerID(), created.id(), "Active", sent,
                toJson(created), true);
    }

    private Optional<CustomerRef> findCustomer(String customerId) {
        return acumatica.findFirst(CUSTOMER, ODataFilter.eq("CustomerID", customerId), CustomerRef.class);
    }

    private PostedDocument remember(String chargebeeType, String chargebeeId, String entity, String key, String id,
                                    String status, String sent, String answer, boolean createdNow) {
        ledger.record(new LedgerEntry(chargebeeType, chargebeeId, entity, id, key, status, clock.instant()));
        return new PostedDocument(entity, key, id, sent, answer, createdNow);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            return null;
        }
    }
}
