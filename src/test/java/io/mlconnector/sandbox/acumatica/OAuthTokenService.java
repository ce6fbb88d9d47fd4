package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Acumatica's identity server, reduced to what the connector uses: {@code POST /identity/connect/token} with the
 * Resource Owner Password Credentials grant and the refresh-token grant.
 *
 * <ul>
 *   <li>The scope must include {@code api}; {@code offline_access} adds a refresh token.</li>
 *   <li>Refresh tokens rotate: each refresh returns a new one and the old one stops working
 *       ({@code invalid_grant}), the behaviour keboola's connector persists against. A chain ends
 *       {@code refreshTokenLifetime} after the first sign-in.</li>
 *   <li>Client credentials come in the form body or as HTTP Basic.</li>
 *   <li>Errors are OAuth JSON with status 400, as IdentityServer answers ({@code invalid_client} included).</li>
 *   <li>Every grant holds an API session (a licence seat, {@link ApiSessionStore}): a password grant opens one, a
 *       refresh reuses the chain's session (re-opening it if it idled out), and a bearer call keeps it alive. With
 *       the {@code api} scope alone the session also ends when its access token expires. A grant that finds every
 *       seat taken is refused with 400 {@code invalid_grant} and the description {@code API Login Limit}: Acumatica
 *       raises "API Login Limit" (the official C# client looks for that text in any failed token response and maps
 *       it to 429); the status IdentityServer gives it is UNVERIFIED, 400 is what it gives every refused grant.</li>
 * </ul>
 *
 * <p>Secrets are compared in constant time and never logged. Thread-safe.
 */
final class OAuthTokenService {

    /** Who a token speaks for. The session id stays the same across refreshes, as with {@code offline_access}. */
    record Grant(String username, String clientId, List<String> scopes, String sessionId) {
    }

    private record AccessToken(Grant grant, Instant expiresAt) {
    }

    private record RefreshToken(Grant grant, Instant chainExpiresAt) {
    }

    private static final Set<String> KNOWN_SCOPES = Set.of("api", "offline_access", "api:concurrent_access",
            "openid", "profile", "email");
    /** Beyond this many live tokens, expired ones are swept on the next issue (a limit on memory). */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, String> clientSecrets = new HashMap<>();
    private final UserDirectory users;
    private final Duration accessLifetime;
    private final Duration refreshChainLifetime;
    private final Clock clock;
    private final Ids ids;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final ApiSessionStore sessions;

    OAuthTokenService(AcumaticaSandboxOptions options, Clock clock, Ids ids, ApiSessionStore sessions) {
        this.sessions = sessions;
        options.clients().forEach(c -> clientSecrets.put(c.clientId(), c.clientSecret()));
        this.users = new UserDirectory(options.users());
        this.accessLifetime = options.accessTokenLifetime();
        this.refreshChainLifetime = options.refreshTokenLifetime();
        this.clock = clock;
        this.ids = ids;
    }

    SandboxResponse token(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return HttpErrors.methodNotAllowed(request.method());
        }
        String contentType = request.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return oauthError("invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }
        Map<String, String> form = parseForm(request.body());
        Optional<String> clientId = authenticateClient(request, form);
        if (clientId.isEmpty()) {
            return oauthError("invalid_client", null);
        }
        String grantType = form.getOrDefault("grant_type", "");
        return switch (grantType) {
            case "password" -> passwordGrant(clientId.get(), form);
            case "refresh_token" -> refreshGrant(clientId.get(), form);
            case "" -> oauthError("invalid_request", "grant_type is missing.");
            default -> oauthError("unsupported_grant_type", null);
        };
    }

    /** The grant behind a valid, unexpired bearer token; the call keeps its session alive. */
    Optional<Grant> authenticate(SandboxRequest request) {
        Optional<AccessToken> valid = validToken(request);
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = valid.get();
        // A valid token whose session idled out takes a seat again; with none free it is refused like an expired
        // one, and the client's refresh then meets "API Login Limit".
        if (!sessions.openOrResume(token.grant().sessionId(), sessionEnd(token.grant(), token.expiresAt()))) {
            return Optional.empty();
        }
        return Optional.of(token.grant());
    }

    /** The grant behind a valid bearer token, without touching its session (for sign-out). */
    Optional<Grant> grantOf(SandboxRequest request) {
        return validToken(request).map(AccessToken::grant);
    }

    /** True if the request carries a bearer token at all (valid or not). */
    static boolean hasBearerToken(SandboxRequest request) {
        return request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
    }

    private Optional<AccessToken> validToken(SandboxRequest request) {
        if (!hasBearerToken(request)) {
            return Optional.empty();
        }
        AccessToken token = accessTokens.get(request.header("Authorization").orElseThrow().substring(7).trim());
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /**
     * Signs the grant's session out: its seat is freed and its access and refresh tokens stop working (sandbox
     * choice; Acumatica documents sign-out as ending the session).
     */
    void signOut(Grant grant) {
        String sessionId = grant.sessionId();
        sessions.close(sessionId);
        accessTokens.values().removeIf(t -> t.grant().sessionId().equals(sessionId));
        refreshTokens.values().removeIf(t -> t.grant().sessionId().equals(sessionId));
    }

    /** Every access token issued so far stops working; refresh tokens still work (a session expiry). */
    void expireAllAccessTokens() {
        accessTokens.replaceAll((token, issued) -> new AccessToken(issued.grant(), Instant.MIN));
    }

    private SandboxResponse passwordGrant(String clientId, Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        if (!users.accepts(username, form.getOrDefault("password", ""))) {
            return oauthError("invalid_grant", "invalid_username_or_password");
        }
        List<String> scopes = scopes(form.getOrDefault("scope", ""));
        if (!scopes.contains("api") || !KNOWN_SCOPES.containsAll(scopes)) {
            return oauthError("invalid_scope", null);
        }
        Grant grant = new Grant(username, clientId, scopes, ids.newGuid());
        if (!sessions.openOrResume(grant.sessionId(), sessionEnd(grant, clock.instant().plus(accessLifetime)))) {
            return apiLoginLimit();
        }
        return issue(grant, clock.instant().plus(refreshChainLifetime));
    }

    private SandboxResponse refreshGrant(String clientId, Map<String, String> form) {
        String presented = form.getOrDefault("refresh_token", "");
        // Removing first makes rotation atomic: two concurrent refreshes with one token cannot both succeed.
        RefreshToken token = presented.isEmpty() ? null : refreshTokens.remove(presented);
        if (token == null) {
            return oauthError("invalid_grant", null);
        }
        if (!token.grant().clientId().equals(clientId) || !clock.instant().isBefore(token.chainExpiresAt())) {
            return oauthError("invalid_grant", null);
        }
        if (!sessions.openOrResume(token.grant().sessionId(), null)) {
            // Refused, not consumed: the client may try the same refresh token again once a seat is free.
            refreshTokens.put(presented, token);
            return apiLoginLimit();
        }
        return issue(token.grant(), token.chainExpiresAt());
    }

    private SandboxResponse issue(Grant grant, Instant chainExpiresAt) {
        sweepIfLarge();
        Instant now = clock.instant();
        String accessToken = ids.newToken();
        accessTokens.put(accessToken, new AccessToken(grant, now.plus(accessLifetime)));
        ObjectNode body = ValueObjects.NODES.objectNode();
        body.put("access_token", accessToken);
        body.put("expires_in", accessLifetime.toSeconds());
        body.put("token_type", "Bearer");
        if (grant.scopes().contains("offline_access")) {
            String refreshToken = ids.newToken();
            refreshTokens.put(refreshToken, new RefreshToken(grant, chainExpiresAt));
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", String.join(" ", grant.scopes()));
        return SandboxResponse.json(200, body)
                .withHeader("Cache-Control", "no-store, no-cache, max-age=0")
                .withHeader("Pragma", "no-cache");
    }

    private Optional<String> authenticateClient(SandboxRequest request, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.header("Authorization").orElse("");
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String expected = clientId == null ? null : clientSecrets.get(clientId);
        if (expected == null || secret == null || !UserDirectory.constantTimeEquals(expected, secret)) {
            return Optional.empty();
        }
        return Optional.of(clientId);
    }

    /**
     * With {@code offline_access} a session lives as long as it is used; with {@code api} alone, until its token
     * ends.
     */
    private static Instant sessionEnd(Grant grant, Instant accessTokenExpiry) {
        return grant.scopes().contains("offline_access") ? null : accessTokenExpiry;
    }

    private static SandboxResponse apiLoginLimit() {
        return oauthError("invalid_grant", "API Login Limit");
    }

    private void sweepIfLarge() {
        if (accessTokens.size() + refreshTokens.size() < SWEEP_THRESHOLD) {
            return;
        }
        Instant now = clock.instant();
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        refreshTokens.values().removeIf(t -> !now.isBefore(t.chainExpiresAt()));
    }

    private static List<String> scopes(String scope) {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList()));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static SandboxResponse oauthError(String error, String description) {
        ObjectNode body = ValueObjects.NODES.objectNode();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return SandboxResponse.json(400, body).withHeader("Cache-Control", "no-store, no-cache, max-age=0");
    }
}
