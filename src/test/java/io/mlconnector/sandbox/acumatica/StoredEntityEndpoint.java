package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reading half shared by all entity endpoints backed by an {@link EntityStore}: list with
 * {@code $filter/$select/$expand/$top/$skip}, get by id or by keys, and rendering with links.
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
