package io.mlconnector.sandbox.acumatica;

import java.util.Locale;

/**
 * What a request is aimed at, worked out from its path before routing so that faults and the licence gate can be
 * scoped to it.
 *
 * @param kind   which part of the site the request addresses
 * @param entity for {@link Kind#ENTITY_API}, the entity segment (e.g. {@code SalesInvoice}); otherwise null
 * @param action for a POST to {@code <entity>/<Action>} (e.g. {@code ReleaseSalesInvoice}), the action segment;
 *               otherwise null
 */
record RequestTarget(Kind kind, String entity, String action) {

    enum Kind { ENDPOINT_LIST, TOKEN_ENDPOINT, IDENTITY_OTHER, SIGN_IN, SIGN_OUT, ENTITY_API, OTHER }

    static RequestTarget of(SandboxRequest request) {
        var segments = request.segments();
        if (segments == null || segments.isEmpty()) {
            return new RequestTarget(Kind.OTHER, null, null);
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("entity")) {
            if (segments.size() == 1) {
                return new RequestTarget(Kind.ENDPOINT_LIST, null, null);
            }
            if (segments.size() == 3 && segments.get(1).equalsIgnoreCase("auth")) {
                String action = segments.get(2).toLowerCase(Locale.ROOT);
                if (action.equals("login")) {
                    return new RequestTarget(Kind.SIGN_IN, null, null);
                }
                if (action.equals("logout")) {
                    return new RequestTarget(Kind.SIGN_OUT, null, null);
                }
            }
            String action = segments.size() == 5 && request.method().equals("POST") ? segments.get(4) : null;
            return new RequestTarget(Kind.ENTITY_API, segments.size() >= 4 ? segments.get(3) : null, action);
        }
        if (first.equals("identity")) {
            boolean token = segments.size() == 3 && segments.get(1).equalsIgnoreCase("connect")
                    && segments.get(2).equalsIgnoreCase("token");
            return new RequestTarget(token ? Kind.TOKEN_ENDPOINT : Kind.IDENTITY_OTHER, null, null);
        }
        return new RequestTarget(Kind.OTHER, null, null);
    }

    /**
     * Whether the licence's request queue applies: every API request except sign-out, which Acumatica processes
     * immediately. The identity server's token endpoint is not a contract-API request and is not queued (sandbox
     * reading of the licence page, which speaks of "API requests").
     */
    boolean isQueuedByLicence() {
        return kind == Kind.ENTITY_API || kind == Kind.ENDPOINT_LIST || kind == Kind.SIGN_IN;
    }
}
