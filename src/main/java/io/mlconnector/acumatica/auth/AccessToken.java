package io.mlconnector.acumatica.auth;

import io.mlconnector.secrets.Secret;
import java.time.Instant;
import java.util.Optional;

/** An OAuth access token and the refresh token of its chain (Acumatica reuses one session per chain). */
public record AccessToken(Secret accessToken, Optional<Secret> refreshToken, Instant expiresAt) {

    public boolean expiresBefore(Instant moment) {
        return !expiresAt.isAfter(moment);
    }
}
