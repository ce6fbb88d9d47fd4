package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract-based API below {@code /entity/<Endpoint>/<Version>/}: endpoint/version check, bearer-token check,
 * query parsing and dispatch to the {@link EntityEndpoint} of the addressed entity.
 *
 * <p>Order of checks, each with its answer:
 * <ol>
 *   <li>endpoint/version not published → 404 (ASP.NET "No HTTP resource was found ..." body);</li>
 *   <li>{@code swagger.json} of the simulated version → the contract, without authentication (as public clients
 *       fetch it);</li>
 *   <li>not signed in (no valid bearer token, no open cookie session) → 401;</li>
 *   <li>published but not simulated version → 501;</li>
 *   <li>entity unknown to the contract → 404; in the contract but not simulated (StockItem, ...) → 501.</li>
 * </ol>
 * Entity and action names match case-insensitively, like ASP.NET routing.
 */
final class EntityApi {

    private final AcumaticaSandboxOptions options;
    private final AcumaticaContract contract;
    private final ApiAuthentication authentication;
    private final ObjectMapper mapper;
    private final Map<String, EntityEndpoint> endpoints = new LinkedHashMap<>();
    private final byte[] swaggerJson;

    EntityApi(AcumaticaSandboxOptions options, AcumaticaContract contract, ApiAuthentication authentication,
              ObjectMapper mapper, List<EntityEndpoint> entityEndpoints) {
        this.options = options;
        this.contract = contract;
        this.authentication = authentication;
        this.mapper = mapper;
        entityEndpoints.forEach(e -> endpoints.put(e.name().toLowerCase(Locale.ROOT), e));
        try {
            this.swaggerJson = mapper.writeValueAsBytes(contract.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the contract", e);
        }
    }

    /** @param segments path segments after {@code entity}: endpoint, version, entity, ... */
    SandboxResponse handle(SandboxRequest request, List<String> segments) {
        if (segments.size() < 2 || !isPublished(segments.get(0), segments.get(1))) {
            return HttpErrors.noResource(request.path());
        }
        boolean simulated = AcumaticaSandboxOptions.SIMULATED_ENDPOINT.name().equals(segments.get(0))
                && AcumaticaSandboxOptions.SIMULATED_ENDPOINT.version().equals(segments.get(1));
        if (segments.size() == 3 && segments.get(2).equalsIgnoreCase("swagger.json")
                && request.method().equals("GET")) {
            return simulated ? SandboxResponse.raw(200, SandboxResponse.JSON_TYPE, swaggerJson)
                    : HttpErrors.notSimulated("the OpenAPI document of " + segments.get(0) + "/" + segments.get(1));
        }
        if (!authentication.isSignedIn(request)) {
            return HttpErrors.notLoggedIn();
        }
        if (!simulated) {
            return HttpErrors.notSimulated("the endpoint " + segments.get(0) + "/" + segments.get(1)
                    + " (only " + AcumaticaSandboxOptions.SIMULATED_ENDPOINT.name() + "/"
                    + AcumaticaSandboxOptions.SIMULATED_ENDPOINT.version() + " is)");
        }
        if (segments.size() < 3) {
            return HttpErrors.noResource(request.path());
        }
        String entityName = segments.get(2);
        EntityEndpoint endpoint = endpoints.get(entityName.toLowerCase(Locale.ROOT));
        if (endpoint == null) {
            return contract.hasTopLevelEntity(entityName)
                    ? HttpErrors.notSimulated("the entity " + entityName + " (not implemented yet)")
                    : HttpErrors.noResource(request.path());
        }
        return dispatch(request, endpoint, segments.subList(3, segments.size()));
    }

    private SandboxResponse dispatch(SandboxRequest request, EntityEndpoint endpoint, List<String> rest) {
        QueryOptions query = QueryOptions.parse(request.query());
        switch (request.method()) {
            case "GET" -> {
                if (rest.isEmpty()) {
                    return endpoint.list(query);
                }
                if (rest.size() == 3 && endpoint.hasAction(rest.get(0)) && rest.get(1).equalsIgnoreCase("status")) {
                    return endpoint.actionStatus(rest.get(0), rest.get(2));
                }
                return endpoint.get(rest, query);
            }
            case "PUT" -> {
                if (!rest.isEmpty()) {
                    return HttpErrors.notSimulated("PUT with a path below " + endpoint.name()
                            + " (files are not simulated)");
                }
                if (request.query().containsKey("$filter")) {
                    return HttpErrors.notSimulated("PUT matched by $filter");
                }
                return endpoint.put(parseJson(request.body()), query, writeCondition(request));
            }
            case "POST" -> {
                if (rest.size() != 1) {
                    return HttpErrors.methodNotAllowed("POST");
                }
                return endpoint.hasAction(rest.get(0)) ? endpoint.invoke(rest.get(0), parseJson(request.body()))
                        : HttpErrors.unknownAction(endpoint.name(), rest.get(0));
            }
            case "DELETE" -> {
                return HttpErrors.notSimulated("DELETE " + endpoint.name());
            }
            default -> {
                return HttpErrors.methodNotAllowed(request.method());
            }
        }
    }

    private boolean isPublished(String name, String version) {
        return options.publishedEndpoints().stream()
                .anyMatch(e -> e.name().equals(name) && e.version().equals(version));
    }

    private JsonNode parseJson(String body) {
        if (body.isBlank()) {
            throw new ApiFailure(HttpErrors.invalidField("", "The request body is empty; a JSON object is expected."));
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiFailure(HttpErrors.invalidField("", "The request body is not valid JSON: "
                    + e.getOriginalMessage()));
        }
    }

    /** {@code If-None-Match: *} → insert only; {@code If-Match: *} → update only (both declared in PutEntity_412). */
    private static EntityEndpoint.WriteCondition writeCondition(SandboxRequest request) {
        if (request.header("If-None-Match").map(String::trim).filter("*"::equals).isPresent()) {
            return EntityEndpoint.WriteCondition.INSERT_ONLY;
        }
        if (request.header("If-Match").map(String::trim).filter("*"::equals).isPresent()) {
            return EntityEndpoint.WriteCondition.UPDATE_ONLY;
        }
        return EntityEndpoint.WriteCondition.ANY;
    }
}
