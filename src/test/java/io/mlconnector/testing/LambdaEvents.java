package io.mlconnector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real Lambda event shapes, from recorded JSON in src/test/resources/lambda-events (API Gateway HTTP API payload 2.0,
 * SQS, EventBridge Scheduler), with the parts a test varies filled in.
 */
public final class LambdaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaEvents() {}

    /** An HTTP API v2 POST to the webhook route. */
    public static String webhook(String body, String authorization, String pathToken, boolean base64) {
        ObjectNode event = template("apigw-v2-webhook.json");
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        if (pathToken != null) {
            event.putObject("pathParameters").put("token", pathToken);
            event.put("rawPath", "/chargebee/webhook/" + pathToken);
            event.put("routeKey", "POST /chargebee/webhook/{token}");
            ((ObjectNode) event.get("requestContext").get("http")).put("path", "/chargebee/webhook/" + pathToken);
        }
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        event.put("isBase64Encoded", base64);
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        return event.toString();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An SQS event source batch: one record per (messageId, body). */
    public static String sqs(List<SqsRecord> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (SqsRecord record : records) {
            ObjectNode shape = template("sqs-record.json");
            shape.put("messageId", record.messageId());
            shape.put("receiptHandle", record.receiptHandle());
            shape.put("body", record.body());
            ((ObjectNode) shape.get("attributes")).put("ApproximateReceiveCount", Integer.toString(record.receiveCount()));
            ObjectNode messageAttributes = (ObjectNode) shape.get("messageAttributes");
            record.messageAttributes().forEach((name, value) -> messageAttributes.putObject(name)
                    .put("stringValue", value).put("dataType", "String")
                    .<ObjectNode>set("stringListValues", JSON.createArrayNode())
                    .set("binaryListValues", JSON.createArrayNode()));
            array.add(shape);
        }
        return event.toString();
    }

    /** The input EventBridge Scheduler sends to the poller (the template sets it). */
    public static String schedule() {
        return template("scheduler-poller.json").toString();
    }

    /** @param messageAttributes the message's String attributes (e.g. those of a message parked in the DLQ) */
    public record SqsRecord(String messageId, String receiptHandle, String body, int receiveCount,
                            Map<String, String> messageAttributes) {
        public SqsRecord(String messageId, String receiptHandle, String body, int receiveCount) {
            this(messageId, receiptHandle, body, receiveCount, Map.of());
        }

        public static SqsRecord of(String body) {
            return new SqsRecord(UUID.randomUUID().toString(), "handle-" + UUID.randomUUID(), body, 1);
        }
    }

    private static ObjectNode template(String name) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream("/lambda-events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource lambda-events/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
