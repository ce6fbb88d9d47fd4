package io.mlconnector.acumatica.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.AcumaticaApi;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.config.AcumaticaConfig;
import io.mlconnector.secrets.AcumaticaCredentials;
import io.mlconnector.secrets.CredentialStore;
import io.mlconnector.secrets.Secret;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth 2.0 password grant with {@code api offline_access}, refreshed before expiry and once on a 401. The chain is
 * kept in a {@link TokenStore} shared by all containers, so the connector holds one licensed Acumatica session: a
 * container uses the stored token, and only one container renews it (a conditional replace decides which); every
 * rotated refresh token is stored at once.
 */
public final class TokenProvider implements ApiSession {
    private final AcumaticaApi api;
    private final CredentialStore credentials;
    private final AcumaticaConfig config;
    private final TokenStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private TokenStore.Stored current;

    public TokenProvider(AcumaticaApi api, CredentialStore credentials, AcumaticaConfig config, TokenStore store,
                         ObjectMapper json, Clock clock) {
        this.api = api;
        this.credentials = credentials;
        this.config = config;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The {@code Authorization} header value, getting or renewing the shared token as needed. */
    @Override
    public synchronized String authorization() {
        if (current == null || isStale(current.token())) {
            current = freshToken();
        }
        return "Bearer " + current.token().accessToken().reveal();
    }

    /** The chain stays: with {@code offline_access} Acumatica reuses one session for it, so there is nothing to end. */
    @Override
    public void end() {
    }

    /** Acumatica said 401: this token is no good even if it has not expired; renew it on the next call. */
    @Override
    public synchronized void invalidate() {
        if (current != null) {
            AccessToken rejected = current.token();
            current = new TokenStore.Stored(new AccessToken(rejected.accessToken(), rejected.refreshToken(),
                    Instant.EPOCH), current.version());
        }
    }

    private TokenStore.Stored freshToken() {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<TokenStore.Stored> stored = store.read();
            if (stored.isPresent() && !isStale(stored.get().token()) && !isRejected(stored.get())) {
                return stored.get();
            }
            long version = stored.map(TokenStore.Stored::version).orElse(0L);
            AccessToken renewed = renew(stored.map(TokenStore.Stored::token));
            if (store.replace(version, renewed)) {
                return new TokenStore.Stored(renewed, version + 1);
            }
            // Another container renewed first; its token is now the chain's: read it again.
        }
        throw new AcumaticaException.Transient("get Acumatica token", 0, "token chain kept changing under us");
    }

    /** The stored token is the very one Acumatica just refused. */
    private boolean isRejected(TokenStore.Stored stored) {
        return current != null && current.version() == stored.version()
                && current.token().expiresAt().equals(Instant.EPOCH);
    }

    private boolean isStale(AccessToken token) {
        return token.expiresBefore(clock.instant().plus(config.tokenRefreshMargin()));
    }

    private AccessToken renew(Optional<AccessToken> previous) {
        AcumaticaCredentials account = credentials.acumatica();
        Optional<Secret> refreshToken = previous.flatMap(AccessToken::refreshToken);
        if (refreshToken.isPresent()) {
            MultivaluedMap<String, String> form = baseForm(account, "refresh_token");
            form.add("refresh_token", refreshToken.get().reveal());
            Optional<AccessToken> refreshed = request(form, true);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        MultivaluedMap<String, String> form = baseForm(account, "password");
        form.add("username", account.username());
        form.add("password", account.password().reveal());
        form.add("scope", config.scope());
        return request(form, false).orElseThrow();
    }

    private MultivaluedMap<String, String> baseForm(AcumaticaCredentials account, String grantType) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", account.clientId());
        form.add("client_secret", account.clientSecret().reveal());
        return form;
    }

    /** Empty when a refresh token was refused (expired chain), so the caller falls back to the password grant. */
    private Optional<AccessToken> request(MultivaluedMap<String, String> form, boolean isRefresh) {
        String operation = isRefresh ? "refresh Acumatica token" : "get Acumatica token";
        try (Response response = api.token(form)) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            if (status == 200) {
                return Optional.of(parse(body, operation));
            }
            String error = errorCode(body);
            if (isRefresh && status == 400 && "invalid_grant".equals(error)) {
                return Optional.empty();
            }
            if (body.contains("API Login Limit")) {
                throw new AcumaticaException.AuthFailed(operation, status,
                        "API Login Limit: every licensed API-user session is in use");
            }
            if (status == 429 || status >= 500) {
                throw new AcumaticaException.Transient(operation, status, "token endpoint unavailable");
            }
            throw new AcumaticaException.AuthFailed(operation, status,
                    "token request refused (" + (error.isEmpty() ? "no error code" : error) + ")");
        } catch (ProcessingException e) {
            throw new AcumaticaException.Transient(operation, 0, "network failure");
        }
    }

    private AccessToken parse(String body, String operation) {
        try {
            JsonNode token = json.readTree(body);
            String access = token.path("access_token").asText("");
            if (access.isEmpty()) {
                throw new AcumaticaException.AuthFailed(operation, 200, "no access_token in the answer");
            }
            Optional<Secret> refresh = Optional.ofNullable(token.path("refresh_token").asText(null))
                    .filter(value -> !value.isBlank()).map(Secret::of);
            long lifetime = token.path("expires_in").asLong(3600);
            return new AccessToken(Secret.of(access), refresh, clock.instant().plusSeconds(lifetime));
        } catch (IOException e) {
            throw new AcumaticaException.Transient(operation, 200, "token answer was not JSON");
        }
    }

    private String errorCode(String body) {
        try {
            return json.readTree(body).path("error").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
