package io.mlconnector.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Stands in for API Gateway's HTTP API in front of the ingest function: turns each HTTP request into a payload-2.0
 * {@link APIGatewayV2HTTPEvent} (lower-cased headers, path parameter {@code token}, base64 off for JSON) and the
 * handler's answer back into HTTP. The Chargebee sandbox posts its webhooks here.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
    public static final String ROUTE = "/chargebee/webhook";

    private final HttpServer server;

    private ApiGatewayEmulator(HttpServer server) {
        this.server = server;
    }

    public static ApiGatewayEmulator start(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext(ROUTE, exchange -> handle(exchange, ingest));
            server.start();
            return new ApiGatewayEmulator(server);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the API Gateway emulator", e);
        }
    }

    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ROUTE);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange,
                               RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            Map<String, String> pathParameters = null;
            if (path.startsWith(ROUTE + "/")) {
                pathParameters = Map.of("token", path.substring(ROUTE.length() + 1));
            }
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(pathParameters == null ? "POST " + ROUTE : "POST " + ROUTE + "/{token}")
                    .withRawPath(path)
                    .withRawQueryString("")
                    .withHeaders(headers)
                    .withPathParameters(pathParameters)
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId(UUID.randomUUID().toString())
                            .withTimeEpoch(Instant.now().toEpochMilli())
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(exchange.getRequestMethod()).withPath(path)
                                    .withSourceIp("127.0.0.1").build())
                            .build())
                    .build();
            APIGatewayV2HTTPResponse response = ingest.handleRequest(event, null);
            byte[] answer = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            exchange.sendResponseHeaders(response.getStatusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (RuntimeException e) {
            // API Gateway answers 500 when the integration fails; the test then sees it.
            exchange.sendResponseHeaders(500, -1);
        }
    }
}
