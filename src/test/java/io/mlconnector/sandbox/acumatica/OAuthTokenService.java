package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private final Map<String, String> userPasswords = new HashMap<>();
    private final Duration accessLifetime;
    private final Duration refreshChainLifetime;
    private final Clock clock;
    private final Ids ids;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    OAuthTokenService(AcumaticaSandboxOptions options, Clock clock, Ids ids) {
        options.clients().forEach(c -> clientSecrets.put(c.clientId(), c.clientSecret()));
        options.users().forEach(u -> userPasswords.put(u.username(), u.password()));
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

    /** The grant behind a valid, unexpired bearer token. */
    Optional<Grant> authenticate(SandboxRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        AccessToken token = accessTokens.get(header.substring(7).trim());
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token.grant());
    }

    /** Every access token issued so far stops working; refresh tokens still work (a session expiry). */
    void expireAllAccessTokens() {
        accessTokens.replaceAll((token, issued) -> new AccessToken(issued.grant(), Instant.MIN));
    }

    private SandboxResponse passwordGrant(String clientId, Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        String expected = userPasswords.get(username);
        if (expected == null || !constantTimeEquals(expected, form.getOrDefault("password", ""))) {
            return oauthError("invalid_grant", "invalid_username_or_password");
        }
        List<String> scopes = scopes(form.getOrDefault("scope", ""));
        if (!scopes.contains("api") || !KNOWN_SCOPES.containsAll(scopes)) {
            return oauthError("invalid_scope", null);
        }
        Grant grant = new Grant(username, clientId, scopes, ids.newGuid());
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
        if (expected == null || secret == null || !constantTimeEquals(expected, secret)) {
            return Optional.empty();
        }
        return Optional.of(clientId);
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

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
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
