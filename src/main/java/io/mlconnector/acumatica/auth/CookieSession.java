package io.mlconnector.acumatica.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.AcumaticaApi;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.secrets.AcumaticaCredentials;
import io.mlconnector.secrets.CredentialStore;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The legacy cookie login ({@code POST /entity/auth/login} with name, password, tenant and branch), for instances
 * without an OAuth connected application. Every unit of work ends with {@code /entity/auth/logout}: a cookie session
 * holds one of the licence's API-user seats until it signs out or idles out. Acumatica plans to discontinue this login;
 * prefer OAuth.
 */
public final class CookieSession implements ApiSession, ClientRequestFilter {
    private final Supplier<AcumaticaApi> api;
    private final CredentialStore credentials;
    private final Optional<String> tenant;
    private final Optional<String> branch;
    private final ObjectMapper json;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public CookieSession(Supplier<AcumaticaApi> api, CredentialStore credentials, Optional<String> tenant,
                         Optional<String> branch, ObjectMapper json) {
        this.api = api;
        this.credentials = credentials;
        this.tenant = tenant;
        this.branch = branch;
        this.json = json;
    }

    @Override
    public synchronized String authorization() {
        if (cookies.isEmpty()) {
            signIn();
        }
        return null;
    }

    @Override
    public synchronized void invalidate() {
        cookies.clear();
    }

    @Override
    public synchronized void end() {
        if (cookies.isEmpty()) {
            return;
        }
        try (Response ignored = api.get().logout()) {
            // Sign-out bypasses Acumatica's request queue; its answer carries nothing we need.
        } catch (ProcessingException e) {
            // The seat frees itself after the idle timeout; nothing to retry here.
        } finally {
            cookies.clear();
        }
    }

    /** Adds the session cookies to every request but the sign-in itself. */
    @Override
    public synchronized void filter(ClientRequestContext request) {
        if (!cookies.isEmpty() && !request.getUri().getPath().endsWith("/entity/auth/login")) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            request.getHeaders().putSingle("Cookie", header.toString());
        }
    }

    private void signIn() {
        AcumaticaCredentials account = credentials.acumatica();
        ObjectNode body = json.createObjectNode();
        body.put("name", account.username());
        body.put("password", account.password().reveal());
        tenant.ifPresent(value -> body.put("tenant", value));
        branch.ifPresent(value -> body.put("branch", value));
        try (Response response = api.get().login(body.toString())) {
            String answer = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() == 204 || response.getStatus() == 200) {
                for (NewCookie cookie : response.getCookies().values()) {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
                if (cookies.isEmpty()) {
                    throw new AcumaticaException.AuthFailed("sign in", response.getStatus(), "no session cookie returned");
                }
                return;
            }
            if (answer.contains("API Login Limit")) {
                throw new AcumaticaException.AuthFailed("sign in", response.getStatus(),
                        "API Login Limit: every licensed API-user session is in use");
            }
            if (response.getStatus() == 429 || response.getStatus() >= 500 && !answer.contains("Invalid credentials")) {
                throw new AcumaticaException.Transient("sign in", response.getStatus(), "sign-in unavailable");
            }
            throw new AcumaticaException.AuthFailed("sign in", response.getStatus(), "user name, password or tenant refused");
        } catch (ProcessingException e) {
            throw new AcumaticaException.Transient("sign in", 0, "network failure");
        }
    }
}
