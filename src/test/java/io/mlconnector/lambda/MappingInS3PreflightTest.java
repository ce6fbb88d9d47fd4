package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testing.FakeS3;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mapping file read from S3 (a file with its comments outgrows an SSM parameter), checked by the poller's
 * {@code {"preflight": true}}: a broken file, a missing object and a good file each get a plain answer, never a
 * stack trace.
 */
@QuarkusTest
@TestProfile(MappingInS3PreflightTest.MappingInS3.class)
class MappingInS3PreflightTest {
    static final String BUCKET = "finance-config";
    static final String KEY = "connector/mapping.yaml";
    private static final String PREFLIGHT = "{\"preflight\": true}";

    private final LambdaInvoker lambda = new LambdaInvoker();

    public static class MappingInS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No cache: each test puts its own file, and the connector must read what is there now.
            return Map.of("quarkus.lambda.handler", "poller", "sync.mapping.s3-uri", "s3://" + BUCKET + "/" + KEY,
                    "credentials.cache-ttl", "0s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class), new TestResourceEntry(FakeS3.class));
        }
    }

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
    }

    @Test
    void preflight_shouldAnswerNotCleanWithEveryProblemAndItsLine_whenTheMappingFileIsBroken() throws IOException {
        FakeS3.put(BUCKET, KEY, Files.readString(Path.of("src/test/resources/mapping/invalid/many-problems.yaml")));

        JsonNode answer = lambda.invoke(PREFLIGHT);

        assertThat(answer.path("clean").asBoolean(true)).isFalse();
        assertThat(answer.path("mapping").asText()).isEqualTo("s3://finance-config/connector/mapping.yaml");
        assertThat(answer.path("mapping_problems")).hasSizeGreaterThan(3);
        answer.path("mapping_problems").forEach(problem -> assertThat(problem.asText())
                .matches("s3://finance-config/connector/mapping\\.yaml:\\d+:\\d+: .+"));
        assertThat(answer.toString()).doesNotContain("Exception", "\\tat ", "errorMessage");
    }

    @Test
    void preflight_shouldSayTheObjectIsMissing_whenNothingIsAtTheUri() {
        FakeS3.delete(BUCKET, KEY);

        JsonNode answer = lambda.invoke(PREFLIGHT);

        assertThat(answer.path("clean").asBoolean(true)).isFalse();
        assertThat(answer.path("mapping_problems").path(0).asText())
                .contains("s3://finance-config/connector/mapping.yaml", "403", "AccessDenied", "MappingS3Key");
    }

    @Test
    void preflight_shouldReadTheWholeCommentedFileFromS3_andFindItClean() throws IOException {
        String documented = Files.readString(Path.of("src/main/resources/mapping/default-mapping.yaml"));
        assertThat(documented.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("the documented mapping outgrows an advanced SSM parameter (8 KB): why S3 exists").isGreaterThan(8192);
        FakeS3.put(BUCKET, KEY, documented);

        JsonNode answer = lambda.invoke(PREFLIGHT);

        assertThat(answer.path("mapping").asText()).isEqualTo("s3://finance-config/connector/mapping.yaml");
        assertThat(answer.path("gaps")).isEmpty();
        assertThat(answer.path("clean").asBoolean()).isTrue();
    }

    @Test
    void preflight_shouldWarnWithoutHolding_whenNoCustomerClassConfirmsACreditTermsId() throws IOException {
        String documented = Files.readString(Path.of("src/main/resources/mapping/default-mapping.yaml"));
        FakeS3.put(BUCKET, KEY, documented.replace("\"30\": 30D", "\"30\": 60D"));

        JsonNode answer = lambda.invoke(PREFLIGHT);

        assertThat(answer.path("clean").asBoolean()).as("terms cannot be listed, so they only warn").isTrue();
        assertThat(answer.path("warnings")).singleElement().satisfies(warning -> assertThat(warning.asText())
                .contains("credit terms 60D", "is not the terms of any customer class", "customers.terms"));
    }
}
