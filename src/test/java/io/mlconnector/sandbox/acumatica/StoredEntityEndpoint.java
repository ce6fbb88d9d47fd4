package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reading half shared by all entity endpoints backed by an {@link EntityStore}: list with
 * {@code $filter/$select/$expand/$top/$skip}, get by id or by keys, and rendering with links; plus the pieces every
 * document endpoint needs for writes and actions: matching a PUT to an existing record, reading an action's
 * {@code {"entity": ...}} body, and answering a long-running action with 202/{@code Location} (or 204).
 *
 * <p>A record that is not found by keys or id answers 500 "No entity satisfies the condition", which is what public
 * clients record from real instances (there is no 404 for a missing record in Default/24.200.001).
 */
abstract class StoredEntityEndpoint implements EntityEndpoint {

    protected final EndpointContext ctx;
    private final String entity;
    private final String filesGraph;

    StoredEntityEndpoint(EndpointContext ctx, String entity, String filesGraph) {
        this.ctx = ctx;
        this.entity = entity;
        this.filesGraph = filesGraph;
    }

    /** The store holding this entity's records (looked up each time: reference stores are owned elsewhere). */
    protected abstract EntityStore store();

    @Override
    public String name() {
        return entity;
    }

    @Override
    public SandboxResponse list(QueryOptions query) {
        synchronized (ctx.tenant) {
            if (query.filter() != null) {
                query.filter().fieldPaths().forEach(this::checkFilterPath);
            }
            List<ObjectNode> matching = store().all().stream()
                    .filter(r -> query.filter() == null || query.filter().matches(r))
                    .skip(query.skip())
                    .limit(query.top() == null ? QueryOptions.MAX_PAGE : query.top())
                    .toList();
            ArrayNode out = ValueObjects.NODES.arrayNode();
            for (int i = 0; i < matching.size(); i++) {
                out.add(render(matching.get(i), query, i + 1));
            }
            return SandboxResponse.json(200, out);
        }
    }

    @Override
    public SandboxResponse get(List<String> idOrKeys, QueryOptions query) {
        synchronized (ctx.tenant) {
            return find(idOrKeys)
                    .map(record -> SandboxResponse.json(200, render(record, query, 1)))
                    .orElseGet(HttpErrors::noEntitySatisfiesTheCondition);
        }
    }

    /** Looks a record up by a single GUID segment, else by key values. Caller holds the tenant lock. */
    protected Optional<ObjectNode> find(List<String> idOrKeys) {
        if (idOrKeys.size() == 1 && isGuid(idOrKeys.get(0))) {
            Optional<ObjectNode> byId = store().byId(idOrKeys.get(0));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return store().byKeys(idOrKeys);
    }

    protected ObjectNode render(ObjectNode record, QueryOptions query, int rowNumber) {
        return ctx.renderer.render(entity, record, query, rowNumber,
                ctx.links(entity, filesGraph, record.path("id").asText()));
    }

    /** The self link of a record, also used as the {@code Location} of a completed action. */
    protected String selfLink(ObjectNode record) {
        return ctx.links(entity, filesGraph, record.path("id").asText()).self();
    }

    /**
     * Where a PUT of a document keyed by type and number lands.
     *
     * @param existing      the record to update, or null to create
     * @param refusal       a finished answer (412, 500 "No entity satisfies the condition"), or null
     * @param unknownNumber the body names a number that does not exist (the caller answers 422 on that field)
     */
    protected record PutMatch(ObjectNode existing, SandboxResponse refusal, boolean unknownNumber) {
    }

    /**
     * Matches a PUT by {@code id}, else by type + number keys ({@code defaultType} when the type is not sent), and
     * applies the conditional headers: {@code If-None-Match: *} refuses an existing record, {@code If-Match: *} a
     * missing one (412). Caller holds the tenant lock.
     */
    protected PutMatch matchForPut(ObjectNode patch, WriteCondition condition, String typeField, String defaultType,
                                   String numberField) {
        String id = patch.path("id").asText(null);
        ObjectNode existing = null;
        if (id != null) {
            existing = store().byId(id).orElse(null);
            if (existing == null) {
                return new PutMatch(null, condition == WriteCondition.UPDATE_ONLY
                        ? HttpErrors.preconditionFailed(false) : HttpErrors.noEntitySatisfiesTheCondition(), false);
            }
        } else {
            Optional<String> number = ValueObjects.text(patch, numberField);
            if (number.isPresent()) {
                String type = ValueObjects.text(patch, typeField).orElse(defaultType);
                existing = store().byKeys(List.of(type, number.get())).orElse(null);
                if (existing == null) {
                    return condition == WriteCondition.UPDATE_ONLY
                            ? new PutMatch(null, HttpErrors.preconditionFailed(false), false)
                            : new PutMatch(null, null, true);
                }
            }
        }
        if (existing != null && condition == WriteCondition.INSERT_ONLY) {
            return new PutMatch(null, HttpErrors.preconditionFailed(true), false);
        }
        if (existing == null && condition == WriteCondition.UPDATE_ONLY) {
            return new PutMatch(null, HttpErrors.preconditionFailed(false), false);
        }
        return new PutMatch(existing, null, false);
    }

    /**
     * The record an action addresses: {@code {"entity": {"id": ...}}} or {@code {"entity": {<type>, <number>}}}.
     * A malformed body is answered 400; a record that does not exist, 500 "No entity satisfies the condition" (both
     * thrown as {@link ApiFailure}). Caller holds the tenant lock.
     */
    protected ObjectNode actionTarget(JsonNode body, String typeField, String numberField) {
        if (body == null || !body.isObject() || !body.path("entity").isObject()) {
            throw new ApiFailure(HttpErrors.invalidField("", "The action body must be {\"entity\": {...keys or id...}}"
                    + " (and \"parameters\": {...} for an action that declares them)."));
        }
        ObjectNode keys = ctx.parser.parse(name(), body.get("entity")).entity();
        Optional<ObjectNode> found = keys.hasNonNull("id") ? store().byId(keys.get("id").asText())
                : ValueObjects.text(keys, typeField).flatMap(type -> ValueObjects.text(keys, numberField)
                .flatMap(nbr -> store().byKeys(List.of(type, nbr))));
        return found.orElseThrow(() -> new ApiFailure(HttpErrors.noEntitySatisfiesTheCondition()));
    }

    /**
     * How an accepted long-running action answers: 202 with a {@code Location} to poll, or 204 at once when polls
     * are set to 0 or the timed duration is zero (with the record's own link as {@code Location}). The change itself
     * is already committed.
     */
    protected SandboxResponse actionAccepted(String action, ObjectNode record) {
        java.time.Duration duration = ctx.releaseDuration.get();
        int polls = ctx.releasePollsBeforeCompletion.get();
        if (duration != null ? duration.isZero() : polls == 0) {
            return SandboxResponse.empty(204).withHeader("Location", selfLink(record));
        }
        String operationId = ctx.ids.newGuid();
        if (duration != null) {
            ctx.tenant.operations.startTimed(operationId, ctx.clock.instant().plus(duration));
        } else {
            ctx.tenant.operations.start(operationId, polls);
        }
        return SandboxResponse.empty(202).withHeader("Location", statusLink(action, operationId));
    }

    /** {@code GET <Entity>/<Action>/status/<id>}: 202 while in progress, then 204. */
    protected SandboxResponse actionProgress(String action, String operationId) {
        synchronized (ctx.tenant) {
            return ctx.tenant.operations.pollInProgress(operationId, ctx.clock.instant())
                    ? SandboxResponse.empty(202).withHeader("Location", statusLink(action, operationId))
                    : SandboxResponse.empty(204);
        }
    }

    private String statusLink(String action, String operationId) {
        return ctx.endpointPath + "/" + entity + "/" + action + "/status/" + operationId;
    }

    protected static boolean isGuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Filters may name top-level value fields or fields of linked entities ({@code MainContact/Email}). Filtering on
     * detail lines is documented as unsupported with unpredictable results, so the sandbox refuses it (501) rather
     * than invent an outcome.
     */
    private void checkFilterPath(String path) {
        String[] parts = path.split("/");
        String schema = entity;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            ContractShapes.Field field = ctx.shapes.shape(schema).field(part).orElseThrow(() -> new ApiFailure(
                    HttpErrors.badRequest("The $filter refers to '" + path + "', which is not a field of the entity '"
                            + entity + "'.")));
            boolean last = i == parts.length - 1;
            if (field.kind() == ContractShapes.Kind.DETAIL) {
                throw new ApiFailure(HttpErrors.notSimulated("$filter on the detail entity '" + part
                        + "' (Acumatica documents the results as unpredictable)"));
            }
            if (last != (field.kind() == ContractShapes.Kind.VALUE)) {
                throw new ApiFailure(HttpErrors.badRequest("The $filter path '" + path
                        + "' must end at a value field."));
            }
            schema = field.schema();
        }
    }
}
