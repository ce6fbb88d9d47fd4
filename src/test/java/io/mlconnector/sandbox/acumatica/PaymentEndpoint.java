package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.AcumaticaAction;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Payment} (Payments and Applications, AR302000): list, get by {@code Type/ReferenceNbr} or id, PUT
 * create-or-update, and the actions {@code ReleasePayment} and {@code VoidPayment} ({@link PaymentActions}) with their
 * status URLs.
 *
 * <p>PUT matching is SalesInvoice's: {@code id}, then the keys; without either it creates, numbering Payment,
 * Prepayment and Customer Refund from one shared sequence. A {@code Credit Memo} is not created here: the PUT names
 * an existing released SalesInvoice credit memo by ReferenceNbr and opens it for applying (the Payment record shares
 * the memo's id, as both screens show one AR document). Voided documents come only from VoidPayment.
 *
 * <p>Released documents: an Open one accepts new DocumentsToApply lines (applied by the next ReleasePayment); any
 * other change, or any change to a Closed or Voided one, is refused with 422 "The document has been released and
 * cannot be changed." An identical replay is accepted. Released applications are no longer in DocumentsToApply (they
 * are in ApplicationHistory), so a replay that lists them again asks for new applications and is checked as such. A
 * line without AmountPaid gets the smaller of the document's balance and what is left of the payment, as AR302000
 * defaults it.
 */
final class PaymentEndpoint extends StoredEntityEndpoint {

    static final String ENTITY = AcumaticaEntity.PAYMENT.wireName();
    static final String RELEASE = AcumaticaAction.RELEASE_PAYMENT.wireName();
    static final String VOID = AcumaticaAction.VOID_PAYMENT.wireName();

    private final PaymentCalculator calculator;
    private final PaymentValidator validator;
    private final PaymentActions actions;
    private final ArApplications applications;

    PaymentEndpoint(EndpointContext ctx, PaymentCalculator calculator, ArApplications applications) {
        super(ctx, ENTITY, "PX.Objects.AR.ARPaymentEntry/Document");
        this.calculator = calculator;
        this.applications = applications;
        this.validator = new PaymentValidator(ctx.tenant.referenceData, ctx.tenant.customers, applications);
        this.actions = new PaymentActions(ctx, calculator, validator, applications);
    }

    @Override
    protected EntityStore store() {
        return ctx.tenant.payments;
    }

    @Override
    public SandboxResponse put(JsonNode body, QueryOptions query, WriteCondition condition) {
        synchronized (ctx.tenant) {
            EntityBodyParser.ParsedBody parsed = ctx.parser.parse(ENTITY, body);
            ObjectNode patch = parsed.entity();
            ValueObjects.text(patch, "Type").flatMap(ArDocumentTypes::normalize)
                    .filter(ArDocumentTypes.PAYMENT_TYPES::contains)
                    .ifPresent(type -> ValueObjects.set(patch, "Type", type.wireName()));
            boolean creditMemo = ValueObjects.text(patch, "Type").filter(ArDocumentType.CREDIT_MEMO::is)
                    .isPresent();
            // A released SalesInvoice credit memo is an existing AR document on this screen too: If-Match finds it.
            WriteCondition effective = creditMemo && condition == WriteCondition.UPDATE_ONLY
                    && releasedCreditMemo(patch).isPresent() ? WriteCondition.ANY : condition;
            PutMatch match = matchForPut(patch, effective, "Type", ArDocumentType.PAYMENT.wireName(), "ReferenceNbr");
            if (match.refusal() != null) {
                return match.refusal();
            }
            Optional<ObjectNode> memo = Optional.empty();
            if (creditMemo && match.existing() == null) {
                memo = releasedCreditMemo(patch);
                if (memo.isEmpty()) {
                    ObjectNode candidate = patch.deepCopy();
                    FieldErrors errors = new FieldErrors();
                    errors.add(candidate, "ReferenceNbr", "ReferenceNbr", ValueObjects.text(patch, "ReferenceNbr")
                            .isEmpty() ? "'Reference Nbr.' cannot be empty."
                            : "'Reference Nbr.' cannot be found in the system.");
                    return unprocessable(candidate, errors, query, parsed);
                }
            } else if (match.unknownNumber()) {
                ObjectNode candidate = patch.deepCopy();
                FieldErrors errors = new FieldErrors();
                errors.add(candidate, "ReferenceNbr", "ReferenceNbr",
                        "'Reference Nbr.' cannot be found in the system.");
                return unprocessable(candidate, errors, query, parsed);
            }
            ObjectNode existing = match.existing();
            ObjectNode candidate = existing != null ? existing.deepCopy() : newPayment(memo);
            if (existing != null) {
                // Keys identify the document; they are never rewritten by an update.
                patch.remove(List.of("Type", "ReferenceNbr"));
                memo = actions.creditMemoOf(existing);
            }
            ctx.merger.merge(ENTITY, candidate, patch);
            Optional<ObjectNode> customer = ValueObjects.text(candidate, "CustomerID")
                    .flatMap(c -> ctx.tenant.customers.byKeys(List.of(c)));
            calculator.recompute(candidate, customer, memo);
            defaultAmountsPaid(candidate);
            calculator.recompute(candidate, customer, memo);

            if (existing != null && PaymentCalculator.isReleased(existing) && !memo.isPresent()) {
                if (candidate.equals(existing)) {
                    return withIgnored(SandboxResponse.json(200, render(existing, query, 1)), parsed);
                }
                if (!onlyPendingLinesChanged(existing, candidate)) {
                    FieldErrors errors = new FieldErrors();
                    errors.addGeneral("The document has been released and cannot be changed.");
                    return unprocessable(candidate, errors, query, parsed);
                }
            }
            FieldErrors errors = validator.validate(candidate, existing == null, memo);
            if (errors.any()) {
                return unprocessable(candidate, errors, query, parsed);
            }
            if (existing == null && memo.isEmpty()) {
                ValueObjects.set(candidate, "ReferenceNbr",
                        ctx.tenant.numbering.next(ValueObjects.text(candidate, "Type").orElseThrow()));
            }
            ValueObjects.set(candidate, "LastModifiedDateTime", ctx.now());
            store().save(candidate);
            return withIgnored(SandboxResponse.json(200, render(candidate, query, 1)), parsed);
        }
    }

    @Override
    public boolean hasAction(String action) {
        return RELEASE.equalsIgnoreCase(action) || VOID.equalsIgnoreCase(action);
    }

    @Override
    public SandboxResponse invoke(String action, JsonNode body) {
        if (!hasAction(action)) {
            return HttpErrors.unknownAction(ENTITY, action);
        }
        synchronized (ctx.tenant) {
            ObjectNode payment = actionTarget(body, "Type", "ReferenceNbr");
            boolean release = RELEASE.equalsIgnoreCase(action);
            PaymentActions.Outcome outcome = release ? actions.release(payment) : actions.voidPayment(payment);
            if (outcome.refused()) {
                return unprocessable(outcome.document(), outcome.errors(), QueryOptions.none(), null);
            }
            return actionAccepted(release ? RELEASE : VOID, outcome.document());
        }
    }

    @Override
    public SandboxResponse actionStatus(String action, String operationId) {
        return hasAction(action) ? actionProgress(RELEASE.equalsIgnoreCase(action) ? RELEASE : VOID, operationId)
                : HttpErrors.unknownAction(ENTITY, action);
    }

    private ObjectNode newPayment(Optional<ObjectNode> memo) {
        ObjectNode payment = ValueObjects.NODES.objectNode();
        // A credit memo is one AR document on two screens: its Payment view keeps the memo's id (NoteID).
        String id = memo.map(m -> m.path("id").asText()).orElseGet(ctx.ids::newGuid);
        payment.put("id", id);
        ValueObjects.set(payment, "NoteID", id);
        return payment;
    }

    private Optional<ObjectNode> releasedCreditMemo(ObjectNode patch) {
        return ValueObjects.text(patch, "ReferenceNbr")
                .flatMap(nbr -> ctx.tenant.salesInvoices.byKeys(List.of(ArDocumentType.CREDIT_MEMO.wireName(), nbr)))
                .filter(ArApplications::isReleased);
    }

    /** Pending lines sent without AmountPaid get min(document balance, what is left of the payment). */
    private void defaultAmountsPaid(ObjectNode payment) {
        BigDecimal left = ValueObjects.decimal(payment, "AvailableBalance").orElse(BigDecimal.ZERO);
        for (ObjectNode line : PaymentCalculator.pendingLines(payment)) {
            if (ValueObjects.value(line, "AmountPaid").isPresent()) {
                continue;
            }
            Optional<String> docType = ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize)
                    .map(ArDocumentType::wireName);
            Optional<ObjectNode> document = docType.flatMap(type -> ValueObjects.text(line, "ReferenceNbr")
                    .flatMap(nbr -> applications.find(type, nbr)));
            if (document.isEmpty()) {
                continue;
            }
            BigDecimal amount = ArApplications.balanceOf(docType.get(), document.get()).min(left.max(BigDecimal.ZERO));
            ValueObjects.set(line, "AmountPaid", amount);
            left = left.subtract(amount);
        }
    }

    /** True if the two versions of an Open payment differ only in unreleased applications (and their totals). */
    private static boolean onlyPendingLinesChanged(ObjectNode existing, ObjectNode candidate) {
        if (PaymentCalculator.status(existing).filter(ArDocumentStatus.OPEN::equals).isEmpty()) {
            return false;
        }
        return withoutPending(existing).equals(withoutPending(candidate));
    }

    private static ObjectNode withoutPending(ObjectNode payment) {
        ObjectNode copy = payment.deepCopy();
        copy.remove(List.of("DocumentsToApply", "AppliedToDocuments", "AvailableBalance", "LastModifiedDateTime"));
        return copy;
    }

    /**
     * A 422 shows the payment with its errors; DocumentsToApply is included when a line carries one, even unexpanded
     * (as for SalesInvoice; real behaviour UNVERIFIED).
     */
    private SandboxResponse unprocessable(ObjectNode candidate, FieldErrors errors, QueryOptions query,
                                          EntityBodyParser.ParsedBody parsed) {
        candidate.put("error", errors.summary());
        List<String> expand = new ArrayList<>(query.expand());
        if (candidate.path("DocumentsToApply").toString().contains("\"error\"")) {
            expand.add("DocumentsToApply");
        }
        QueryOptions withErrors = new QueryOptions(null, query.select(), expand, null, 0);
        SandboxResponse response = SandboxResponse.json(422, render(candidate, withErrors, 1));
        return parsed == null ? response : withIgnored(response, parsed);
    }

    private static SandboxResponse withIgnored(SandboxResponse response, EntityBodyParser.ParsedBody parsed) {
        return CustomerEndpoint.withIgnoredFields(response, parsed);
    }
}
