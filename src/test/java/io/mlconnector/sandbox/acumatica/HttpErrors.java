package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies in the contract's {@code HttpError} shape ({@code message, exceptionMessage, exceptionType,
 * stackTrace, modelState, messageDetail}), one factory per situation so wording stays consistent.
 *
 * <p>Status 501 is the sandbox's own convention for "real Acumatica would answer this, the sandbox does not simulate
 * it yet"; Acumatica itself never sends 501, so a 501 in a test always points at the simulator, not the connector.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    /** 401 for a missing, unknown or expired bearer token. Exact real wording UNVERIFIED. */
    static SandboxResponse notLoggedIn() {
        return SandboxResponse.json(401, error("You are not logged in."))
                .withHeader("WWW-Authenticate", "Bearer");
    }

    /**
     * 400 in ASP.NET Web API's model-binding style: {@code modelState} maps {@code entity.<path>} to messages, so the
     * offending field is named.
     */
    static SandboxResponse invalidField(String fieldPath, String message) {
        ObjectNode body = error("The request is invalid.");
        body.putObject("modelState").putArray(fieldPath.isEmpty() ? "entity" : "entity." + fieldPath).add(message);
        return SandboxResponse.json(400, body);
    }

    static SandboxResponse payloadTooLarge(int limitBytes) {
        return SandboxResponse.json(413, error("The request body exceeds the sandbox limit of " + limitBytes
                + " bytes."));
    }

    static SandboxResponse badRequest(String message) {
        return SandboxResponse.json(400, error(message));
    }

    /** ASP.NET Web API's routing 404, used for unknown entities and endpoints/versions that are not published. */
    static SandboxResponse noResource(String requestUri) {
        ObjectNode body = error("No HTTP resource was found that matches the request URI '" + requestUri + "'.");
        body.put("messageDetail", "No type was found that matches the requested entity or endpoint version.");
        return SandboxResponse.json(404, body);
    }

    static SandboxResponse unknownAction(String entity, String action) {
        return SandboxResponse.json(404, error("The action '" + action + "' was not found in the entity '"
                + entity + "'."));
    }

    static SandboxResponse methodNotAllowed(String method) {
        return SandboxResponse.json(405, error("The requested resource does not support http method '" + method
                + "'."));
    }

    /**
     * What Acumatica answers when a record addressed by keys or id does not exist (GET by key, PUT by id, actions):
     * a 500 carrying {@code PX.Api.ContractBased.NoEntitySatisfiesTheConditionException}. Observed behaviour reported
     * by public clients that replay it; not described in the official docs.
     */
    static SandboxResponse noEntitySatisfiesTheCondition() {
        ObjectNode body = error("An error has occurred.");
        body.put("exceptionMessage", "No entity satisfies the condition.");
        body.put("exceptionType", "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException");
        body.putNull("stackTrace");
        return SandboxResponse.json(500, body);
    }

    /**
     * A server-side exception in Acumatica's shape ({@code message: "An error has occurred."} with the exception's
     * message and type), at the given status: e.g. 500 {@code PX.Data.PXException} for a refused sign-in.
     */
    static SandboxResponse serverException(String exceptionMessage, String exceptionType, int status) {
        ObjectNode body = error("An error has occurred.");
        body.put("exceptionMessage", exceptionMessage);
        body.put("exceptionType", exceptionType);
        body.putNull("stackTrace");
        return SandboxResponse.json(status, body);
    }

    /**
     * 429 for a request the licence declined (queue full or waited too long). The wording is the sandbox's own
     * (Acumatica's text is UNVERIFIED); the status is documented.
     */
    static SandboxResponse licenceDeclined() {
        ObjectNode body = error("The number of requests has exceeded the limit imposed by the license.");
        body.put("exceptionMessage", "The request was declined: the API request queue of the license is full or the"
                + " request waited too long in it.");
        return SandboxResponse.json(429, body);
    }

    /** 412 for the conditional PUT headers; texts follow the contract's {@code PutEntity_412} description. */
    static SandboxResponse preconditionFailed(boolean insertOnly) {
        return SandboxResponse.json(412, error(insertOnly
                ? "An entity with these keys already exists in the database and cannot be inserted."
                : "There is no entity with these keys in the database, so it cannot be updated."));
    }

    static SandboxResponse notSimulated(String what) {
        ObjectNode body = error("Not simulated by the Acumatica sandbox: " + what);
        body.put("exceptionType", "Sandbox.NotSimulated");
        return SandboxResponse.json(501, body);
    }

    /** An injected fault: 5xx in Acumatica's exception shape, anything else as a plain HttpError. */
    static SandboxResponse injected(int status) {
        ObjectNode body = error(status >= 500 && status != 503 ? "An error has occurred."
                : status == 503 ? "Service Unavailable" : status == 429
                ? "The number of requests has exceeded the limit imposed by the license." : "Injected fault.");
        body.put("exceptionMessage", "Fault injected by the Acumatica sandbox (HTTP " + status + ").");
        body.put("exceptionType", "Sandbox.InjectedFault");
        return SandboxResponse.json(status, body);
    }

    /** A bug in the sandbox itself; the Java exception type is exposed to make that obvious. */
    static SandboxResponse sandboxBug(Throwable cause) {
        ObjectNode body = error("An error has occurred.");
        body.put("exceptionMessage", String.valueOf(cause.getMessage()));
        body.put("exceptionType", "Sandbox.InternalError:" + cause.getClass().getName());
        return SandboxResponse.json(500, body);
    }

    private static ObjectNode error(String message) {
        ObjectNode body = ValueObjects.NODES.objectNode();
        body.put("message", message);
        return body;
    }
}
