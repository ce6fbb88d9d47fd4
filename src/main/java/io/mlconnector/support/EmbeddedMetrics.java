package io.mlconnector.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CloudWatch metrics as Embedded Metric Format lines: one JSON object per line with the {@code _aws} metadata, which
 * CloudWatch Logs turns into metrics, no API call needed. The lines go to standard output as they are, where Lambda
 * sends them to the function's log group: the JSON console log would nest them in its own object, which CloudWatch
 * does not read as EMF. Values only, never payloads or secrets.
 */
@ApplicationScoped
public class EmbeddedMetrics {
    /** One metric of a line; {@code unit} is a CloudWatch unit name, e.g. {@code Count} or {@code Seconds}. */
    public record Metric(String name, String unit, double value) {}

    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<String> out;

    /**
     * @param enabled {@code metrics.enabled}: false writes nothing, for runs that print their own report on standard
     *                output (the demo, the soak); in Lambda leave it true
     */
    @Inject
    public EmbeddedMetrics(ObjectMapper json, Clock clock,
                           @ConfigProperty(name = "metrics.enabled", defaultValue = "true") boolean enabled) {
        this(json, clock, enabled ? line -> System.out.println(line) : line -> { });
    }

    /** Writes the lines to {@code out} instead of standard output. */
    public EmbeddedMetrics(ObjectMapper json, Clock clock, Consumer<String> out) {
        this.json = json;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Writes one line with these metrics under one set of dimensions.
     *
     * @param dimensions dimension name to value (CloudWatch allows at most 30)
     * @param properties further top-level members, searchable in Logs Insights but not metrics
     */
    public void publish(String namespace, Map<String, String> dimensions, List<Metric> metrics,
                        Map<String, ?> properties) {
        publish(namespace, List.of(List.copyOf(dimensions.keySet())), dimensions, metrics, properties);
    }

    /**
     * Writes one line whose metrics CloudWatch records under each of several dimension sets, e.g.
     * {@code [[FunctionName, DocumentType], [FunctionName]]}: per document type and, summed over the lines, per
     * function, from one value each.
     *
     * @param dimensionSets each a list of names from {@code dimensions}
     */
    public void publish(String namespace, List<List<String>> dimensionSets, Map<String, String> dimensions,
                        List<Metric> metrics, Map<String, ?> properties) {
        ObjectNode line = json.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode sets = directive.putArray("Dimensions");
        for (List<String> names : dimensionSets) {
            if (!dimensions.keySet().containsAll(names)) {
                throw new IllegalArgumentException("dimension set " + names + " names a dimension without a value");
            }
            ArrayNode dimensionSet = sets.addArray();
            names.forEach(dimensionSet::add);
        }
        ArrayNode definitions = directive.putArray("Metrics");
        properties.forEach((name, value) -> line.set(name, json.valueToTree(value)));
        dimensions.forEach(line::put);
        for (Metric metric : metrics) {
            definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit());
            line.put(metric.name(), metric.value());
        }
        try {
            out.accept(json.writeValueAsString(line));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write a metrics line", impossible);
        }
    }
}
