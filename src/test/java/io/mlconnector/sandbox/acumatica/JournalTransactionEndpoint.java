package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.AcumaticaAction;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.JournalStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code JournalTransaction} (Journal Transactions, GL301000): list, get by {@code Module/BatchNbr} or id, PUT
 * create-or-update, and {@code ReleaseJournalTransaction} with its status URL.
 *
 * <p>Keys are Module + BatchNbr, the GL batch's primary key (that REST uses this order is UNVERIFIED). A PUT without
 * id or BatchNbr always creates the next batch number, which is why clients look batches up (e.g. by Description)
 * before creating: the entity has no external-reference field.
 *
 * <p>Release refuses a batch whose debits and credits differ with 422 and GL's message "Batch is out of balance,
 * please review." (the batch stays Balanced, as integrations report); otherwise the batch is released and, as with
 * GL's default "Automatically Post on Release", Posted. A batch on hold answers "Document is On Hold and cannot be
 * released.", a released one "Document Status is invalid for processing." Released batches accept only identical
 * replays.
 */
final class JournalTransactionEndpoint extends StoredEntityEndpoint {

    static final String ENTITY = AcumaticaEntity.JOURNAL_TRANSACTION.wireName();
    static final String RELEASE = AcumaticaAction.RELEASE_JOURNAL_TRANSACTION.wireName();
    static final String NUMBERING = "Journal Transaction";

    private final JournalTransactionCalculator calculator;
    private final JournalTransactionValidator validator;

    JournalTransactionEndpoint(EndpointContext ctx) {
        super(ctx, ENTITY, "PX.Objects.GL.JournalEntry/BatchModule");
        this.calculator = new JournalTransactionCalculator(ctx.tenant.referenceData, ctx.tenant.seed, ctx);
        this.validator = new JournalTransactionValidator(ctx.tenant.referenceData);
    }

    @Override
    protected EntityStore store() {
        return ctx.tenant.journalTransactions;
    }

    @Override
    public SandboxResponse put(JsonNode body, QueryOptions query, WriteCondition condition) {
        synchronized (ctx.tenant) {
            EntityBodyParser.ParsedBody parsed = ctx.parser.parse(ENTITY, body);
            ObjectNode patch = parsed.entity();
            PutMatch match = matchForPut(patch, condition, "Module", JournalTransactionCalculator.MODULE_GL,
                    "BatchNbr");
            if (match.refusal() != null) {
                return match.refusal();
            }
            if (match.unknownNumber()) {
                ObjectNode candidate = patch.deepCopy();
                FieldErrors errors = new FieldErrors();
                errors.add(candidate, "BatchNbr", "BatchNbr", "'Batch Number' cannot be found in the system.");
                return unprocessable(candidate, errors, query, parsed);
            }
            ObjectNode existing = match.existing();
            ObjectNode candidate;
            if (existing == null) {
                candidate = ValueObjects.NODES.objectNode();
                candidate.put("id", ctx.ids.newGuid());
                ValueObjects.set(candidate, "CreatedDateTime", ctx.now());
            } else {
                candidate = existing.deepCopy();
                patch.remove(List.of("Module", "BatchNbr"));
            }
            ctx.merger.merge(ENTITY, candidate, patch);
            calculator.recompute(candidate);
            if (existing != null && JournalTransactionCalculator.isReleased(existing)) {
                if (candidate.equals(existing)) {
                    return withIgnored(SandboxResponse.json(200, render(existing, query, 1)), parsed);
                }
                FieldErrors errors = new FieldErrors();
                errors.addGeneral("The batch has been released and cannot be changed.");
                return unprocessable(candidate, errors, query, parsed);
            }
            FieldErrors errors = validator.validate(candidate);
            if (errors.any()) {
                return unprocessable(candidate, errors, query, parsed);
            }
            if (existing == null) {
                ValueObjects.set(candidate, "BatchNbr", ctx.tenant.numbering.next(NUMBERING));
            }
            ValueObjects.set(candidate, "LastModifiedDateTime", ctx.now());
            store().save(candidate);
            return withIgnored(SandboxResponse.json(200, render(candidate, query, 1)), parsed);
        }
    }

    @Override
    public boolean hasAction(String action) {
        return RELEASE.equalsIgnoreCase(action);
    }

    @Override
    public SandboxResponse invoke(String action, JsonNode body) {
        if (!hasAction(action)) {
            return HttpErrors.unknownAction(ENTITY, action);
        }
        synchronized (ctx.tenant) {
            ObjectNode batch = actionTarget(body, "Module", "BatchNbr").deepCopy();
            String refusal = null;
            if (JournalTransactionCalculator.status(batch).filter(JournalStatus.ON_HOLD::equals).isPresent()) {
                refusal = "Document is On Hold and cannot be released.";
            } else if (JournalTransactionCalculator.isReleased(batch)) {
                refusal = "Document Status is invalid for processing.";
            } else if (JournalTransactionCalculator.total(batch, "DebitAmount")
                    .compareTo(JournalTransactionCalculator.total(batch, "CreditAmount")) != 0) {
                refusal = "Batch is out of balance, please review.";
            }
            if (refusal != null) {
                FieldErrors errors = new FieldErrors();
                errors.addGeneral(refusal);
                return unprocessable(batch, errors, QueryOptions.none(), null);
            }
            ValueObjects.set(batch, "Status", JournalStatus.POSTED.wireName());
            ValueObjects.set(batch, "LastModifiedDateTime", ctx.now());
            store().save(batch);
            return actionAccepted(RELEASE, batch);
        }
    }

    @Override
    public SandboxResponse actionStatus(String action, String operationId) {
        return hasAction(action) ? actionProgress(RELEASE, operationId) : HttpErrors.unknownAction(ENTITY, action);
    }

    private SandboxResponse unprocessable(ObjectNode candidate, FieldErrors errors, QueryOptions query,
                                          EntityBodyParser.ParsedBody parsed) {
        candidate.put("error", errors.summary());
        List<String> expand = new ArrayList<>(query.expand());
        if (candidate.path("Details").toString().contains("\"error\"")) {
            expand.add("Details");
        }
        QueryOptions withErrors = new QueryOptions(null, query.select(), expand, null, 0);
        SandboxResponse response = SandboxResponse.json(422, render(candidate, withErrors, 1));
        return parsed == null ? response : CustomerEndpoint.withIgnoredFields(response, parsed);
    }

    private static SandboxResponse withIgnored(SandboxResponse response, EntityBodyParser.ParsedBody parsed) {
        return CustomerEndpoint.withIgnoredFields(response, parsed);
    }
}
