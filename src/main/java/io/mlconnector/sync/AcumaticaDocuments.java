package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.AcumaticaDocumentGateway;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.AcumaticaValueCodec;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.CustomerStatus;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplication;
import io.mlconnector.acumatica.dto.AcuPaymentApplicationsUpdate;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.CustomerRef;
import io.mlconnector.acumatica.dto.InvoiceApplications;
import io.mlconnector.acumatica.dto.JournalAmounts;
import io.mlconnector.acumatica.dto.PaymentApplications;
import io.mlconnector.acumatica.dto.PaymentView;
import io.mlconnector.acumatica.dto.ReleasableDocument;
import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStatus;
import io.mlconnector.store.LedgerStore;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Puts documents into Acumatica exactly once. Acumatica has no idempotency key, so the ledger records the intent
 * ({@code Creating}) before the first create; a later attempt sees it and looks the document up by its natural key
 * (the Chargebee id stamped on it) before creating, so a retry after a lost response finds the document instead of
 * creating a second one, and a first attempt spends no call on a lookup that cannot find anything. Every Acumatica
 * request goes through {@link AcumaticaDocumentGateway}; this class decides which ones, in what order, under which
 * lease and with what written to the ledger.
 */
@ApplicationScoped
public class AcumaticaDocuments {
    /** The ledger's entity of an invoice or memo ({@link AcumaticaEntity#SALES_INVOICE}'s wire name). */
    static final String SALES_INVOICE = AcumaticaEntity.SALES_INVOICE.wireName();
    /** The ledger's entity of a payment or refund ({@link AcumaticaEntity#PAYMENT}'s wire name). */
    static final String PAYMENT = AcumaticaEntity.PAYMENT.wireName();
    private static final String CUSTOMER = AcumaticaEntity.CUSTOMER.wireName();
    private static final String JOURNAL_TRANSACTION = AcumaticaEntity.JOURNAL_TRANSACTION.wireName();
    /** The ledger's Acumatica key of a document whose create was started but never answered. */
    static final String NO_KEY_YET = "-";

    private final AcumaticaDocumentGateway acumatica;
    private final LedgerStore ledger;
    private final Clock clock;
    private final ObjectMapper json;
    private final DocumentLock lock;
    private final AcumaticaValueCodec codec = new AcumaticaValueCodec();

    public AcumaticaDocuments(AcumaticaDocumentGateway acumatica, LedgerStore ledger, Clock clock, ObjectMapper json,
                              DocumentLock lock) {
        this.acumatica = acumatica;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
        this.lock = lock;
    }

    /** The customer exists in Acumatica (created if needed); an existing one is left as it is. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureCustomer(String chargebeeId, AcuCustomer body) {
        return lock.exclusively("customer:" + chargebeeId, () -> ensureCustomerExclusively(chargebeeId, body));
    }

    private PostedDocument ensureCustomerExclusively(String chargebeeId, AcuCustomer body) {
        Optional<LedgerEntry> known = ledger.find("customer", chargebeeId);
        if (known.isPresent()) {
            return new PostedDocument(CUSTOMER, known.get().acumaticaKey(), known.get().acumaticaId(), null, null, false);
        }
        // No lookup first: the create is insert-only on a key of our own, so "exists" comes back as a 412, and only
        // then is the customer read (and proved ours by its AccountRef).
        return createCustomer(chargebeeId, body, null);
    }

    /** The Acumatica key the ledger holds for a document that is in Acumatica (a customer, or released). */
    public Optional<String> ledgerKey(DocumentRef ref) {
        return ref.kind() == DocumentKind.CUSTOMER ? knownCustomerId(ref.id())
                : releasedKey(ref.kind().resourceType(), ref.id());
    }

    /** The Acumatica CustomerID of a Chargebee customer the connector already put there, without any remote call. */
    public Optional<String> knownCustomerId(String chargebeeId) {
        return ledger.find("customer", chargebeeId).map(LedgerEntry::acumaticaKey);
    }

    /**
     * The customer exists and carries the latest Chargebee data. A record older than the one posted last (its
     * {@code resource_version}, when Chargebee gives one) changes nothing: a stale change never overwrites newer data.
     *
     * @return the customer as posted, or empty when a newer version of it was posted already
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Optional<PostedDocument> upsertCustomer(String chargebeeId, AcuCustomer body, Long sourceVersion) {
        return lock.exclusively("customer:" + chargebeeId,
                () -> upsertCustomerExclusively(chargebeeId, body, sourceVersion));
    }

    private Optional<PostedDocument> upsertCustomerExclusively(String chargebeeId, AcuCustomer body,
                                                               Long sourceVersion) {
        Optional<LedgerEntry> entry = ledger.find("customer", chargebeeId);
        if (isNewer(entry.map(LedgerEntry::sourceVersion).orElse(null), sourceVersion)) {
            return Optional.empty();
        }
        // The CustomerID the connector gave this customer before wins over today's rule (a changed id strategy).
        Optional<String> known = entry.map(LedgerEntry::acumaticaKey);
        AcuCustomer keyed = known.map(body::withCustomerID).orElse(body);
        if (known.isEmpty()) {
            Inserted inserted = insertOrFindOurs(chargebeeId, keyed);
            if (inserted.createdNow()) {
                return Optional.of(recordCreated(chargebeeId, keyed, inserted.customer(), sourceVersion));
            }
        }
        // Ours (the ledger says so, or its AccountRef proved it): update in place, one call; a customer deleted in
        // Acumatica since answers 412 to the update-only PUT and is created again.
        CustomerRef updated;
        try {
            updated = acumatica.updateCustomer(keyed);
        } catch (AcumaticaException.PreconditionFailed gone) {
            return Optional.of(recordCreated(chargebeeId, keyed, insertOrFindOurs(chargebeeId, keyed).customer(),
                    sourceVersion));
        }
        LedgerStatus status = CustomerStatus.INACTIVE.is(keyed.status()) ? LedgerStatus.INACTIVE : LedgerStatus.ACTIVE;
        ledger.record(new LedgerEntry("customer", chargebeeId, CUSTOMER, updated.id(), updated.customerID(), status,
                clock.instant(), sourceVersion));
        return Optional.of(new PostedDocument(CUSTOMER, updated.customerID(), updated.id(),
                codec.encode(keyed).toString(), toJson(updated), false));
    }

    private static boolean isNewer(Long stored, Long incoming) {
        return stored != null && incoming != null && stored > incoming;
    }

    /**
     * A tombstone for a Chargebee document voided, failed or deleted before it ever reached Acumatica: recorded only
     * when the ledger knows nothing of it, so no later (stale) event can post it.
     *
     * @return true when the tombstone is there (now or from before); false when the document was posted or is being
     *         posted, so it needs reversing instead
     */
    public boolean neverPosted(String chargebeeType, String chargebeeId, String entity) {
        return lock.exclusively(chargebeeType + ":" + chargebeeId, () -> {
            Optional<LedgerEntry> entry = ledger.find(chargebeeType, chargebeeId);
            if (entry.isPresent() && entry.get().status() != LedgerStatus.CREATING) {
                return entry.get().status().isTombstone();
            }
            if (entry.isPresent() && isInAcumatica(chargebeeType, chargebeeId)) {
                return false; // only an intent in the ledger, but the create did commit: it needs reversing
            }
            // Nothing, or an intent whose create never reached Acumatica: it never posted, and now never will.
            ledger.record(new LedgerEntry(chargebeeType, chargebeeId, entity, null, "-", LedgerStatus.NEVER_POSTED,
                    clock.instant()));
            return true;
        });
    }

    /** Whether Acumatica has the document, found by the Chargebee id on it (its natural key). */
    private boolean isInAcumatica(String chargebeeType, String chargebeeId) {
        return switch (chargebeeType) {
            case "invoice" -> acumatica.findSalesInvoice(chargebeeId, ArDocumentType.INVOICE).isPresent();
            case "credit_note" -> acumatica.findSalesInvoice(chargebeeId, ArDocumentType.CREDIT_MEMO).isPresent();
            case "transaction" -> acumatica.findPayment(chargebeeId).isPresent();
            default -> true; // unknown here: never tombstoned on a guess
        };
    }

    /**
     * Whether this document never posts: Chargebee voided, failed or deleted it before it ever posted, or an operator
     * skipped it (its tombstone).
     */
    public boolean isNeverPosted(String chargebeeType, String chargebeeId) {
        return ledger.find(chargebeeType, chargebeeId).map(entry -> entry.status().isTombstone()).orElse(false);
    }

    /** Whether an operator skipped this document, so it never posts. */
    public boolean isSkipped(String chargebeeType, String chargebeeId) {
        return ledger.find(chargebeeType, chargebeeId).map(entry -> entry.status() == LedgerStatus.SKIPPED)
                .orElse(false);
    }

    /** What {@link #skip} did. */
    public enum SkipAnswer {
        /** The skip tombstone is recorded now. */
        SKIPPED,
        /** It was skipped, or voided in Chargebee before it posted, already: it never posts. */
        ALREADY,
        /** It is in Acumatica (the ledger says so, or an attempt did commit): skipping cannot undo that. */
        IN_ACUMATICA
    }

    /**
     * Records that an operator decided this document never posts: the tombstone NEVER_POSTED documents have, labelled
     * SKIPPED, under the document's lease so no worker is posting it meanwhile. Refused for a document in Acumatica;
     * an intent whose create never committed (a held document's usual state: Acumatica refused the create) is not.
     */
    public SkipAnswer skip(String chargebeeType, String chargebeeId) {
        if ("customer".equals(chargebeeType)) {
            // Customers are created whenever a document needs one; skip the documents instead.
            throw new IllegalArgumentException("a customer cannot be skipped");
        }
        String entity = "transaction".equals(chargebeeType) ? PAYMENT : SALES_INVOICE;
        return lock.exclusively(chargebeeType + ":" + chargebeeId, () -> {
            Optional<LedgerEntry> entry = ledger.find(chargebeeType, chargebeeId);
            if (entry.isPresent() && entry.get().status().isTombstone()) {
                return SkipAnswer.ALREADY;
            }
            if (entry.isPresent() && (entry.get().status() != LedgerStatus.CREATING
                    || isInAcumatica(chargebeeType, chargebeeId))) {
                return SkipAnswer.IN_ACUMATICA;
            }
            boolean recorded = ledger.record(new LedgerEntry(chargebeeType, chargebeeId, entity, null, NO_KEY_YET,
                    LedgerStatus.SKIPPED, clock.instant()));
            return recorded ? SkipAnswer.SKIPPED : SkipAnswer.IN_ACUMATICA;
        });
    }

    /**
     * An Acumatica customer found by CustomerID is this Chargebee customer only if its {@code AccountRef} says so:
     * otherwise (someone else's customer with the same id, a hashed id that collided) nothing is posted to it, and
     * the document is held with what to do.
     */
    private CustomerRef ours(CustomerRef found, String chargebeeId) {
        if (chargebeeId.equals(found.accountRef())) {
            return found;
        }
        throw new MissingReference("Acumatica customer " + found.customerID() + " already exists with AccountRef '"
                + (found.accountRef() == null ? "" : found.accountRef()) + "', not Chargebee customer " + chargebeeId
                + ": the connector does not take over a customer it cannot prove is this one. Set that customer's"
                + " AccountRef to " + chargebeeId + " if it is the same customer, or change customers.id_strategy,"
                + " then replay the DLQ");
    }

    /**
     * A customer Chargebee no longer has (deleted, so retrieve answers 404) is made inactive if the connector put it in
     * Acumatica: found by the ledger, or by its CustomerID when that record's {@code AccountRef} is this Chargebee id.
     * Nothing is created for it, and a customer someone else owns is left alone.
     *
     * @return the customer made inactive, or empty when Acumatica has none of ours
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Optional<PostedDocument> deactivateCustomer(String chargebeeId, String expectedCustomerId,
                                                       Long sourceVersion) {
        return lock.exclusively("customer:" + chargebeeId,
                () -> deactivateCustomerExclusively(chargebeeId, expectedCustomerId, sourceVersion));
    }

    private Optional<PostedDocument> deactivateCustomerExclusively(String chargebeeId, String expectedCustomerId,
                                                                   Long sourceVersion) {
        Optional<LedgerEntry> entry = ledger.find("customer", chargebeeId);
        if (isNewer(entry.map(LedgerEntry::sourceVersion).orElse(null), sourceVersion)) {
            return Optional.empty(); // a newer version of it was posted: the older deletion changes nothing
        }
        Optional<String> known = entry.map(LedgerEntry::acumaticaKey);
        Optional<CustomerRef> existing = acumatica.findCustomer(known.orElse(expectedCustomerId))
                .filter(found -> known.isPresent() || chargebeeId.equals(found.accountRef()));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        AcuCustomer inactive = new AcuCustomer(existing.get().customerID(), null, null, null, null, null, null,
                CustomerStatus.INACTIVE.wireName(), null);
        CustomerRef updated = acumatica.updateCustomer(inactive);
        ledger.record(new LedgerEntry("customer", chargebeeId, CUSTOMER, updated.id(), updated.customerID(),
                LedgerStatus.INACTIVE, clock.instant(), sourceVersion));
        return Optional.of(new PostedDocument(CUSTOMER, updated.customerID(), updated.id(),
                codec.encode(inactive).toString(), toJson(updated), false));
    }

    /** The invoice exists in Acumatica and is released; found by {@code ExternalRef} before anything is created. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedInvoice(String chargebeeId, AcuSalesInvoice body) {
        return ensureReleased("invoice", chargebeeId, body, salesInvoice(chargebeeId, body));
    }

    /**
     * The credit memo exists in Acumatica and is released (which applies it to the invoices in its applications);
     * found by {@code ExternalRef} and type before anything is created.
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedCreditMemo(String chargebeeId, AcuSalesInvoice body) {
        return ensureReleased("credit_note", chargebeeId, body, salesInvoice(chargebeeId, body));
    }

    /** The payment or refund exists in Acumatica, applied and released; found by {@code ExternalRef} first. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedPayment(String chargebeeId, AcuPayment body) {
        return ensureReleased("transaction", chargebeeId, body, new Remote<>(PAYMENT,
                () -> acumatica.findPayment(chargebeeId), () -> acumatica.createPayment(body),
                acumatica::releasePayment));
    }

    /** A summary journal exists in Acumatica and is released; its description is its natural key. */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument ensureReleasedJournal(AcuJournalTransaction body) {
        return ensureReleased("journal", body.description(), body, new Remote<>(JOURNAL_TRANSACTION,
                () -> acumatica.findJournal(body.description()), () -> acumatica.createJournal(body),
                acumatica::releaseJournal));
    }

    /** A sales invoice, debit memo or credit memo: found by its Chargebee id and its type. */
    private Remote<?> salesInvoice(String chargebeeId, AcuSalesInvoice body) {
        ArDocumentType type = ArDocumentType.fromWire(body.type()).orElseThrow(() -> new IllegalArgumentException(
                "'" + body.type() + "' is not an Acumatica AR document type"));
        return new Remote<>(SALES_INVOICE, () -> acumatica.findSalesInvoice(chargebeeId, type),
                () -> acumatica.createSalesInvoice(body), acumatica::releaseSalesInvoice);
    }

    /**
     * How one kind of document is found by its natural key, created and released in Acumatica.
     *
     * @param entity the entity the ledger records it under
     */
    private record Remote<T extends ReleasableDocument>(String entity, Supplier<Optional<T>> lookUp,
                                                        Supplier<T> create, Consumer<String> release) {}

    /**
     * The recipe every AR document follows: the ledger says it is released → done. The ledger knows nothing → record
     * the intent ({@code Creating}) and create, with no lookup: nothing can be in Acumatica for a document no attempt
     * ever started. The ledger says creating or created → an earlier attempt may have committed without its answer
     * reaching us, so only then look it up by its natural key, and create only when nothing is there. Remember it
     * created before releasing, so a failed release is retried against this document; release; remember it released.
     */
    private PostedDocument ensureReleased(String chargebeeType, String chargebeeId, Record body, Remote<?> remote) {
        return lock.exclusively(chargebeeType + ":" + chargebeeId, () -> ensureReleasedExclusively(chargebeeType,
                chargebeeId, body, remote));
    }

    private <T extends ReleasableDocument> PostedDocument ensureReleasedExclusively(
            String chargebeeType, String chargebeeId, Record body, Remote<T> remote) {
        String entity = remote.entity();
        Optional<LedgerEntry> known = ledger.find(chargebeeType, chargebeeId);
        if (known.isPresent() && known.get().status().isTombstone()) {
            throw new TombstonedDocument(chargebeeType, chargebeeId, known.get().status());
        }
        if (known.isPresent() && known.get().status().rank() >= LedgerStatus.RELEASED.rank()) {
            // Released, or released and voided since: it is in Acumatica, nothing to create or release.
            return new PostedDocument(entity, known.get().acumaticaKey(), known.get().acumaticaId(), null, null, false);
        }
        // A refused intent means another writer got further since the read (a lease that ran out): look it up.
        boolean firstAttempt = known.isEmpty() && ledger.record(new LedgerEntry(chargebeeType, chargebeeId, entity,
                null, NO_KEY_YET, LedgerStatus.CREATING, clock.instant()));
        Optional<LedgerStatus> tombstone = known.isEmpty() && !firstAttempt ? ledger.find(chargebeeType, chargebeeId)
                .map(LedgerEntry::status).filter(LedgerStatus::isTombstone) : Optional.empty();
        if (tombstone.isPresent()) {
            throw new TombstonedDocument(chargebeeType, chargebeeId, tombstone.get());
        }
        String sent = null;
        boolean createdNow = false;
        T document = firstAttempt ? null : remote.lookUp().get().orElse(null);
        if (document == null) {
            sent = codec.encode(body).toString();
            document = remote.create().get();
            createdNow = true;
        }
        String key = document.type() + "/" + document.referenceNbr();
        remember(chargebeeType, chargebeeId, entity, key, document.id(), LedgerStatus.CREATED, sent, toJson(document),
                createdNow);
        if (!document.isReleased()) {
            remote.release().accept(document.id());
        }
        return remember(chargebeeType, chargebeeId, entity, key, document.id(), LedgerStatus.RELEASED, sent,
                toJson(document), createdNow);
    }

    /**
     * Voids a posted payment (its applications are undone, the invoices it paid reopen). Looked up first, so a void
     * whose answer was lost is not tried twice.
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public PostedDocument voidPayment(String chargebeeId) {
        return lock.exclusively("transaction:" + chargebeeId, () -> voidPaymentExclusively(chargebeeId));
    }

    private PostedDocument voidPaymentExclusively(String chargebeeId) {
        Optional<PaymentView> found = acumatica.findPayment(chargebeeId);
        Optional<LedgerEntry> entry = ledger.find("transaction", chargebeeId);
        if (found.isEmpty() && entry.map(e -> e.status() == LedgerStatus.CREATING).orElse(false)) {
            // Only an intent: the create never committed. The payment never posted, and now never will.
            ledger.record(new LedgerEntry("transaction", chargebeeId, PAYMENT, null, NO_KEY_YET,
                    LedgerStatus.NEVER_POSTED, clock.instant()));
            throw new TombstonedDocument("transaction", chargebeeId);
        }
        PaymentView payment = found.orElseThrow(() -> new MissingReference("payment " + chargebeeId
                + " is not in Acumatica"));
        String key = payment.type() + "/" + payment.referenceNbr();
        if (!ArDocumentStatus.VOIDED.is(payment.status())) {
            acumatica.voidPayment(payment.id());
        }
        return remember("transaction", chargebeeId, PAYMENT, key, payment.id(), LedgerStatus.VOIDED, null,
                toJson(payment), false);
    }

    /**
     * Applies what a payment posted earlier does not apply yet: Chargebee later used its unapplied (excess) amount for
     * another invoice. Compares the applications the body asks for with Acumatica's: released ones count as done, and
     * unreleased ones (an earlier attempt that stopped between its update and its release) are corrected by their id
     * rather than added again, so a repeated or resumed call applies nothing twice. When the unreleased lines already
     * say exactly what is missing, only the release is sent.
     *
     * @return the payment, when something new was applied
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Optional<PostedDocument> applyNewApplications(String chargebeeId, AcuPayment body) {
        if (body.documentsToApply() == null || body.documentsToApply().isEmpty()) {
            return Optional.empty();
        }
        return lock.exclusively("transaction:" + chargebeeId, () -> applyNewApplicationsExclusively(chargebeeId, body));
    }

    private Optional<PostedDocument> applyNewApplicationsExclusively(String chargebeeId, AcuPayment body) {
        PaymentApplications current = acumatica.paymentApplications(chargebeeId).orElse(null);
        if (current == null || !ArDocumentStatus.OPEN.is(current.status())) {
            return Optional.empty(); // not there yet, fully applied, or voided
        }
        Map<String, BigDecimal> applied = new HashMap<>();
        for (PaymentApplications.Applied line : current.released()) {
            applied.merge(documentKey(line.adjustedDocType(), line.adjustedRefNbr()), amount(line.amountPaid()),
                    BigDecimal::add);
        }
        Map<String, BigDecimal> missing = new LinkedHashMap<>();
        for (AcuPaymentApplication wanted : body.documentsToApply()) {
            String document = documentKey(wanted.docType(), wanted.referenceNbr());
            missing.merge(document, wanted.amountPaid().subtract(applied.getOrDefault(document, BigDecimal.ZERO))
                    .max(BigDecimal.ZERO), BigDecimal::add);
        }
        // Unreleased lines for documents no longer wanted are missing nothing: they are removed, never released.
        current.pending().forEach(line -> missing.putIfAbsent(documentKey(line.docType(), line.referenceNbr()),
                BigDecimal.ZERO));
        Optional<Reconciled> plan = reconcile(current.pending(), missing);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        String sent = null;
        String id = current.id();
        String answer = null;
        if (!plan.get().changes().isEmpty()) {
            AcuPaymentApplicationsUpdate update = new AcuPaymentApplicationsUpdate(current.type(),
                    current.referenceNbr(), plan.get().changes());
            sent = codec.encode(update).toString();
            PaymentView updated = acumatica.updateApplications(update);
            id = updated.id();
            answer = toJson(updated);
        }
        if (!plan.get().release()) {
            return Optional.empty(); // a leftover line removed; nothing is missing
        }
        acumatica.releasePayment(id);
        return Optional.of(remember("transaction", chargebeeId, PAYMENT, current.type() + "/" + current.referenceNbr(),
                id, LedgerStatus.RELEASED, sent, answer, false));
    }

    /**
     * What to send so that a document's unreleased applications say exactly what is missing: the lines to add,
     * correct (by id) or remove, and whether a release is then due (something is left to apply).
     */
    private record Reconciled(List<AcuPaymentApplication> changes, boolean release) {}

    /**
     * @param missing per adjusted document ("Type/ReferenceNbr"), what is still to be applied to it (zero: nothing)
     * @return empty when nothing is missing and nothing unreleased is left over
     */
    private static Optional<Reconciled> reconcile(List<PaymentApplications.Pending> pending,
                                                  Map<String, BigDecimal> missing) {
        List<AcuPaymentApplication> changes = new ArrayList<>();
        boolean release = false;
        for (Map.Entry<String, BigDecimal> document : missing.entrySet()) {
            List<PaymentApplications.Pending> lines = pending.stream()
                    .filter(line -> documentKey(line.docType(), line.referenceNbr()).equals(document.getKey()))
                    .toList();
            BigDecimal wanted = document.getValue();
            boolean exact = lines.size() == 1 && amount(lines.get(0).amountPaid()).compareTo(wanted) == 0;
            if (wanted.signum() > 0) {
                release = true;
            }
            if (exact) {
                continue; // an earlier attempt's line says just this: only the release is missing
            }
            String[] typeAndNbr = document.getKey().split("/", 2);
            if (wanted.signum() > 0) {
                changes.add(lines.isEmpty() ? new AcuPaymentApplication(typeAndNbr[0], typeAndNbr[1], wanted)
                        : AcuPaymentApplication.change(lines.get(0).id(), typeAndNbr[0], typeAndNbr[1], wanted));
            }
            lines.stream().skip(wanted.signum() > 0 ? 1 : 0)
                    .forEach(line -> changes.add(AcuPaymentApplication.remove(line.id())));
        }
        return changes.isEmpty() && !release ? Optional.empty() : Optional.of(new Reconciled(changes, release));
    }

    private static String documentKey(String docType, String referenceNbr) {
        return docType + "/" + referenceNbr;
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /**
     * Applies a released credit memo to an invoice up to {@code wanted}: what Chargebee applied, for example refundable
     * credits it used for a later invoice. The invoice's own applications ({@code ApplicationsInvoice}) say what this
     * memo already paid there, and the memo's unreleased applications (an earlier attempt that stopped between its
     * update and its release) are corrected by id rather than added again; so only the difference is applied (through
     * {@code Payment} with Type Credit Memo, then a release) and a repeated or resumed call applies nothing twice.
     *
     * @return true when something was applied
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public boolean applyCreditMemo(String memoNbr, String invoiceNbr, BigDecimal wanted) {
        // One writer per credit memo: two workers reading its applications and adding the same one would apply twice.
        return lock.exclusively("credit_memo_applications:" + memoNbr,
                () -> applyCreditMemoExclusively(memoNbr, invoiceNbr, wanted));
    }

    private boolean applyCreditMemoExclusively(String memoNbr, String invoiceNbr, BigDecimal wanted) {
        InvoiceApplications invoice = acumatica.invoiceApplications(ArDocumentType.INVOICE, invoiceNbr)
                .orElseThrow(() -> new MissingReference("invoice " + invoiceNbr + " is not in Acumatica"));
        BigDecimal applied = (invoice.applicationsInvoice() == null
                ? List.<InvoiceApplications.Applied>of() : invoice.applicationsInvoice()).stream()
                .filter(line -> ArDocumentType.CREDIT_MEMO.is(line.docType())
                        && memoNbr.equals(line.adjustingDocReferenceNbr()))
                .map(line -> amount(line.amountPaid()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = wanted.subtract(applied);
        if (invoice.balance() != null) {
            left = left.min(invoice.balance());
        }
        // The memo's Payment view exists once something was applied through it; only then can lines be pending.
        Optional<PaymentApplications> memo = acumatica.paymentApplications(ArDocumentType.CREDIT_MEMO, memoNbr);
        List<PaymentApplications.Pending> pending = memo.map(PaymentApplications::pending).orElse(List.of()).stream()
                .filter(line -> ArDocumentType.INVOICE.is(line.docType()) && invoiceNbr.equals(line.referenceNbr()))
                .toList();
        Optional<Reconciled> plan = reconcile(pending, Map.of(
                documentKey(ArDocumentType.INVOICE.wireName(), invoiceNbr), left.max(BigDecimal.ZERO)));
        if (plan.isEmpty()) {
            return false;
        }
        String id = memo.map(PaymentApplications::id).orElse(null);
        if (!plan.get().changes().isEmpty()) {
            id = acumatica.updateApplications(new AcuPaymentApplicationsUpdate(ArDocumentType.CREDIT_MEMO.wireName(),
                    memoNbr, plan.get().changes())).id();
        }
        if (!plan.get().release()) {
            return false; // a leftover line removed; nothing is missing
        }
        acumatica.releasePayment(id);
        return true;
    }

    /** Remembers that a reversal debit memo holds what a voided credit note had paid on this Chargebee invoice. */
    public void rememberReopened(String chargebeeInvoiceId, PostedDocument debitMemo) {
        ledger.record(new LedgerEntry("reopened_by", chargebeeInvoiceId, SALES_INVOICE, debitMemo.acumaticaId(),
                debitMemo.key(), LedgerStatus.RELEASED, clock.instant()));
    }

    /**
     * How much of a debit memo a payment may still pay: its amount less what documents other than that payment
     * applied to it. Counted from the memo's own {@code ApplicationsInvoice}, so the answer is the same however often
     * the payment is delivered.
     *
     * @param paymentNbr the payment's reference number when it is already in Acumatica, else empty
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public BigDecimal debitMemoRoom(String debitMemoNbr, Optional<String> paymentNbr) {
        InvoiceApplications memo = acumatica.invoiceApplications(ArDocumentType.DEBIT_MEMO, debitMemoNbr)
                .orElseThrow(() -> new MissingReference("debit memo " + debitMemoNbr + " is not in Acumatica"));
        BigDecimal byOthers = (memo.applicationsInvoice() == null ? List.<InvoiceApplications.Applied>of()
                : memo.applicationsInvoice()).stream()
                .filter(line -> paymentNbr.isEmpty() || !paymentNbr.get().equals(line.adjustingDocReferenceNbr()))
                .map(line -> line.amountPaid() == null ? BigDecimal.ZERO : line.amountPaid())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = memo.amount() == null ? BigDecimal.ZERO : memo.amount();
        return amount.subtract(byOthers).max(BigDecimal.ZERO);
    }

    /** What a released journal, found by its description, debits to one account (e.g. a provision's expense). */
    public BigDecimal journalDebit(String description, String account) {
        JournalAmounts journal = acumatica.journalAmounts(description)
                .orElseThrow(() -> new MissingReference("journal '" + description + "' is not in Acumatica"));
        return journal.details().stream().filter(line -> account.equals(line.account()))
                .map(JournalAmounts.Line::debitAmount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What a journal, found by its description, posted per account: debits less credits, exact (e.g. what a period's
     * summary journal and its adjustments already put on the ledger). Empty when no such journal is in Acumatica.
     */
    @Retry(maxRetries = 4, delay = 500, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            retryOn = AcumaticaException.Transient.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Optional<Map<String, BigDecimal>> journalNet(String description) {
        return acumatica.journalAmounts(description).map(journal -> {
            Map<String, BigDecimal> net = new TreeMap<>();
            for (JournalAmounts.Line line : journal.details() == null ? List.<JournalAmounts.Line>of()
                    : journal.details()) {
                BigDecimal debit = line.debitAmount() == null ? BigDecimal.ZERO : line.debitAmount();
                BigDecimal credit = line.creditAmount() == null ? BigDecimal.ZERO : line.creditAmount();
                net.merge(line.account(), debit.subtract(credit), BigDecimal::add);
            }
            return net;
        });
    }

    /** Whether the ledger says this Chargebee payment was voided in Acumatica. */
    public boolean isVoided(String chargebeeId) {
        return ledger.find("transaction", chargebeeId).map(entry -> entry.status() == LedgerStatus.VOIDED)
                .orElse(false);
    }

    /** The Acumatica key ("Type/ReferenceNbr") of a Chargebee document the ledger says is released. */
    public Optional<String> releasedKey(String chargebeeType, String chargebeeId) {
        return ledger.find(chargebeeType, chargebeeId).filter(entry -> entry.status() == LedgerStatus.RELEASED)
                .map(LedgerEntry::acumaticaKey);
    }

    private PostedDocument createCustomer(String chargebeeId, AcuCustomer body, Long sourceVersion) {
        return recordCreated(chargebeeId, body, insertOrFindOurs(chargebeeId, body).customer(), sourceVersion);
    }

    private PostedDocument recordCreated(String chargebeeId, AcuCustomer body, CustomerRef created,
                                         Long sourceVersion) {
        ledger.record(new LedgerEntry("customer", chargebeeId, CUSTOMER, created.id(), created.customerID(),
                LedgerStatus.ACTIVE, clock.instant(), sourceVersion));
        return new PostedDocument(CUSTOMER, created.customerID(), created.id(), codec.encode(body).toString(),
                toJson(created), true);
    }

    /** A customer the insert-only PUT created, or the one already there under that CustomerID if it is ours. */
    private record Inserted(CustomerRef customer, boolean createdNow) {}

    private Inserted insertOrFindOurs(String chargebeeId, AcuCustomer body) {
        try {
            return new Inserted(acumatica.createCustomer(body), true);
        } catch (AcumaticaException.PreconditionFailed existsAlready) {
            // Created by a concurrent or earlier attempt whose answer we never saw, or someone else's: read it.
            return new Inserted(acumatica.findCustomer(body.customerID()).map(found -> ours(found, chargebeeId))
                    .orElseThrow(() -> existsAlready), false);
        }
    }

    private PostedDocument remember(String chargebeeType, String chargebeeId, String entity, String key, String id,
                                    LedgerStatus status, String sent, String answer, boolean createdNow) {
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
