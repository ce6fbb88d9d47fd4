package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The legacy cookie sign-in of the contract-based API ("Sign In to the Service" / "Sign Out from the Service"):
 *
 * <ul>
 *   <li>{@code POST /entity/auth/login} with {@code {"name", "password", "tenant" | "company", "branch", "locale"}}
 *       (JSON or form) answers 204 with the {@code ASP.NET_SessionId} and {@code .ASPXAUTH} cookies; later
 *       {@code /entity} calls authenticate with both. Sending both {@code tenant} and {@code company} is 400 (the
 *       C# client refuses to send both; the server's answer to it is UNVERIFIED). A tenant other than the seed's is
 *       treated like a wrong password.</li>
 *   <li>Wrong credentials: 500 with {@code PX.Data.PXException} "Invalid credentials. Please try again." (shape as
 *       public clients report it; UNVERIFIED).</li>
 *   <li>No free API seat: 429 whose body says "API Login Limit". Public clients report both 429 and 500 for this; the
 *       official C# client turns any failed sign-in whose body contains "API Login Limit" into a 429 error, so the
 *       sandbox answers 429 directly.</li>
 *   <li>{@code POST /entity/auth/logout} answers 204 and ends the session named by the cookies, or the OAuth session
 *       of a bearer token; it never waits in the licence queue. Without any session it still answers 204
 *       (UNVERIFIED).</li>
 * </ul>
 * A cookie session that idles out (the licence's session timeout) answers 401 like an expired token. Thread-safe.
 */
final class CookieSignIn {

    static final String SESSION_COOKIE = "ASP.NET_SessionId";
    static final String AUTH_COOKIE = ".ASPXAUTH";

    private record CookieSession(String authTicket) {
    }

    private final UserDirectory users;
    private final String tenantName;
    private final ApiSessionStore seats;
    private final OAuthTokenService tokens;
    private final Ids ids;
    private final ObjectMapper mapper;
    private final Map<String, CookieSession> sessions = new ConcurrentHashMap<>();

    CookieSignIn(UserDirectory users, String tenantName, ApiSessionStore seats, OAuthTokenService tokens, Ids ids,
                 ObjectMapper mapper) {
        this.users = users;
        this.tenantName = tenantName;
        this.seats = seats;
        this.tokens = tokens;
        this.ids = ids;
        this.mapper = mapper;
    }

    SandboxResponse login(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return HttpErrors.methodNotAllowed(request.method());
        }
        Map<String, String> credentials = parseCredentials(request);
        if (credentials.containsKey("tenant") && credentials.containsKey("company")) {
            return HttpErrors.invalidField("tenant",
                    "Specify the tenant either as 'tenant' or as 'company', not both.");
        }
        String tenant = credentials.getOrDefault("tenant", credentials.get("company"));
        boolean knownTenant = tenant == null || tenant.isBlank() || tenant.trim().equalsIgnoreCase(tenantName);
        if (!knownTenant || !users.accepts(credentials.get("name"), credentials.get("password"))) {
            return HttpErrors.serverException("Invalid credentials. Please try again.", "PX.Data.PXException", 500);
        }
        String sessionId = ids.newToken().substring(0, 24).toLowerCase(Locale.ROOT);
        if (!seats.openOrResume(sessionId, null)) {
            return HttpErrors.serverException("API Login Limit", "PX.Data.PXException", 429);
        }
        String ticket = ids.newToken();
        sessions.put(sessionId, new CookieSession(ticket));
        return SandboxResponse.empty(204)
                .withAddedHeader("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; path=/; HttpOnly; SameSite=Lax")
                .withAddedHeader("Set-Cookie", AUTH_COOKIE + "=" + ticket + "; path=/; HttpOnly");
    }

    SandboxResponse logout(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return HttpErrors.methodNotAllowed(request.method());
        }
        cookieSessionId(request).ifPresent(id -> {
            sessions.remove(id);
            seats.close(id);
        });
        tokens.grantOf(request).ifPresent(tokens::signOut);
        return SandboxResponse.empty(204)
                .withAddedHeader("Set-Cookie", SESSION_COOKIE + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/")
                .withAddedHeader("Set-Cookie", AUTH_COOKIE + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
    }

    /** True if the request carries the cookies of an open session; the call keeps that session alive. */
    boolean authenticate(SandboxRequest request) {
        Optional<String> id = cookieSessionId(request);
        if (id.isEmpty()) {
            return false;
        }
        if (!seats.touch(id.get())) {
            sessions.remove(id.get()); // idled out: the cookie is dead for good
            return false;
        }
        return true;
    }

    /** The session id of the request's cookies, if both cookies match an open cookie session. */
    private Optional<String> cookieSessionId(SandboxRequest request) {
        Map<String, String> cookies = cookies(request);
        String id = cookies.get(SESSION_COOKIE);
        String ticket = cookies.get(AUTH_COOKIE);
        CookieSession session = id == null ? null : sessions.get(id);
        if (session == null || ticket == null || !UserDirectory.constantTimeEquals(session.authTicket(), ticket)) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static Map<String, String> cookies(SandboxRequest request) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : request.headers().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return cookies;
    }

    private Map<String, String> parseCredentials(SandboxRequest request) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return OAuthTokenService.parseForm(request.body());
        }
        JsonNode body;
        try {
            body = mapper.readTree(request.body().isBlank() ? "{}" : request.body());
        } catch (JsonProcessingException e) {
            throw new ApiFailure(HttpErrors.invalidField("", "The sign-in body is not valid JSON."));
        }
        if (!(body instanceof ObjectNode object)) {
            throw new ApiFailure(HttpErrors.invalidField("", "The sign-in body must be a JSON object."));
        }
        Map<String, String> credentials = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> members = object.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!member.getValue().isNull()) {
                credentials.put(member.getKey().toLowerCase(Locale.ROOT), member.getValue().asText());
            }
        }
        return credentials;
    }
}
