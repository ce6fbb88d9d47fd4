package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Chargebee API error, rendered in the body shape real sites send.
 *
 * <p>Besides the documented {@code message}, {@code type}, {@code api_error_code} and {@code param}, the body
 * carries the deprecated {@code error_code}, {@code error_msg} and {@code http_status_code}: real sites still send
 * them and the official Java SDK 3.x refuses an error body without them ("Probably not ChargeBee' error response").
 *
 * @param httpStatus   HTTP status of the response
 * @param message      developer-facing message
 * @param type         {@code invalid_request}, {@code payment} or {@code operation_failed}; {@code null} when the
 *                     real API sends none (authentication, rate limit, site state)
 * @param apiErrorCode the specific code, e.g. {@code resource_not_found}
 * @param param        the offending request parameter, or {@code null}
 */
public record ChargebeeError(int httpStatus, String message, String type, String apiErrorCode, String param) {

    static final String INVALID_REQUEST = "invalid_request";

    public static ChargebeeError authenticationFailed() {
        return new ChargebeeError(401, "Sorry, authentication failed. Invalid api key", null,
                "api_authentication_failed", null);
    }

    public static ChargebeeError notFound(String message) {
        return new ChargebeeError(404, message, INVALID_REQUEST, "resource_not_found", null);
    }

    public static ChargebeeError paramWrongValue(String param, String message) {
        return new ChargebeeError(400, message, INVALID_REQUEST, "param_wrong_value", param);
    }

    public static ChargebeeError methodNotAllowed(String method) {
        return new ChargebeeError(405, "The sandbox serves read operations only; " + method + " is not supported",
                INVALID_REQUEST, "invalid_request", null);
    }

    public static ChargebeeError rateLimited() {
        return new ChargebeeError(429, "Sorry, access has been blocked temporarily due to request count exceeding"
                + " acceptable limits. Please try after some time.", null, "api_request_limit_exceeded", null);
    }

    public static ChargebeeError siteNotReady() {
        return new ChargebeeError(503, "Site is not ready. Please retry after some time.", null, "site_not_ready",
                null);
    }

    /** The JSON body, with the legacy attributes the Java SDK 3.x still requires. */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        if (type != null) {
            body.put("type", type);
        }
        body.put("api_error_code", apiErrorCode);
        if (param != null) {
            body.put("param", param);
        }
        body.put("error_code", apiErrorCode);
        body.put("error_msg", message);
        body.put("http_status_code", httpStatus);
        return body;
    }
}
