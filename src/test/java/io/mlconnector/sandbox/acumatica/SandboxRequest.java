package io.mlconnector.sandbox.acumatica;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the router sees it, independent of {@code com.sun.net.httpserver}.
 *
 * @param method  upper-case HTTP method
 * @param path    the raw request path, including the instance path (e.g. {@code /AcumaticaERP/entity/...})
 * @param segments the path below the instance path, percent-decoded per segment (so {@code Credit%20Memo} is one
 *                key); {@code null} when the request is not under the instance path at all
 * @param query   decoded query parameters (first value wins), e.g. {@code $filter}
 * @param rawQuery the query string as received, or empty
 * @param headers request headers, case-insensitive names
 * @param body    the body as UTF-8 text (empty if none)
 */
record SandboxRequest(String method, String path, List<String> segments, Map<String, String> query, String rawQuery,
                      Map<String, List<String>> headers, String body) {

    SandboxRequest {
        segments = segments == null ? null : List.copyOf(segments);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(caseInsensitive);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? "" : body;
    }

    static SandboxRequest of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             String body, String instancePath) {
        return new SandboxRequest(method.toUpperCase(Locale.ROOT), rawPath, segmentsBelow(rawPath, instancePath),
                parseQuery(rawQuery), rawQuery, headers, body);
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Segment {@code i}, or empty if the path is shorter. */
    Optional<String> segment(int i) {
        return segments != null && i < segments.size() ? Optional.of(segments.get(i)) : Optional.empty();
    }

    private static List<String> segmentsBelow(String rawPath, String instancePath) {
        String path = rawPath == null ? "/" : rawPath;
        if (!instancePath.isEmpty()) {
            // IIS matches the application path case-insensitively.
            boolean under = path.regionMatches(true, 0, instancePath, 0, instancePath.length())
                    && (path.length() == instancePath.length() || path.charAt(instancePath.length()) == '/');
            if (!under) {
                return null;
            }
            path = path.substring(instancePath.length());
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /**
     * Decodes like ASP.NET does: {@code +} means a space, so an unencoded {@code +} in a date-time offset breaks the
     * literal exactly as it would against a real instance (clients must send {@code %2B}).
     */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
