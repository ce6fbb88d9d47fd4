package io.mlconnector.sandbox.chargebee;

/** Raised inside the request pipeline to end a request with a Chargebee error body. */
final class SandboxApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ChargebeeError error;

    SandboxApiException(ChargebeeError error) {
        super(error.apiErrorCode() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    ChargebeeError error() {
        return error;
    }
}
