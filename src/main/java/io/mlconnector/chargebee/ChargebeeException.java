package io.mlconnector.chargebee;

import java.time.Duration;
import java.util.Optional;

/**
 * The few ways a Chargebee call fails. Messages name the operation, status and Chargebee's error code, never the
 * API key or response payloads.
 */
public abstract sealed class ChargebeeException extends RuntimeException
        permits ChargebeeException.Transient, ChargebeeException.Rejected, ChargebeeException.AuthFailed,
        ChargebeeException.NotFound {

    private final String operation;
    private final int status;
    private final String apiErrorCode;

    ChargebeeException(String operation, int status, String apiErrorCode, String message) {
        super(operation + ": " + message + (status > 0 ? " (HTTP " + status + (apiErrorCode.isEmpty() ? "" : ", " + apiErrorCode) + ")" : ""));
        this.operation = operation;
        this.status = status;
        this.apiErrorCode = apiErrorCode;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String apiErrorCode() {
        return apiErrorCode;
    }

    /** Whether trying again later can succeed without anyone changing anything. */
    public abstract boolean retryable();

    /** Rate limit, lock timeout, site not ready, 5xx or a network failure: try again, after {@link #retryAfter()} if given. */
    public static final class Transient extends ChargebeeException {
        private final Duration retryAfter;

        public Transient(String operation, int status, String apiErrorCode, String message, Duration retryAfter) {
            super(operation, status, apiErrorCode, message);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Chargebee refused the request as invalid (400/409/422) or incompatible with the site's product catalog. */
    public static final class Rejected extends ChargebeeException {
        public Rejected(String operation, int status, String apiErrorCode, String message) {
            super(operation, status, apiErrorCode, message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Wrong key, key without permission, or no such site: fix the configuration or the secret. */
    public static final class AuthFailed extends ChargebeeException {
        public AuthFailed(String operation, int status, String apiErrorCode, String message) {
            super(operation, status, apiErrorCode, message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The requested record does not exist on the site. */
    public static final class NotFound extends ChargebeeException {
        public NotFound(String operation, int status, String apiErrorCode, String message) {
            super(operation, status, apiErrorCode, message);
        }

        /**
         * Chargebee itself says the record is not there ({@code resource_not_found}), as for a deleted one; a bare 404
         * (a proxy, a wrong base URL) proves nothing about the record.
         */
        public boolean recordIsGone() {
            return "resource_not_found".equals(apiErrorCode());
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
