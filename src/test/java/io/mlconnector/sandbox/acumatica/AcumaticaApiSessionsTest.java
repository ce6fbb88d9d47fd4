package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.mlconnector.sandbox.acumatica.SandboxTestClient.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API-user sessions: the licence's seat limit for OAuth grants and cookie sign-ins ("API Login Limit"), refresh
 * chains reusing their session, sign-out freeing the seat, and the idle timeout.
 */
class AcumaticaApiSessionsTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    private static final String LOGIN = "{\"name\": \"admin\", \"password\": \"sandbox-password\"}";

    private AcumaticaSandbox sandbox;
    private SandboxClock clock;

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    // ------------------------------------------------------------------ OAuth

    @Test
    void passwordGrant_shouldAnswerApiLoginLimit_whenEverySeatIsTaken() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().apiUserLimit(2));
        client.signInWithOAuth("api offline_access");
        client.signInWithOAuth("api offline_access");

        HttpResponse<String> third = client.passwordGrant("api offline_access");

        assertEquals(400, third.statusCode());
        JsonNode body = JSON.readTree(third.body());
        assertEquals("invalid_grant", body.path("error").asText());
        assertEquals("API Login Limit", body.path("error_description").asText());
        assertEquals(2, sandbox.openApiSessions());
    }

    @Test
    void refreshGrant_shouldReuseTheChainsSession_withoutTakingAnotherSeat() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().apiUserLimit(1));
        String refresh = client.signInWithOAuth("api offline_access").path("refresh_token").asText();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refreshed = client.refresh(refresh);
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            JsonNode token = JSON.readTree(refreshed.body());
            refresh = token.path("refresh_token").asText();
            client.useToken(token.path("access_token").asText());
            assertEquals(200, client.get("Customer").statusCode());
        }

        assertEquals(1, sandbox.openApiSessions());
        assertEquals(400, client.passwordGrant("api offline_access").statusCode(), "the one seat is the chain's");
    }

    @Test
    void signOutWithABearerToken_shouldFreeTheSeat_andEndTheGrant() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().apiUserLimit(1));
        String refresh = client.signInWithOAuth("api offline_access").path("refresh_token").asText();

        assertEquals(204, client.signOut().statusCode());

        assertEquals(0, sandbox.openApiSessions());
        assertEquals(401, client.get("Customer").statusCode());
        assertEquals("invalid_grant", JSON.readTree(client.refresh(refresh).body()).path("error").asText());
        client.signInWithOAuth("api offline_access");
        assertEquals(200, client.get("Customer").statusCode());
    }

    @Test
    void idleTimeout_shouldFreeTheSeat_andAStaleChainMeetsTheLimit() throws Exception {
        SandboxTestClient first = start(AcumaticaSandboxOptions.builder().apiUserLimit(1));
        String staleRefresh = first.signInWithOAuth("api offline_access").path("refresh_token").asText();
        clock.advance(Duration.ofMinutes(21));

        SandboxTestClient second = new SandboxTestClient(sandbox);
        second.signInWithOAuth("api offline_access");

        assertEquals(200, second.get("Customer").statusCode());
        assertEquals(401, first.get("Customer").statusCode(), "its token is valid, but no seat is free");
        assertEquals("API Login Limit",
                JSON.readTree(first.refresh(staleRefresh).body()).path("error_description").asText());
        assertEquals(204, second.signOut().statusCode());
        assertEquals(200, first.refresh(staleRefresh).statusCode(), "the refused refresh token was not consumed");
    }

    @Test
    void apiScopeOnly_shouldCloseTheSession_whenItsAccessTokenExpires() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().apiUserLimit(1)
                .sessionIdleTimeout(Duration.ofHours(3)));
        client.signInWithOAuth("api");
        assertEquals(400, client.passwordGrant("api").statusCode());

        clock.advance(Duration.ofMinutes(61));

        assertEquals(0, sandbox.openApiSessions());
        assertEquals(200, client.passwordGrant("api").statusCode());
    }

    // ------------------------------------------------------------------ cookie sign-in

    @Test
    void cookieSignIn_shouldSetSessionCookies_acceptedByEntityCalls_untilSignOut() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder());

        HttpResponse<String> signIn = client.signInWithCookies("""
                {"name": "admin", "password": "sandbox-password", "tenant": "SandboxTenant", "branch": "HQ"}""");

        assertEquals(204, signIn.statusCode());
        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("ASP.NET_SessionId=")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(".ASPXAUTH=")), cookies.toString());
        assertEquals(200, client.get("Customer").statusCode());
        assertEquals(1, sandbox.openApiSessions());

        assertEquals(204, client.signOut().statusCode());

        assertEquals(401, client.get("Customer").statusCode());
        assertEquals(0, sandbox.openApiSessions());
    }

    @Test
    void cookieSignIn_shouldNeedBothCookies() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder());
        client.signInWithCookies(LOGIN);
        String sessionOnly = client.cookies().split("; ")[0];

        client.useCookies(sessionOnly);

        assertEquals(401, client.get("Customer").statusCode());
    }

    @Test
    void cookieSignIn_shouldRefuseBadCredentials_andTenantPlusCompany() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder());

        HttpResponse<String> wrongPassword = client.signInWithCookies(
                "{\"name\": \"admin\", \"password\": \"nope\"}");
        HttpResponse<String> otherTenant = client.signInWithCookies(
                "{\"name\": \"admin\", \"password\": \"sandbox-password\", \"tenant\": \"Elsewhere\"}");
        HttpResponse<String> both = client.signInWithCookies("""
                {"name": "admin", "password": "sandbox-password", "tenant": "SandboxTenant",
                 "company": "SandboxTenant"}""");

        assertEquals(500, wrongPassword.statusCode());
        assertEquals("Invalid credentials. Please try again.",
                JSON.readTree(wrongPassword.body()).path("exceptionMessage").asText());
        assertEquals(500, otherTenant.statusCode());
        assertEquals(400, both.statusCode());
        for (HttpResponse<String> refused : List.of(wrongPassword, both)) {
            assertEquals(List.of(), CONTRACT.validate("HttpError", JSON.readTree(refused.body())));
        }
        assertEquals(0, sandbox.openApiSessions());
    }

    @Test
    void cookieSignIn_shouldShareTheSeatsWithOAuth_andAnswer429ApiLoginLimit() throws Exception {
        SandboxTestClient oauth = start(AcumaticaSandboxOptions.builder().apiUserLimit(1));
        oauth.signInWithOAuth("api offline_access");
        SandboxTestClient cookies = new SandboxTestClient(sandbox);

        HttpResponse<String> refused = cookies.signInWithCookies(LOGIN);

        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("API Login Limit"), refused.body());
        assertEquals(204, oauth.signOut().statusCode());
        assertEquals(204, cookies.signInWithCookies(LOGIN).statusCode());
    }

    @Test
    void cookieSession_shouldExpireAfterTheIdleTimeout_andFreeItsSeat() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder().apiUserLimit(1)
                .sessionIdleTimeout(Duration.ofMinutes(5)));
        client.signInWithCookies(LOGIN);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(200, client.get("Customer").statusCode(), "use keeps the session alive");
        clock.advance(Duration.ofMinutes(4));
        assertEquals(200, client.get("Customer").statusCode());

        clock.advance(Duration.ofMinutes(5));

        assertEquals(401, client.get("Customer").statusCode());
        assertEquals(0, sandbox.openApiSessions());
    }

    @Test
    void cookieSignIn_shouldAcceptAFormBody_andKeepThePasswordOutOfTheLog() throws Exception {
        SandboxTestClient client = start(AcumaticaSandboxOptions.builder());

        HttpResponse<String> form = client.form(sandbox.baseUrl() + "/entity/auth/login",
                Map.of("name", "admin", "password", "sandbox-password"));
        HttpResponse<String> json = client.signInWithCookies(LOGIN);

        assertEquals(204, form.statusCode());
        assertEquals(204, json.statusCode());
        assertEquals(2, sandbox.openApiSessions());
        List<RecordedRequest> log = sandbox.requests();
        assertTrue(log.get(0).body().contains("password=***"), log.get(0).body());
        assertTrue(log.get(1).body().contains("\"password\":\"***\""), log.get(1).body());
        log.forEach(r -> assertFalse(r.body().contains("sandbox-password"), r.body()));
    }

    // ------------------------------------------------------------------ helpers

    private SandboxTestClient start(AcumaticaSandboxOptions.Builder options) {
        clock = SandboxClock.frozenAt(T0);
        sandbox = AcumaticaSandbox.start(options.contract(CONTRACT).clock(clock).build());
        return new SandboxTestClient(sandbox);
    }
}
