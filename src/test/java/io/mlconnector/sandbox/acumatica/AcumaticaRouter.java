package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Top-level routing of the simulated site (paths below the instance path):
 * <ul>
 *   <li>{@code GET /entity} – the public list of published endpoints and the build version;</li>
 *   <li>{@code POST /identity/connect/token} and {@code GET /identity/.well-known/openid-configuration};</li>
 *   <li>{@code POST /entity/auth/login|logout} – cookie sign-in and sign-out ({@link CookieSignIn});</li>
 *   <li>{@code /entity/<Endpoint>/<Version>/...} – the contract-based API ({@link EntityApi}).</li>
 * </ul>
 */
final class AcumaticaRouter {

    private final AcumaticaSandboxOptions options;
    private final OAuthTokenService tokens;
    private final CookieSignIn signIn;
    private final EntityApi entityApi;
    private final String baseUrl;

    AcumaticaRouter(AcumaticaSandboxOptions options, OAuthTokenService tokens, CookieSignIn signIn,
                    EntityApi entityApi, String baseUrl) {
        this.options = options;
        this.tokens = tokens;
        this.signIn = signIn;
        this.entityApi = entityApi;
        this.baseUrl = baseUrl;
    }

    SandboxResponse route(SandboxRequest request) {
        List<String> segments = request.segments();
        if (segments == null || segments.isEmpty()) {
            return HttpErrors.noResource(request.path());
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("identity")) {
            return identity(request, segments);
        }
        if (!first.equals("entity")) {
            return HttpErrors.noResource(request.path());
        }
        if (segments.size() == 1) {
            return request.method().equals("GET") ? SandboxResponse.json(200, endpointList())
                    : HttpErrors.methodNotAllowed(request.method());
        }
        if (segments.get(1).equalsIgnoreCase("auth")) {
            String action = segments.size() == 3 ? segments.get(2).toLowerCase(Locale.ROOT) : "";
            return switch (action) {
                case "login" -> signIn.login(request);
                case "logout" -> signIn.logout(request);
                default -> HttpErrors.noResource(request.path());
            };
        }
        return entityApi.handle(request, segments.subList(1, segments.size()));
    }

    private SandboxResponse identity(SandboxRequest request, List<String> segments) {
        if (segments.size() == 3 && segments.get(1).equalsIgnoreCase("connect")
                && segments.get(2).equalsIgnoreCase("token")) {
            return tokens.token(request);
        }
        if (segments.size() == 3 && segments.get(1).equals(".well-known")
                && segments.get(2).equals("openid-configuration") && request.method().equals("GET")) {
            return SandboxResponse.json(200, openIdConfiguration());
        }
        return HttpErrors.noResource(request.path());
    }

    /**
     * The shape public clients parse (keboola {@code get_tenant_versions}, the C# client's RootApi {@code Version}
     * model, AcuCli): {@code version.acumaticaBuildVersion/databaseVersion} and {@code endpoints[].name/version/href}.
     */
    private ObjectNode endpointList() {
        ObjectNode body = ValueObjects.NODES.objectNode();
        ObjectNode version = body.putObject("version");
        version.put("acumaticaBuildVersion", options.acumaticaBuildVersion());
        version.put("databaseVersion", options.acumaticaBuildVersion());
        ArrayNode endpoints = body.putArray("endpoints");
        for (AcumaticaSandboxOptions.PublishedEndpoint endpoint : options.publishedEndpoints()) {
            ObjectNode entry = endpoints.addObject();
            entry.put("name", endpoint.name());
            entry.put("version", endpoint.version());
            entry.put("href", options.instancePath() + "/entity/" + endpoint.name() + "/" + endpoint.version() + "/");
        }
        return body;
    }

    private ObjectNode openIdConfiguration() {
        ObjectNode body = ValueObjects.NODES.objectNode();
        body.put("issuer", baseUrl + "/identity");
        body.put("authorization_endpoint", baseUrl + "/identity/connect/authorize");
        body.put("token_endpoint", baseUrl + "/identity/connect/token");
        body.put("end_session_endpoint", baseUrl + "/identity/connect/endsession");
        ArrayNode grants = body.putArray("grant_types_supported");
        grants.add("password").add("refresh_token");
        ArrayNode scopes = body.putArray("scopes_supported");
        scopes.add("api").add("offline_access").add("api:concurrent_access").add("openid").add("profile")
                .add("email");
        return body;
    }
}
