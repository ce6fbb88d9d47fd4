package io.mlconnector.sandbox.acumatica;

/**
 * Unwinds request handling with a finished error response (400 value-object misuse, 500 "No entity satisfies the
 * condition", 501 not simulated, ...), so deep helpers such as the body parser need not thread results back up.
 * Never escapes the sandbox: the HTTP handler turns it into its response.
 */
final class ApiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SandboxResponse response;

    ApiFailure(SandboxResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    SandboxResponse response() {
        return response;
    }
}
