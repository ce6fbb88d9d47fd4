package io.mlconnector.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mlconnector.ingest.WebhookIngest;
import io.mlconnector.ingest.WebhookRequest;
import io.mlconnector.ingest.WebhookResponse;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** API Gateway HTTP API (payload 2.0) → {@link WebhookIngest}. */
@Named("ingest")
public class IngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final WebhookIngest ingest;
    private final IngestMetrics metrics;

    public IngestHandler(WebhookIngest ingest, IngestMetrics metrics) {
        this.ingest = ingest;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebhookResponse response;
        try {
            response = ingest.receive(new WebhookRequest(header(event.getHeaders(), "authorization"),
                    pathToken(event.getPathParameters()), body(event)));
        } catch (IllegalArgumentException notBase64) {
            response = new WebhookResponse(400, "{\"outcome\":\"malformed\",\"detail\":\"body is not valid base64\"}");
        } catch (RuntimeException defect) {
            metrics.record(500, functionName(context)); // API Gateway answers 500 for a failed invocation
            throw defect;
        }
        metrics.record(response.status(), functionName(context));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(response.body()).build();
    }

    private static String functionName(Context context) {
        return context == null ? null : context.getFunctionName();
    }

    /** Payload 2.0 lower-cases header names; be lenient anyway. */
    private static Optional<String> header(Map<String, String> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    private static Optional<String> pathToken(Map<String, String> pathParameters) {
        return pathParameters == null ? Optional.empty() : Optional.ofNullable(pathParameters.get("token"));
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
