package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read API under {@code /api/v2}: list and retrieve for customers, invoices, credit notes, transactions and
 * events, plus {@code /configurations}. Knows nothing of HTTP: takes a path and parameters, returns the JSON body or
 * throws {@link SandboxApiException}.
 */
final class ApiRoutes {

    static final String API_PREFIX = "/api/v2";

    private final SandboxStore store;
    private final ListQueryParser parser;
    private final QueryEngine engine;
    private final LineItemPager lineItems;
    private final Supplier<String> siteName;

    ApiRoutes(SandboxStore store, ListQueryParser parser, QueryEngine engine, LineItemPager lineItems,
            Supplier<String> siteName) {
        this.store = store;
        this.parser = parser;
        this.engine = engine;
        this.lineItems = lineItems;
        this.siteName = siteName;
    }

    /** @param path the decoded request path, starting with {@link #API_PREFIX} */
    ObjectNode get(String path, Map<String, List<String>> params) {
        String[] segments = path.substring(API_PREFIX.length()).replaceAll("^/+|/+$", "").split("/", -1);
        if (segments.length == 1 && segments[0].equals("configurations")) {
            return configurations();
        }
        ResourceType type = ResourceType.byPathSegment(segments[0]).orElseThrow(ApiRoutes::unknownRoute);
        if (segments.length == 1) {
            return list(type, params);
        }
        if (segments.length == 2 && !segments[1].isEmpty()) {
            return retrieve(type, segments[1], params);
        }
        throw unknownRoute();
    }

    private ObjectNode list(ResourceType type, Map<String, List<String>> params) {
        QueryEngine.ListPage page = engine.run(store.snapshot(type), parser.parse(type, params));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("list");
        for (ObjectNode record : page.records()) {
            ObjectNode copy = record.deepCopy();
            list.addObject().set(type.objectName(), forList(type, copy));
        }
        if (page.nextOffset() != null) {
            body.put("next_offset", page.nextOffset());
        }
        return body;
    }

    /**
     * Deleted records answer 404 like records that never existed (UNVERIFIED for every resource; a connector must
     * cope with both, and 404 is the stricter case). Events are never deleted.
     */
    private ObjectNode retrieve(ResourceType type, String id, Map<String, List<String>> params) {
        ObjectNode record = store.find(type, id)
                .filter(r -> !r.path("deleted").asBoolean(false))
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new SandboxApiException(
                        ChargebeeError.notFound(type.displayName() + " is not present")));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(type.objectName(), forRetrieve(type, record, params));
        return body;
    }

    private ObjectNode forList(ResourceType type, ObjectNode copy) {
        if (type == ResourceType.EVENT) {
            return lineItems.forEvent(copy);
        }
        return type.hasPagedLineItems() ? lineItems.forList(copy) : copy;
    }

    private ObjectNode forRetrieve(ResourceType type, ObjectNode copy, Map<String, List<String>> params) {
        if (type == ResourceType.EVENT) {
            return lineItems.forEvent(copy);
        }
        return type.hasPagedLineItems() ? lineItems.forRetrieve(copy, params) : copy;
    }

    /** Shape per chargebee-node {@code Configuration.d.ts} and the "PC 1.0 or PC 2.0" help article. */
    private ObjectNode configurations() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode configuration = body.putArray("configurations").addObject();
        configuration.put("domain", siteName.get());
        configuration.put("product_catalog_version", "v2");
        configuration.put("object", "configuration");
        return body;
    }

    private static SandboxApiException unknownRoute() {
        return new SandboxApiException(ChargebeeError.notFound("Sorry, we couldn't find that resource"));
    }
}
