package io.mlconnector.sandbox.acumatica;

/**
 * Decides whether a contract-API call is signed in: by a bearer token (OAuth) or, without an Authorization header,
 * by the cookies of a cookie sign-in. A bearer token that is not valid fails even if cookies are also present, so a
 * client never silently falls back to a session it did not mean to use.
 */
final class ApiAuthentication {

    private final OAuthTokenService tokens;
    private final CookieSignIn cookies;

    ApiAuthentication(OAuthTokenService tokens, CookieSignIn cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    boolean isSignedIn(SandboxRequest request) {
        if (OAuthTokenService.hasBearerToken(request)) {
            return tokens.authenticate(request).isPresent();
        }
        return cookies.authenticate(request);
    }
}
