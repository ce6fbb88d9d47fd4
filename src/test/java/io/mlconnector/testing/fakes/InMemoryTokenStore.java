package io.mlconnector.testing.fakes;

import io.mlconnector.acumatica.auth.AccessToken;
import io.mlconnector.acumatica.auth.TokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link TokenStore} in memory, replaced on its version as DynamoTokenStore's conditional put is: version 0 means
 * "none yet", each replace writes the next version, and the expiry keeps epoch millis only.
 */
public final class InMemoryTokenStore implements TokenStore {
    private Stored stored;

    @Override
    public synchronized Optional<Stored> read() {
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized boolean replace(long expectedVersion, AccessToken token) {
        long version = stored == null ? 0 : stored.version();
        if (version != expectedVersion) {
            return false;
        }
        stored = new Stored(new AccessToken(token.accessToken(), token.refreshToken(),
                Instant.ofEpochMilli(token.expiresAt().toEpochMilli())), expectedVersion + 1);
        return true;
    }
}
