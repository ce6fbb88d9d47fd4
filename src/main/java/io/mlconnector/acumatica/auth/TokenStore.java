package io.mlconnector.acumatica.auth;

import java.util.Optional;

/**
 * Port: where the OAuth token chain is kept, shared by every Lambda container, so the connector holds one licensed
 * Acumatica session (Acumatica reuses one server session per refresh chain) instead of one per container.
 */
public interface TokenStore {

    /** The current chain and its version, if any container has signed in. */
    Optional<Stored> read();

    /**
     * Replaces the chain if nobody replaced it since {@code expectedVersion} was read (0 when there was none).
     * @return false when another container got there first; re-read and use theirs
     */
    boolean replace(long expectedVersion, AccessToken token);

    /** A stored chain with its version. */
    record Stored(AccessToken token, long version) {}
}
