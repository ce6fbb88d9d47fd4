package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.AcumaticaAction;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SalesInvoice} (Invoices, SO303000): list, get by {@code Type/ReferenceNbr} or id, PUT create-or-update,
 * and the {@code ReleaseSalesInvoice} action with its status URL. A credit memo may carry
 * {@code ApplicationsCreditMemo} lines that apply it to invoices when it is released ({@link CreditMemoApplications});
 * {@code ApplicationsInvoice} is the read-only record of what was applied to an invoice (sent values are ignored and
 * listed in {@code X-Sandbox-Ignored-Fields}). Balance drops as payments and memos are applied, Closed at zero.
 *
 * <p>PUT matching, in order: {@code id} (unknown → 500 "No entity satisfies the condition"), then the keys
 * {@code Type}+{@code ReferenceNbr}. Without either, PUT always creates and takes the next number of the type's
 * sequence, which is why clients must look documents up (e.g. by {@code ExternalRef}) before creating. A
 * ReferenceNbr that does not exist is rejected with 422 rather than silently numbered anew (sandbox choice; an
 * auto-numbered Acumatica sequence would not let the client pick the number either).
 *
 * <p>Released documents (Status Open) accept a PUT only if it changes nothing, like an idempotent replay; any change
 * is rejected with 422.
 */
final class SalesInvoiceEndpoint extends StoredEntityEndpoint {

    static final String ENTITY = AcumaticaEntity.SALES_INVOICE.wireName();
    static final String RELEASE = AcumaticaAction.RELEASE_SALES_INVOICE.wireName();

    private final SalesInvoiceCalculator calculator;
    private final SalesInvoiceValidator validator;
    private final CreditMemoApplications creditMemoApplications;

    SalesInvoiceEndpoint(EndpointContext ctx, ArApplications applications) {
        super(ctx, ENTITY, "PX.Objects.SO.SOInvoiceEntry/Document");
        Tenant tenant = ctx.tenant;
        this.calculator = new SalesInvoiceCalculator(tenant.referenceData, tenant.seed, ctx);
        this.validator = new SalesInvoiceValidator(tenant.referenceData, tenant.numbering, tenant.customers);
        this.creditMemoApplications = new CreditMemoApplications(applications,
                new CurrencyRounding(tenant.referenceData));
    }

    @Override
    protected EntityStore store() {
        return ctx.tenant.salesInvoices;
    }

    @Override
    public SandboxResponse put(JsonNode body, QueryOptions query, WriteCondition condition) {
        synchronized (ctx.tenant) {
            EntityBodyParser.ParsedBody parsed = withoutReadOnlyApplications(ctx.parser.parse(ENTITY, body));
            ObjectNode patch = parsed.entity();
            String id = patch.path("id").asText(null);
            Optional<String> referenceNbr = ValueObjects.text(patch, "ReferenceNbr");

            ObjectNode existing = null;
            if (id != null) {
                existing = store().byId(id).orElse(null);
                if (existing == null) {
                    return condition == WriteCondition.UPDATE_ONLY ? HttpErrors.preconditionFailed(false)
                            : HttpErrors.noEntitySatisfiesTheCondition();
                }
            } else if (referenceNbr.isPresent()) {
                String type = ValueObjects.text(patch, "Type").orElse(ArDocumentType.INVOICE.wireName());
                existing = store().byKeys(List.of(type, referenceNbr.get())).orElse(null);
                if (existing == null) {
                    if (condition == WriteCondition.UPDATE_ONLY) {
                        return HttpErrors.preconditionFailed(false);
                    }
                    ObjectNode candidate = patch.deepCopy();
                    FieldErrors errors = new FieldErrors();
                    errors.add(candidate, "ReferenceNbr", "ReferenceNbr",
                            "'Reference Nbr.' cannot be found in the system.");
                    return unprocessable(candidate, errors, query, parsed);
                }
            }
            if (existing != null && condition == WriteCondition.INSERT_ONLY) {
                return HttpErrors.preconditionFailed(true);
            }
            if (existing == null && condition == WriteCondition.UPDATE_ONLY) {
                return HttpErrors.preconditionFailed(false);
            }

            ObjectNode candidate;
            if (existing == null) {
                candidate = ValueObjects.NODES.objectNode();
                candidate.put("id", ctx.ids.newGuid());
                ValueObjects.set(candidate, "CreatedDate", ctx.now());
            } else {
                candidate = existing.deepCopy();
                // Keys identify the document; they are never rewritten by an update.
                patch.remove(List.of("Type", "ReferenceNbr"));
            }
            ctx.merger.merge(ENTITY, candidate, patch);
            Optional<ObjectNode> customer = ValueObjects.text(candidate, "CustomerID")
                    .flatMap(c -> ctx.tenant.customers.byKeys(List.of(c)));
            calculator.recompute(candidate, customer, linesWithExplicitAmount(patch));
            if (existing == null || !SalesInvoiceCalculator.isReleased(existing)) {
                creditMemoApplications.recompute(candidate);
            }

            if (existing != null && SalesInvoiceCalculator.isReleased(existing)) {
                if (candidate.equals(existing)) {
                    return withIgnored(SandboxResponse.json(200, render(existing, query, 1)), parsed);
                }
                FieldErrors errors = new FieldErrors();
                errors.addGeneral("The document has been released and cannot be changed.");
                return unprocessable(candidate, errors, query, parsed);
            }
            FieldErrors errors = validator.validate(candidate);
            creditMemoApplications.validate(candidate, errors);
            if (errors.any()) {
                return unprocessable(candidate, errors, query, parsed);
            }
            if (existing == null) {
                ValueObjects.set(candidate, "ReferenceNbr",
                        ctx.tenant.numbering.next(ValueObjects.text(candidate, "Type").orElseThrow()));
            }
            String now = ctx.now();
            ValueObjects.set(candidate, "LastModifiedDateTime", now);
            ValueObjects.set(candidate, "LastModifiedDate", now);
            store().save(candidate);
            return withIgnored(SandboxResponse.json(200, render(candidate, query, 1)), parsed);
        }
    }

    @Override
    public boolean hasAction(String action) {
        return RELEASE.equalsIgnoreCase(action);
    }

    /**
     * Releases a Balanced document: Status becomes Open and Balance the document amount; a credit memo's
     * ApplicationsCreditMemo lines are applied at the same time (re-checked first, 422 on the lines if a balance no
     * longer allows them). Answers 202 with a {@code Location} to poll, or 204 at once when polls are set to 0. A
     * document on hold, or already released, is refused with 422 and the AR messages "Document is On Hold and cannot
     * be released." / "Document Status is invalid for processing." (real texts from Acumatica's AR messages; that the
     * API surfaces them with 422 on a second release is UNVERIFIED). A document that does not exist answers 500 "No
     * entity satisfies the condition".
     */
    @Override
    public SandboxResponse invoke(String action, JsonNode body) {
        if (!hasAction(action)) {
            return HttpErrors.unknownAction(ENTITY, action);
        }
        synchronized (ctx.tenant) {
            ObjectNode invoice = actionTarget(body, "Type", "ReferenceNbr").deepCopy();
            boolean onHold = SalesInvoiceCalculator.status(invoice).filter(ArDocumentStatus.ON_HOLD::equals)
                    .isPresent();
            if (onHold || SalesInvoiceCalculator.isReleased(invoice)) {
                invoice.put("error", onHold
                        ? "Document is On Hold and cannot be released."
                        : "Document Status is invalid for processing.");
                return SandboxResponse.json(422, render(invoice, QueryOptions.none(), 1));
            }
            FieldErrors errors = new FieldErrors();
            creditMemoApplications.validate(invoice, errors);
            if (errors.any()) {
                return unprocessable(invoice, errors, QueryOptions.none(), null);
            }
            ValueObjects.set(invoice, "Status", ArDocumentStatus.OPEN.wireName());
            ValueObjects.set(invoice, "Balance", ValueObjects.decimal(invoice, "Amount")
                    .orElse(BigDecimal.ZERO));
            creditMemoApplications.applyOnRelease(invoice);
            String now = ctx.now();
            ValueObjects.set(invoice, "LastModifiedDateTime", now);
            ValueObjects.set(invoice, "LastModifiedDate", now);
            store().save(invoice);
            return actionAccepted(RELEASE, invoice);
        }
    }

    @Override
    public SandboxResponse actionStatus(String action, String operationId) {
        return hasAction(action) ? actionProgress(RELEASE, operationId) : HttpErrors.unknownAction(ENTITY, action);
    }

    /** ApplicationsInvoice is filled by the sandbox as documents are applied; a client cannot write it. */
    private static EntityBodyParser.ParsedBody withoutReadOnlyApplications(EntityBodyParser.ParsedBody parsed) {
        if (!parsed.entity().has("ApplicationsInvoice")) {
            return parsed;
        }
        ObjectNode entity = parsed.entity().deepCopy();
        entity.remove("ApplicationsInvoice");
        List<String> ignored = new ArrayList<>(parsed.ignoredFields());
        ignored.add("ApplicationsInvoice");
        return new EntityBodyParser.ParsedBody(entity, ignored);
    }

    /** Ids of the lines whose Amount this request set (the merger has written ids back onto the patch lines). */
    private static Set<String> linesWithExplicitAmount(ObjectNode patch) {
        Set<String> ids = new HashSet<>();
        for (JsonNode line : patch.path("Details")) {
            if (ValueObjects.value(line, "Amount").isPresent() && line.hasNonNull("id")) {
                ids.add(line.get("id").asText());
            }
        }
        return ids;
    }

    /**
     * A 422 shows the document with its errors. Detail lines that carry errors are included even without
     * {@code $expand}, otherwise a client could not see them (real Acumatica's behaviour here is UNVERIFIED).
     */
    private SandboxResponse unprocessable(ObjectNode candidate, FieldErrors errors, QueryOptions query,
                                          EntityBodyParser.ParsedBody parsed) {
        candidate.put("error", errors.summary());
        List<String> expand = new ArrayList<>(query.expand());
        for (String detail : List.of("Details", "TaxDetails", CreditMemoApplications.LINES)) {
            if (candidate.path(detail).toString().contains("\"error\"")) {
                expand.add(detail);
            }
        }
        QueryOptions withErrors = new QueryOptions(null, query.select(), expand, null, 0);
        SandboxResponse response = SandboxResponse.json(422, render(candidate, withErrors, 1));
        return parsed == null ? response : withIgnored(response, parsed);
    }

    private static SandboxResponse withIgnored(SandboxResponse response, EntityBodyParser.ParsedBody parsed) {
        return CustomerEndpoint.withIgnoredFields(response, parsed);
    }
}
