package io.mlconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks a log line against CloudWatch's Embedded Metric Format specification: a JSON object whose {@code _aws} member
 * holds an integer {@code Timestamp} (epoch milliseconds) and a non-empty {@code CloudWatchMetrics} array of
 * directives, each with a {@code Namespace} (1-255 characters), {@code Dimensions} (arrays of at most 30 names, each
 * a top-level string member) and {@code Metrics} (at most 100, each a {@code Name} that is a top-level number or
 * array of numbers, an optional {@code Unit} from CloudWatch's list and an optional {@code StorageResolution} of 1 or
 * 60). A line that breaks any of these is dropped by CloudWatch without a word, hence the check.
 */
public final class EmfLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private EmfLines() {}

    /** The line as JSON, once it passed every rule. */
    public static JsonNode valid(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
        require(root != null && root.isObject(), "the line must be one JSON object", line);
        JsonNode aws = root.path("_aws");
        require(aws.isObject(), "_aws must be an object", line);
        require(aws.path("Timestamp").isIntegralNumber() && aws.path("Timestamp").asLong() > 0,
                "_aws.Timestamp must be epoch milliseconds", line);
        JsonNode directives = aws.path("CloudWatchMetrics");
        require(directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics must be a non-empty array",
                line);
        for (JsonNode directive : directives) {
            String namespace = directive.path("Namespace").asText("");
            require(directive.path("Namespace").isTextual() && !namespace.isEmpty() && namespace.length() <= 255,
                    "Namespace must be 1-255 characters", line);
            require(directive.path("Dimensions").isArray(), "Dimensions must be an array", line);
            for (JsonNode dimensionSet : directive.path("Dimensions")) {
                require(dimensionSet.isArray() && dimensionSet.size() <= 30,
                        "each dimension set must be an array of at most 30 names", line);
                for (JsonNode name : dimensionSet) {
                    require(name.isTextual() && root.path(name.asText()).isTextual(),
                            "dimension " + name + " must name a top-level string member", line);
                }
            }
            JsonNode metrics = directive.path("Metrics");
            require(metrics.isArray() && metrics.size() <= 100, "Metrics must be an array of at most 100", line);
            for (JsonNode metric : metrics) {
                String name = metric.path("Name").asText("");
                require(!name.isEmpty() && name.length() <= 1024, "each metric needs a Name", line);
                JsonNode value = root.path(name);
                require(value.isNumber() || (value.isArray() && allNumbers(value)),
                        "metric " + name + " must be a top-level number or array of numbers", line);
                require(!metric.has("Unit") || UNITS.contains(metric.path("Unit").asText()),
                        "Unit of " + name + " must be a CloudWatch unit", line);
                require(!metric.has("StorageResolution") || metric.path("StorageResolution").asInt() == 1
                        || metric.path("StorageResolution").asInt() == 60, "StorageResolution must be 1 or 60", line);
            }
        }
        return root;
    }

    private static boolean allNumbers(JsonNode array) {
        Iterator<JsonNode> values = array.elements();
        while (values.hasNext()) {
            if (!values.next().isNumber()) {
                return false;
            }
        }
        return array.size() <= 100;
    }

    private static void require(boolean rule, String what, String line) {
        if (!rule) {
            throw new AssertionError("Not valid EMF (" + what + "): " + line);
        }
    }
}
