package io.mlconnector.acumatica;

import java.util.List;

/**
 * The few ways an Acumatica call fails. Messages name the operation, the status and Acumatica's own error text
 * (field errors on a 422), never credentials or tokens.
 */
public abstract sealed class AcumaticaException extends RuntimeException
        permits AcumaticaException.Transient, AcumaticaException.Rejected, AcumaticaException.AuthFailed,
        AcumaticaException.NotFound, AcumaticaException.PreconditionFailed {

    private final String operation;
    private final int status;

    AcumaticaException(String operation, int status, String message) {
        super(operation + ": " + message + (status > 0 ? " (HTTP " + status + ")" : ""));
        this.operation = operation;
        this.status = status;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** Whether trying again later can succeed without anyone changing anything. */
    public abstract boolean retryable();

    /** 5xx, 429 from the licence queue, timeouts and dropped connections. */
    public static final class Transient extends AcumaticaException {
        public Transient(String operation, int status, String message) {
            super(operation, status, message);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 400/422: Acumatica refused the document; {@link #fieldErrors()} lists every field and detail-line error. */
    public static final class Rejected extends AcumaticaException {
        private final List<FieldError> fieldErrors;

        public Rejected(String operation, int status, String message, List<FieldError> fieldErrors) {
            super(operation, status, message + describe(fieldErrors));
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }

        @Override
        public boolean retryable() {
            return false;
        }

        private static String describe(List<FieldError> errors) {
            if (errors.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder(" [");
            for (int i = 0; i < errors.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(errors.get(i).path()).append(": ").append(errors.get(i).message());
            }
            return text.append(']').toString();
        }
    }

    /** Credentials refused, token chain broken, or the API user licence exhausted ("API Login Limit"). */
    public static final class AuthFailed extends AcumaticaException {
        public AuthFailed(String operation, int status, String message) {
            super(operation, status, message);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 404: no such record or action — or, on every call, an endpoint version the instance does not publish. */
    public static final class NotFound extends AcumaticaException {
        public NotFound(String operation, int status, String message) {
            super(operation, status, message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 412: {@code If-None-Match: *} met an existing record, or {@code If-Match: *} a missing one. */
    public static final class PreconditionFailed extends AcumaticaException {
        public PreconditionFailed(String operation, int status, String message) {
            super(operation, status, message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** One error Acumatica attached to a field, e.g. {@code Details[2].InventoryID}. */
    public record FieldError(String path, String message) {}
}
