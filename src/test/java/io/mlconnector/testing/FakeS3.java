package io.mlconnector.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for S3's {@code GetObject} and {@code PutObject}, path-style ({@code GET|PUT /bucket/key}), over files
 * under {@link #ROOT} ({@code target/fake-s3/<bucket>/<key>}). A PUT's body is stored (decoded from
 * {@code aws-chunked} when the SDK streams it so) and its headers kept for {@link #putHeaders}. A missing object answers 403 {@code AccessDenied}, as real S3 does for a
 * role with {@code s3:GetObject} but not {@code s3:ListBucket} (the stack grants only the first). It answers
 * only what the connector asks of S3 (reading the mapping file); it does not check signatures. Points the
 * application's S3 client (the Quarkus extension's) at itself, path-style, with dummy static credentials.
 */
public class FakeS3 implements QuarkusTestResourceLifecycleManager {
    /** Where objects live: a test writes {@code ROOT/<bucket>/<key>} to put an object. */
    public static final Path ROOT = Path.of("target", "fake-s3");
    private final AtomicInteger requestIds = new AtomicInteger();

    /** Headers (lower-case names) of the last PUT of each "bucket/key". */
    private static final Map<String, Map<String, String>> PUT_HEADERS = new java.util.concurrent.ConcurrentHashMap<>();

    private HttpServer server;

    /** The headers of the last PUT of this object (lower-case names), empty if it was never put over HTTP. */
    public static Map<String, String> putHeaders(String bucket, String key) {
        return PUT_HEADERS.getOrDefault(bucket + "/" + key, Map.of());
    }

    /** The content of an object, if there. */
    public static java.util.Optional<byte[]> read(String bucket, String key) {
        Path file = ROOT.resolve(bucket).resolve(key);
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Files.readAllBytes(file))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Puts (or replaces) an object. */
    public static void put(String bucket, String key, String content) {
        Path file = ROOT.resolve(bucket).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes an object if it is there. */
    public static void delete(String bucket, String key) {
        try {
            Files.deleteIfExists(ROOT.resolve(bucket).resolve(key));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", "us-east-1",
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", "test",
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", "test");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String requestId = "FAKES3" + requestIds.incrementAndGet();
            exchange.getResponseHeaders().add("x-amz-request-id", requestId);
            Path file = ROOT.resolve(path.substring(1)).normalize();
            if ("PUT".equals(exchange.getRequestMethod()) && file.startsWith(ROOT) && path.indexOf('/', 1) > 0) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                if ((sha != null && sha.startsWith("STREAMING")) || (encoding != null && encoding.contains("aws-chunked"))) {
                    body = decodeAwsChunked(body);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, body);
                Map<String, String> headers = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(
                        name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                PUT_HEADERS.put(path.substring(1), headers);
                exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body))
                        + "\"");
                send(exchange, 200, "application/xml", new byte[0]);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(ROOT) || !Files.isRegularFile(file)) {
                send(exchange, 403, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                        + "AccessDenied</Code><Message>Access Denied</Message>"
                        + "<RequestId>" + requestId + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(Files.readString(file).hashCode()) + "\"");
            send(exchange, 200, "application/octet-stream", Files.readAllBytes(file));
        }
    }

    /** {@code aws-chunked}: {@code hex-size[;chunk-signature=…]CRLF data CRLF}, until a zero-size chunk (trailers ignored). */
    static byte[] decodeAwsChunked(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
