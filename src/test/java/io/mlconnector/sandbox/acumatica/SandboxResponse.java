package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response before it is written to the wire: status, extra headers and either a JSON body, raw bytes or nothing.
 * Immutable; {@link #withHeader} and {@link #withAddedHeader} return copies. A header may repeat (two
 * {@code Set-Cookie} lines after a sign-in), so each name maps to a list of values.
 */
record SandboxResponse(int status, Map<String, List<String>> headers, JsonNode json, byte[] raw, String contentType) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    SandboxResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
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

    /** A copy with {@code name} set to this single value (replacing earlier values). */
    SandboxResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new SandboxResponse(status, copy, json, raw, contentType);
    }

    /** A copy with one more value for {@code name}, e.g. a second {@code Set-Cookie}. */
    SandboxResponse withAddedHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, values);
        return new SandboxResponse(status, copy, json, raw, contentType);
    }
}
