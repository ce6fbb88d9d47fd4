package io.mlconnector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.testing.EmfLines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format lines, parsed back and checked against the specification. */
class EmbeddedMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123Z");

    private final List<String> lines = new ArrayList<>();
    private final EmbeddedMetrics metrics =
            new EmbeddedMetrics(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    @Test
    void publish_shouldWriteOneValidEmfLine_withTheMetricsDimensionsAndProperties() {
        metrics.publish("MlConnector", Map.of("FunctionName", "stack-poller"),
                List.of(new EmbeddedMetrics.Metric("PollerMorePending", "Count", 1),
                        new EmbeddedMetrics.Metric("PollerEventsQueued", "Count", 2000)),
                Map.of("pages", 20, "cursor", "2026-12-03T09:58:00Z"));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n");
        JsonNode line = EmfLines.valid(lines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("MlConnector");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"FunctionName\"]]");
        assertThat(directive.path("Metrics").findValuesAsText("Name"))
                .containsExactly("PollerMorePending", "PollerEventsQueued");
        assertThat(line.path("FunctionName").asText()).isEqualTo("stack-poller");
        assertThat(line.path("PollerMorePending").asDouble()).isEqualTo(1);
        assertThat(line.path("PollerEventsQueued").asDouble()).isEqualTo(2000);
        assertThat(line.path("pages").asInt()).isEqualTo(20);
    }

    @Test
    void publish_shouldNameEveryDimensionSet_andRefuseASetWithoutItsValue() {
        metrics.publish("MlConnector", List.of(List.of("FunctionName", "DocumentType"), List.of("FunctionName")),
                Map.of("FunctionName", "stack-worker", "DocumentType", "invoice"),
                List.of(new EmbeddedMetrics.Metric("Posted", "Count", 7)), Map.of());

        JsonNode line = EmfLines.valid(lines.get(0));
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"FunctionName\",\"DocumentType\"],[\"FunctionName\"]]");
        assertThat(line.path("DocumentType").asText()).isEqualTo("invoice");
        assertThat(line.path("Posted").asInt()).isEqualTo(7);
        assertThatThrownBy(() -> metrics.publish("MlConnector", List.of(List.of("DocumentType")),
                Map.of("FunctionName", "f"), List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emfCheck_shouldRejectALine_whoseMetricHasNoValue_orWhoseDimensionIsMissing() {
        String noValue = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[],"
                + "\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]}}";
        String noDimension = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                + "\"Dimensions\":[[\"FunctionName\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":1}";

        assertThatThrownBy(() -> EmfLines.valid(noValue)).hasMessageContaining("metric M");
        assertThatThrownBy(() -> EmfLines.valid(noDimension)).hasMessageContaining("dimension");
    }
}
