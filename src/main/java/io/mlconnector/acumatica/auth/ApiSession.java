package io.mlconnector.acumatica.auth;

/** How calls to Acumatica are signed in: an OAuth token chain (the default) or the legacy cookie login. */
public interface ApiSession {

    /** The {@code Authorization} header value, or null when the session travels in cookies. */
    String authorization();

    /** Acumatica answered 401: sign in afresh on the next call. */
    void invalidate();

    /** The unit of work is over: cookie sessions sign out (they hold a licensed seat); OAuth chains stay. */
    void end();
}
