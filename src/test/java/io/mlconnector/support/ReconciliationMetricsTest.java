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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationMetricsTest {
    private final List<String> lines = new ArrayList<>();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics(new ObjectMapper(),
            Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC), lines::add);

    @Test
    void publishReconciliation_shouldWriteTheDifferencesByFunctionName() {
        new ReconciliationMetrics(metrics, Optional.of("stack-PollerFunction-AbC")).publishReconciliation(3);

        JsonNode line = EmfLines.valid(lines.get(0));
        assertThat(line.path(MetricNames.RECONCILIATION_DIFFERENCES).asInt()).isEqualTo(3);
        assertThat(line.path(MetricNames.FUNCTION_NAME).asText()).isEqualTo("stack-PollerFunction-AbC");
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo(MetricNames.NAMESPACE);
    }

    @Test
    void publishReconciliation_shouldWriteZero_soTheAlarmReturnsToOk_whenTheBooksAgree() {
        new ReconciliationMetrics(metrics, Optional.empty()).publishReconciliation(0);

        JsonNode line = EmfLines.valid(lines.get(0));
        assertThat(line.path(MetricNames.RECONCILIATION_DIFFERENCES).isNumber()).isTrue();
        assertThat(line.path(MetricNames.RECONCILIATION_DIFFERENCES).asInt()).isZero();
        assertThat(line.path(MetricNames.FUNCTION_NAME).asText()).isEqualTo("local");
    }

    @Test
    void publishReconciliation_shouldRefuseANegativeCount() {
        assertThatThrownBy(() -> new ReconciliationMetrics(metrics, Optional.empty()).publishReconciliation(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
