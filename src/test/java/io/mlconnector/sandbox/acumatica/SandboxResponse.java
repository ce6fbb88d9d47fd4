package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written to the wire: status, extra headers and either a JSON body, raw bytes or nothing.
 * Immutable; {@link #withHeader} returns a copy.
 */
record SandboxResponse(int status, Map<String, String> headers, JsonNode json, byte[] raw, String contentType) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    SandboxResponse {
        headers = Map.copyOf(headers);
    }

    static SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, Map.of(), body, null, JSON_TYPE);
    }

    static SandboxResponse empty(int status) {
        return new SandboxResponse(status, Map.of(), null, null, null);
    }

    static SandboxResponse raw(int status, String contentType, byte[] body) {
        return new SandboxResponse(status, Map.of(), null, body, contentType);
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, copy, json, raw, contentType);
    }
}
