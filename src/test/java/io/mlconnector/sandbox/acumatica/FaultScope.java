package io.mlconnector.sandbox.acumatica;

import java.util.Locale;
import java.util.Objects;

/**
 * Which requests a fault applies to. Build with the factories, e.g. {@code FaultScope.of("PUT", "SalesInvoice")}.
 *
 * @param target which part of the site: any request, contract-API calls ({@code /entity/...}), or the token endpoint
 * @param method HTTP method to match, or null for any
 * @param entity entity name to match (contract-API calls only, case-insensitive), or null for any
 */
public record FaultScope(Target target, String method, String entity) {

    /** The part of the site a scope covers. */
    public enum Target { ANY_REQUEST, ENTITY_API, TOKEN_ENDPOINT }

    public FaultScope {
        Objects.requireNonNull(target, "target");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** Every request, including the token endpoint and {@code GET /entity}. */
    public static FaultScope anyRequest() {
        return new FaultScope(Target.ANY_REQUEST, null, null);
    }

    /** Every call to the contract-based API ({@code /entity/<Endpoint>/<Version>/...}); the default scope. */
    public static FaultScope anyEntityCall() {
        return new FaultScope(Target.ENTITY_API, null, null);
    }

    /** Every call on one entity, e.g. {@code SalesInvoice} (includes its actions and status polls). */
    public static FaultScope entity(String entity) {
        return new FaultScope(Target.ENTITY_API, null, entity);
    }

    /** Calls with one method on one entity, e.g. {@code of("PUT", "SalesInvoice")}. */
    public static FaultScope of(String method, String entity) {
        return new FaultScope(Target.ENTITY_API, method, entity);
    }

    /** Calls with one method on any entity, e.g. {@code method("PUT")}. */
    public static FaultScope method(String method) {
        return new FaultScope(Target.ENTITY_API, method, null);
    }

    /** {@code POST /identity/connect/token}. */
    public static FaultScope tokenEndpoint() {
        return new FaultScope(Target.TOKEN_ENDPOINT, null, null);
    }

    boolean matches(String requestMethod, RequestTarget requestTarget) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        return switch (target) {
            case ANY_REQUEST -> true;
            case TOKEN_ENDPOINT -> requestTarget.kind() == RequestTarget.Kind.TOKEN_ENDPOINT;
            case ENTITY_API -> requestTarget.kind() == RequestTarget.Kind.ENTITY_API
                    && (entity == null || entity.equalsIgnoreCase(requestTarget.entity()));
        };
    }
}
