package io.mlconnector.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sandbox's request log as a file of JSON lines: one object per request, appended and flushed as the request is
 * answered, so that another process can follow it ({@code tail -f}) or count calls ({@code jq -s 'length' FILE}).
 *
 * <p>Fields: {@code time} (ISO-8601), {@code sandbox}, {@code method}, {@code path}, {@code query},
 * {@code status}, {@code duration_ms}, and for Acumatica {@code entity} and {@code action} when the request has
 * them. No headers and no bodies are written, and query parameters named like a credential ({@code password},
 * {@code client_secret}, tokens ...) are masked, so the file never holds a secret even when a client misplaces one.
 *
 * <p>Each line is one write on a file opened for appending, so lines of two sandboxes sharing a file do not
 * interleave. A write failure (disk full) is reported once on stderr and ends the file log; the sandbox keeps
 * answering.
 */
public final class RequestLogFile implements AutoCloseable {

    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "client_secret", "client_assertion",
            "refresh_token", "access_token", "id_token", "token", "code", "api_key", "apikey");

    private static final RequestLogFile DISABLED = new RequestLogFile(null, null);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private OutputStream out;

    private RequestLogFile(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending (created with its directories when missing). */
    public static RequestLogFile appendingTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new RequestLogFile(file, Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the request log " + file + " for appending", e);
        }
    }

    /** {@link #appendingTo} when {@code file} is given, else a log that writes nothing. */
    public static RequestLogFile appendingToOrDisabled(Path file) {
        return file == null ? DISABLED : appendingTo(file);
    }

    public synchronized void write(RequestLogLine line) {
        if (out == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            mapper.writeValue(bytes, toJson(line));
            bytes.write('\n');
            out.write(bytes.toByteArray());
            out.flush();
        } catch (IOException e) {
            System.err.println("Request log " + file + ": cannot write (" + e.getMessage()
                    + "); later requests are not written to it.");
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing left to lose: every line was flushed when written
        }
        out = null;
    }

    private ObjectNode toJson(RequestLogLine line) {
        ObjectNode json = mapper.createObjectNode();
        json.put("time", line.time().toString());
        json.put("sandbox", line.sandbox());
        json.put("method", line.method());
        json.put("path", line.path());
        json.put("query", maskSecrets(line.query()));
        json.put("status", line.status());
        json.put("duration_ms", line.durationMs());
        if (line.entity() != null) {
            json.put("entity", line.entity());
        }
        if (line.action() != null) {
            json.put("action", line.action());
        }
        return json;
    }

    /**
     * A raw (still encoded) query as the file shows it: split into pairs first, credential-named values masked, then
     * each pair decoded, so an encoded {@code &} inside a secret ({@code password=a%26b}) cannot leak its tail.
     *
     * @param plusIsSpace whether {@code +} means a space (form encoding) or itself (ASP.NET query strings)
     */
    public static String safeQuery(String rawQuery, boolean plusIsSpace) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery == null ? "" : rawQuery;
        }
        return Arrays.stream(rawQuery.split("&", -1))
                .map(pair -> decode(maskPair(decodedName(pair, plusIsSpace), pair), plusIsSpace))
                .collect(Collectors.joining("&"));
    }

    /** The pair with its decoded name, so {@code pass%77ord=x} is masked like {@code password=x}. */
    private static String decodedName(String pair, boolean plusIsSpace) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : decode(pair.substring(0, eq), plusIsSpace) + pair.substring(eq);
    }

    private static String maskPair(String pairWithDecodedName, String rawPair) {
        String masked = maskPair(pairWithDecodedName);
        return masked.equals(pairWithDecodedName) ? rawPair : masked;
    }

    private static String decode(String text, boolean plusIsSpace) {
        try {
            return java.net.URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    /** {@code a=1&password=x} becomes {@code a=1&password=***}. */
    static String maskSecrets(String query) {
        return Arrays.stream(query.split("&", -1)).map(RequestLogFile::maskPair).collect(Collectors.joining("&"));
    }

    private static String maskPair(String pair) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return pair;
        }
        String name = pair.substring(0, eq);
        return SECRET_PARAMETERS.contains(name.trim().toLowerCase(Locale.ROOT)) ? name + "=***" : pair;
    }
}
