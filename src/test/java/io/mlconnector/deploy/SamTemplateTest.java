package io.mlconnector.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.mlconnector.lambda.PollerMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks template.yaml against AWS SAM's published schema (offline), proves the check can fail, and checks the
 * invariants the schema cannot express (timeouts, concurrency cap, one artifact, TTL, secrets hygiene).
 *
 * <p>Runs from the project root. The schema is the vendored copy in {@code src/test/resources/sam} (see
 * {@link SamSchema#load()}); nothing outside the repository is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamTemplateTest {

    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final Path SAMCONFIG_EXAMPLE = Path.of("infra", "samconfig.example.toml");
    /** One {@code Name=\"value\"} pair of a samconfig parameter_overrides string. */
    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\\\\\"([^\\\\]*)\\\\\"");
    private static final String ARTIFACT = "target/function.zip";
    private static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final Map<String, String> HANDLER_BY_FUNCTION =
            Map.of("IngestFunction", "ingest", "WorkerFunction", "worker", "PollerFunction", "poller");
    private static final Map<String, Set<String>> SECRETS_BY_FUNCTION = Map.of(
            "IngestFunction", Set.of("WebhookSecret"),
            "WorkerFunction", Set.of("ChargebeeSecret", "AcumaticaSecret"),
            "PollerFunction", Set.of("ChargebeeSecret", "AcumaticaSecret"));
    /** SQS allows at most 12 hours. */
    private static final int SQS_VISIBILITY_TIMEOUT_MAX = 43_200;
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");
    /** Names of variables that would hold a credential rather than a reference to one. */
    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile(".*(PASSWORD|API_KEY|CLIENT_SECRET|PATH_TOKEN|ACCESS_KEY|PRIVATE_KEY).*");

    private final ObjectMapper json = new ObjectMapper();
    private final CloudFormationYaml yaml = new CloudFormationYaml(json);
    private SamSchema schema;
    private SamTemplate template;

    @BeforeAll
    void loadTemplateAndSchema() throws IOException {
        template = new SamTemplate(yaml.parse(Files.readString(TEMPLATE)));
        schema = SamSchema.load();
    }

    // ------------------------------------------------------------------ schema

    @Test
    void template_shouldValidateAgainstSamSchema_withZeroErrors() {
        List<ValidationMessage> errors = schema.validate(template.root());

        assertTrue(errors.isEmpty(), () -> SamSchema.describe(errors, 20));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource({
        "/Resources/WorkerFunction/Properties/Events/EventQueue/Properties, FunctionResponseTypes, FunctionResponseType",
        "/Globals/Function, MemorySize, MemorySise"
    })
    void schema_shouldRejectTemplate_andNameTheProperty_whenOnePropertyIsMisspelt(
            String objectPointer, String property, String misspelling) {
        ObjectNode copy = template.root().deepCopy();
        JsonNode owner = copy.at(objectPointer);
        assertTrue(owner.has(property), () -> "precondition: " + objectPointer + " has " + property);
        ObjectNode misspelt = (ObjectNode) owner;
        misspelt.set(misspelling, misspelt.remove(property));

        List<ValidationMessage> errors = schema.validate(copy);

        assertFalse(errors.isEmpty(), "a misspelt property must fail validation");
        assertTrue(errors.stream().anyMatch(error -> misspelling.equals(error.getProperty())
                        && error.getMessage().contains("'" + misspelling + "'")),
                () -> "no error names '" + misspelling + "': " + SamSchema.describe(errors, 10));
    }

    // ------------------------------------------------------------------ worker and queue

    @Test
    void queueVisibilityTimeout_shouldBeAtLeastSixTimesWorkerTimeoutPlusBatchingWindow_forEveryAllowedTimeout() {
        int batchingWindowMax = upperBound(
                template.singleEvent("WorkerFunction", "SQS").path("Properties").path("MaximumBatchingWindowInSeconds"));

        for (String timeout : workerTimeoutChoices()) {
            Map<String, String> parameters = Map.of("WorkerTimeoutSeconds", timeout);
            int workerTimeout = template.evaluateInt(
                    template.effectiveFunctionProperty("WorkerFunction", "Timeout"), parameters);
            int visibility = template.evaluateInt(
                    template.resource("EventQueue").path("Properties").path("VisibilityTimeout"), parameters);

            assertTrue(visibility >= 6 * workerTimeout + batchingWindowMax,
                    "WorkerTimeoutSeconds=" + timeout + ": visibility " + visibility + " < 6 x " + workerTimeout
                            + " + batching window " + batchingWindowMax);
            assertTrue(visibility <= SQS_VISIBILITY_TIMEOUT_MAX, "visibility timeout beyond SQS maximum: " + visibility);
        }
    }

    @Test
    void claimLease_shouldOutlastOneWorkerRun_andExpireBeforeSqsRedelivers_forEveryAllowedTimeout() {
        for (String timeout : workerTimeoutChoices()) {
            Map<String, String> parameters = Map.of("WorkerTimeoutSeconds", timeout);
            int workerTimeout = template.evaluateInt(
                    template.effectiveFunctionProperty("WorkerFunction", "Timeout"), parameters);
            int visibility = template.evaluateInt(
                    template.resource("EventQueue").path("Properties").path("VisibilityTimeout"), parameters);
            String lease = template.evaluate(
                    template.environment("WorkerFunction").get("SYNC_CLAIM_LEASE"), parameters).asText();

            Matcher seconds = SECONDS.matcher(lease);
            assertTrue(seconds.matches(), "SYNC_CLAIM_LEASE should be whole seconds like 240s, is " + lease);
            int leaseSeconds = Integer.parseInt(seconds.group(1));
            assertTrue(workerTimeout < leaseSeconds && leaseSeconds < visibility,
                    "WorkerTimeoutSeconds=" + timeout + ": expected " + workerTimeout + " < lease " + leaseSeconds
                            + " < visibility " + visibility);
        }
    }

    @Test
    void workerSqsEvent_shouldReportBatchItemFailures_andCapConcurrencyAtTwoOrMore() {
        JsonNode properties = template.singleEvent("WorkerFunction", "SQS").path("Properties");

        assertEquals(getAtt("EventQueue", "Arn"), properties.path("Queue"));
        assertTrue(textValues(properties.path("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                "FunctionResponseTypes must contain ReportBatchItemFailures, is " + properties.path("FunctionResponseTypes"));
        JsonNode maximumConcurrency = properties.path("ScalingConfig").path("MaximumConcurrency");
        assertFalse(maximumConcurrency.isMissingNode(), "ScalingConfig.MaximumConcurrency is what protects Acumatica");
        assertEquals(2, template.evaluateInt(maximumConcurrency, Map.of()), "default concurrency cap");
        assertTrue(lowerBound(maximumConcurrency) >= 2, "Lambda rejects MaximumConcurrency below 2");
    }

    @Test
    void workerBatch_shouldGatherTenMessagesByDefault_andAtMostAHundred_overAWindowOfAtLeastOneSecond() {
        JsonNode properties = template.singleEvent("WorkerFunction", "SQS").path("Properties");
        JsonNode batchSize = properties.path("BatchSize");

        // Ten documents fit the default 120 s worker timeout against a real tenant; fuller batches are allowed.
        assertEquals(10, template.evaluateInt(batchSize, Map.of()), "default batch size");
        assertTrue(upperBound(batchSize) <= 100,
                "a batch's events and its documents of one kind are read in one Chargebee call of at most 100 ids");
        assertTrue(upperBound(batchSize) <= 10 || lowerBound(properties.path("MaximumBatchingWindowInSeconds")) >= 1,
                "Lambda rejects a BatchSize above 10 on a standard queue without a batching window of at least 1 s");
    }

    @Test
    void deadLetterQueue_shouldOutliveSourceMessages_andAcceptOnlyTheEventQueue() {
        JsonNode queue = template.resource("EventQueue").path("Properties");
        JsonNode deadLetters = template.resource("DeadLetterQueue").path("Properties");

        assertEquals(getAtt("DeadLetterQueue", "Arn"), queue.path("RedrivePolicy").path("deadLetterTargetArn"));
        assertEquals(5, template.evaluateInt(queue.path("RedrivePolicy").path("maxReceiveCount"), Map.of()));
        assertEquals(1_209_600, deadLetters.path("MessageRetentionPeriod").asInt(), "14 days");
        // A standard queue's dead letters keep their original enqueue time, so the DLQ must keep them longer.
        assertTrue(deadLetters.path("MessageRetentionPeriod").asInt() > queue.path("MessageRetentionPeriod").asInt());
        assertEquals("byQueue", deadLetters.path("RedriveAllowPolicy").path("redrivePermission").asText());
        String queueName = queue.path("QueueName").path("Fn::Sub").asText();
        String allowedSource = deadLetters.path("RedriveAllowPolicy").path("sourceQueueArns").path(0).path("Fn::Sub").asText();
        assertFalse(queueName.isEmpty(), "the event queue is named so the DLQ can refer to it");
        assertTrue(allowedSource.endsWith(":" + queueName), allowedSource + " should name queue " + queueName);
        assertTrue(queue.path("SqsManagedSseEnabled").asBoolean() && deadLetters.path("SqsManagedSseEnabled").asBoolean(),
                "both queues encrypted at rest");
    }

    // ------------------------------------------------------------------ functions

    @Test
    void functions_shouldShareOneArtifact_andDifferByHandlerName() {
        List<String> functions = template.resourcesOfType(SamTemplate.FUNCTION_TYPE);
        assertEquals(HANDLER_BY_FUNCTION.keySet(), Set.copyOf(functions));

        Set<String> handlerNames = new HashSet<>();
        for (String function : functions) {
            assertEquals(ARTIFACT, template.effectiveFunctionProperty(function, "CodeUri").asText(), function);
            assertEquals("java21", template.effectiveFunctionProperty(function, "Runtime").asText(), function);
            assertEquals(QUARKUS_HANDLER, template.effectiveFunctionProperty(function, "Handler").asText(), function);
            JsonNode memory = template.effectiveFunctionProperty(function, "MemorySize");
            assertTrue(lowerBound(memory) >= 512, function + ": a Quarkus JVM needs at least 512 MB");

            String handlerName = template.environment(function).get("QUARKUS_LAMBDA_HANDLER").asText();
            assertEquals(HANDLER_BY_FUNCTION.get(function), handlerName, function);
            handlerNames.add(handlerName);
        }
        assertEquals(Set.of("ingest", "worker", "poller"), handlerNames);
    }

    @Test
    void functions_shouldGetTheSharedSettingsAsEnvironmentVariables() {
        for (String function : HANDLER_BY_FUNCTION.keySet()) {
            Map<String, JsonNode> environment = template.environment(function);

            assertEquals(ref("StoreTable"), environment.get("STORE_TABLE"), function);
            assertEquals(ref("EventQueue"), environment.get("CONNECTOR_QUEUE_URL"), function);
            assertEquals(ref("DeadLetterQueue"), environment.get("CONNECTOR_DLQ_URL"), function);
            assertEquals("secretsmanager", environment.get("CREDENTIALS_SOURCE").asText(), function);
            assertEquals("true", environment.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText(), function);
            for (String name : List.of("CHARGEBEE_SITE", "CHARGEBEE_BASE_URL", "ACUMATICA_BASE_URL",
                    "ACUMATICA_ENDPOINT_NAME", "ACUMATICA_ENDPOINT_VERSION")) {
                assertTrue(environment.containsKey(name), function + " lacks " + name);
            }
        }
        assertEquals("Default", template.evaluate(ref("AcumaticaEndpointName")).asText());
        assertEquals("24.200.001", template.evaluate(ref("AcumaticaEndpointVersion")).asText());
    }

    @Test
    void ingestRoutes_shouldAcceptBasicAuthAndPathTokenPosts_withPayloadFormat2() {
        Set<String> routes = new TreeSet<>();
        template.resource("IngestFunction").path("Properties").path("Events").elements().forEachRemaining(event -> {
            assertEquals("HttpApi", event.path("Type").asText());
            JsonNode properties = event.path("Properties");
            assertEquals(ref("WebhookApi"), properties.path("ApiId"));
            assertEquals("2.0", properties.path("PayloadFormatVersion").asText());
            routes.add(properties.path("Method").asText() + " " + properties.path("Path").asText());
        });

        assertEquals(Set.of("POST /chargebee/webhook", "POST /chargebee/webhook/{token}"), routes);
        assertTrue(template.evaluateInt(template.effectiveFunctionProperty("IngestFunction", "Timeout"), Map.of()) <= 10,
                "the webhook answers fast; heavy work belongs to the worker");
    }

    @Test
    void pollerSchedule_shouldRunOnTheParameterisedRate_withoutFlexibleWindow_andWithRetries() {
        JsonNode properties = template.resource("PollerFunction").path("Properties").path("Events").path("Schedule")
                .path("Properties");

        assertEquals("rate(5 minutes)", template.evaluate(properties.path("ScheduleExpression")).asText());
        JsonNode mode = properties.path("FlexibleTimeWindow").path("Mode");
        // An unquoted OFF is YAML 1.1's boolean false, which EventBridge Scheduler rejects.
        assertTrue(mode.isTextual() && "OFF".equals(mode.asText()), "FlexibleTimeWindow.Mode must be the string OFF, is " + mode);
        assertTrue(properties.path("RetryPolicy").has("MaximumRetryAttempts"));
        assertTrue(properties.path("RetryPolicy").has("MaximumEventAgeInSeconds"));
    }

    @Test
    void pollerMorePendingAlarm_shouldWatchThePollersOwnMetric_andFireAfterThreePollsInARow() {
        JsonNode alarm = template.resource("PollerMorePendingAlarm").path("Properties");

        // The names the poller writes in its Embedded Metric Format line.
        assertEquals(PollerMetrics.NAMESPACE, alarm.path("Namespace").asText());
        assertEquals(PollerMetrics.MORE_PENDING, alarm.path("MetricName").asText());
        assertEquals(1, alarm.path("Dimensions").size(), "the poller writes one dimension");
        assertEquals(PollerMetrics.DIMENSION, alarm.path("Dimensions").get(0).path("Name").asText());
        assertEquals(ref("PollerFunction"), alarm.path("Dimensions").get(0).path("Value"),
                "the dimension is the function name, which Lambda gives the poller");
        // Pending (1) in each of three consecutive periods, one poll each at the default schedule.
        assertEquals("Maximum", alarm.path("Statistic").asText());
        assertEquals(3, template.evaluateInt(alarm.path("EvaluationPeriods"), Map.of()));
        assertEquals(3, template.evaluateInt(alarm.path("DatapointsToAlarm"), Map.of()));
        assertEquals(1, template.evaluateInt(alarm.path("Threshold"), Map.of()));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText());
        Matcher rate = Pattern.compile("rate\\((\\d+) minutes?\\)").matcher(
                template.parameter("PollerScheduleExpression").path("Default").asText());
        assertTrue(rate.matches(), "the default schedule is a rate in minutes");
        assertEquals(Integer.parseInt(rate.group(1)) * 60, template.evaluateInt(alarm.path("Period"), Map.of()),
                "one period per poll");
        assertEquals("notBreaching", alarm.path("TreatMissingData").asText(), "a disabled poller is not behind");
        // Notifies the optional topic, as the other alarms do.
        JsonNode queueAlarm = template.resource("EventQueueAgeAlarm").path("Properties");
        assertEquals(queueAlarm.path("AlarmActions"), alarm.path("AlarmActions"));
        assertEquals(queueAlarm.path("OKActions"), alarm.path("OKActions"));
    }

    @Test
    void periodClose_shouldBeOffByDefault_andSendThePreviousMonthUnlessPosted_everyQuarterHourOfTheMorning() {
        JsonNode properties = template.resource("PollerFunction").path("Properties").path("Events").path("PeriodClose")
                .path("Properties");

        assertEquals("ScheduleV2", template.resource("PollerFunction").path("Properties").path("Events")
                .path("PeriodClose").path("Type").asText());
        assertEquals("DISABLED", template.evaluate(properties.path("State")).asText(), "summary mode is opt-in");
        assertEquals("cron(0/15 6-9 3 * ? *)", template.evaluate(properties.path("ScheduleExpression")).asText(),
                "runs again and again, so that a month too large for one invocation goes on reading");
        assertEquals(json.valueToTree(Map.of("gl_summary", Map.of("period", "previous", "unless_posted", true))),
                readTree(properties.path("Input").asText()));
        assertEquals("OFF", properties.path("FlexibleTimeWindow").path("Mode").asText());
    }

    @Test
    void poller_shouldRunOneInvocationAtATime_soPeriodClosesNeverOverlap() {
        JsonNode reserved = template.resource("PollerFunction").path("Properties").path("ReservedConcurrentExecutions");

        assertTrue(!reserved.isMissingNode(), "PollerFunction needs ReservedConcurrentExecutions");
        assertEquals(1, template.evaluate(reserved).asInt(), "PollerFunction needs ReservedConcurrentExecutions: 1");
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    // ------------------------------------------------------------------ state and secrets

    @Test
    void storeTable_shouldExpireItemsOnExpiresAt_andUseTheConnectorsKeys() {
        JsonNode table = template.resource("StoreTable").path("Properties");

        assertEquals("expiresAt", table.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals(json.valueToTree(List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE"))), table.path("KeySchema"));
        assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
        assertTrue(table.path("SSESpecification").path("SSEEnabled").asBoolean());
    }

    @Test
    void template_shouldKeepSecretValuesOutOfThePlainText() {
        List<String> dynamicReferences = new ArrayList<>();
        collectTexts(template.root(), "", (location, text) -> {
            if (text.contains("{{resolve:secretsmanager") || text.contains("{{resolve:ssm-secure")) {
                dynamicReferences.add(location);
            }
        });
        assertEquals(List.of(), dynamicReferences, "secret dynamic references put plaintext into resource configs");

        for (String secret : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            assertFalse(template.resource(secret).path("Properties").has("SecretString"),
                    secret + " must be created empty and filled by infra/put-secrets.sh");
        }
        for (String function : HANDLER_BY_FUNCTION.keySet()) {
            for (String name : template.environment(function).keySet()) {
                assertFalse(CREDENTIAL_NAME.matcher(name).matches(),
                        function + " has an environment variable that looks like a credential: " + name);
            }
        }
    }

    @Test
    void everyQuarkusVariable_shouldNameACurrentProperty_soNoColdStartLogsADeprecationWarning() {
        QuarkusConfigModel quarkus = QuarkusConfigModel.fromClassPath();
        assertTrue(quarkus.size() > 100, "the extensions' config models are on the test class path");
        assertTrue(quarkus.forEnvironmentVariable("QUARKUS_LOG_CONSOLE_JSON").flatMap(
                QuarkusConfigModel.Property::deprecatedSince).isPresent(), "the check knows a deprecated property");

        for (String function : HANDLER_BY_FUNCTION.keySet()) {
            template.environment(function).keySet().stream().filter(name -> name.startsWith("QUARKUS_")).forEach(name -> {
                QuarkusConfigModel.Property property = quarkus.forEnvironmentVariable(name).orElseThrow(
                        () -> new AssertionError(function + ": " + name + " names no property any extension documents"));
                assertTrue(property.deprecatedSince().isEmpty(), function + ": " + name + " sets " + property.name()
                        + ", deprecated since " + property.deprecatedSince().orElse(""));
            });
        }
    }

    @Test
    void mappingFileInS3_shouldBeReadableByWorkerAndPoller_onlyThatObject_andOnlyWhenConfigured() {
        for (String function : List.of("WorkerFunction", "PollerFunction")) {
            JsonNode uri = template.environment(function).get("SYNC_MAPPING_S3_URI");
            assertEquals("HasMappingS3Object", uri.path("Fn::If").path(0).asText(), function);
            assertEquals("s3://${MappingS3Bucket}/${MappingS3Key}", uri.path("Fn::If").path(1).path("Fn::Sub").asText());
            List<String> grants = new ArrayList<>();
            for (JsonNode policy : template.resource(function).path("Properties").path("Policies")) {
                JsonNode conditional = policy.path("Fn::If");
                if ("HasMappingS3Object".equals(conditional.path(0).asText())) {
                    for (JsonNode statement : conditional.path(1).path("Statement")) {
                        grants.add(statement.path("Action").asText() + " " + statement.path("Resource").path("Fn::Sub").asText());
                    }
                }
            }
            assertEquals(List.of("s3:GetObject arn:${AWS::Partition}:s3:::${MappingS3Bucket}/${MappingS3Key}"), grants,
                    function);
        }
        assertFalse(template.environment("IngestFunction").containsKey("SYNC_MAPPING_S3_URI"), "ingest maps nothing");
        String rule = template.root().path("Rules").path("MappingS3BucketAndKeyTogether").toString();
        assertTrue(rule.contains("MappingS3Bucket") && rule.contains("MappingS3Key"),
                "a stack with only one of bucket and key is refused, not deployed on the default mapping: " + rule);
    }

    @Test
    void workerAndPoller_shouldBeAllowedToGiveDocumentLeasesBack() {
        for (String function : List.of("WorkerFunction", "PollerFunction")) {
            List<String> actions = new ArrayList<>();
            for (JsonNode policy : template.resource(function).path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    if (getAtt("StoreTable", "Arn").equals(statement.path("Resource"))) {
                        actions.addAll(textValues(statement.path("Action")));
                    }
                }
            }
            assertTrue(actions.containsAll(List.of("dynamodb:PutItem", "dynamodb:DeleteItem")),
                    function + " takes and releases leases on the table: " + actions);
        }
    }

    @Test
    void functions_shouldReadExactlyTheSecretsTheyNeed() {
        JsonNode globalVariables = template.root().path("Globals").path("Function").path("Environment").path("Variables");
        globalVariables.fieldNames().forEachRemaining(name -> assertFalse(name.endsWith("_SECRET_ID"),
                "secret ids belong to the functions that need them, not to Globals: " + name));

        for (Map.Entry<String, Set<String>> expected : SECRETS_BY_FUNCTION.entrySet()) {
            String function = expected.getKey();
            Set<String> configured = new TreeSet<>();
            template.environment(function).forEach((name, value) -> {
                if (name.startsWith("CREDENTIALS_") && name.endsWith("_SECRET_ID")) {
                    configured.add(value.path("Ref").asText("<not a Ref: " + value + ">"));
                }
            });
            Set<String> readable = secretsReadableBy(function);

            assertEquals(new TreeSet<>(expected.getValue()), configured, function + " secret ids");
            assertEquals(new TreeSet<>(expected.getValue()), readable, function + " GetSecretValue grants");
        }
    }

    @Test
    void outputs_shouldExposeWhatOperatorsAndScriptsNeed() {
        JsonNode outputs = template.root().path("Outputs");
        for (String name : List.of("WebhookUrl", "QueueUrl", "QueueArn", "DeadLetterQueueUrl", "DeadLetterQueueArn",
                "TableName", "ChargebeeSecretArn", "WebhookSecretArn", "AcumaticaSecretArn")) {
            assertTrue(outputs.has(name), "missing output " + name);
        }
        String webhookUrl = outputs.path("WebhookUrl").path("Value").path("Fn::Sub").asText();
        assertTrue(webhookUrl.startsWith("https://${WebhookApi}.execute-api.") && webhookUrl.endsWith("/chargebee/webhook"),
                "WebhookUrl should be the Basic-auth route of the HTTP API, is " + webhookUrl);
        assertEquals(getAtt("DeadLetterQueue", "Arn"), outputs.path("DeadLetterQueueArn").path("Value"));
    }

    @Test
    void samconfigExample_shouldOnlySetDeclaredParameters_toValuesTheTemplateAccepts() throws IOException {
        List<String> overrideLines = Files.readAllLines(SAMCONFIG_EXAMPLE).stream()
                .filter(line -> line.startsWith("parameter_overrides"))
                .toList();
        assertFalse(overrideLines.isEmpty(), "the example should show parameter_overrides");

        int checked = 0;
        for (String line : overrideLines) {
            Matcher override = OVERRIDE.matcher(line);
            while (override.find()) {
                assertAcceptedParameterValue(override.group(1), override.group(2));
                checked++;
            }
        }
        assertTrue(checked >= 2, "no Name=\\\"value\\\" pairs found in " + overrideLines);
    }

    private void assertAcceptedParameterValue(String name, String value) {
        JsonNode parameter = template.parameter(name);
        List<String> allowed = textValues(parameter.path("AllowedValues"));
        assertTrue(allowed.isEmpty() || allowed.contains(value), name + "=" + value + " is not one of " + allowed);
        if (parameter.has("AllowedPattern")) {
            assertTrue(Pattern.matches(parameter.path("AllowedPattern").asText(), value),
                    name + "=" + value + " does not match " + parameter.path("AllowedPattern").asText());
        }
        if (parameter.has("MinValue") || parameter.has("MaxValue")) {
            int number = Integer.parseInt(value);
            assertTrue(number >= parameter.path("MinValue").asInt(Integer.MIN_VALUE)
                    && number <= parameter.path("MaxValue").asInt(Integer.MAX_VALUE), name + "=" + value + " out of range");
        }
    }

    // ------------------------------------------------------------------ the YAML reader itself

    @Test
    void yamlReader_shouldTurnEveryShortFormIntrinsicIntoItsLongForm() throws IOException {
        String source = String.join("\n",
                "a: !Ref Param",
                "b: !GetAtt Queue.Arn",
                "c: !GetAtt [Stack, Outputs.Url]",
                "d: !Sub 'arn:${AWS::Partition}:sqs'",
                "e: !Sub ['${X}s', {X: !FindInMap [M, !Ref K, V]}]",
                "f: !Join ['', [a, !Ref B]]",
                "g: !If [Cond, !Ref AWS::NoValue, 1]",
                "h: !Not [!Equals [!Ref P, '']]",
                "i: !And [!Condition C1, !Or [!Condition C2, !Condition C3]]",
                "j: !Select [0, !GetAZs '']",
                "k: !Split [',', !ImportValue Shared]",
                "l: !Base64 text",
                "m: !Cidr [10.0.0.0/16, 4, 8]",
                "n: 2010-09-09",
                "");
        JsonNode expected = json.readTree("""
                {"a": {"Ref": "Param"},
                 "b": {"Fn::GetAtt": ["Queue", "Arn"]},
                 "c": {"Fn::GetAtt": ["Stack", "Outputs.Url"]},
                 "d": {"Fn::Sub": "arn:${AWS::Partition}:sqs"},
                 "e": {"Fn::Sub": ["${X}s", {"X": {"Fn::FindInMap": ["M", {"Ref": "K"}, "V"]}}]},
                 "f": {"Fn::Join": ["", ["a", {"Ref": "B"}]]},
                 "g": {"Fn::If": ["Cond", {"Ref": "AWS::NoValue"}, 1]},
                 "h": {"Fn::Not": [{"Fn::Equals": [{"Ref": "P"}, ""]}]},
                 "i": {"Fn::And": [{"Condition": "C1"}, {"Fn::Or": [{"Condition": "C2"}, {"Condition": "C3"}]}]},
                 "j": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                 "k": {"Fn::Split": [",", {"Fn::ImportValue": "Shared"}]},
                 "l": {"Fn::Base64": "text"},
                 "m": {"Fn::Cidr": ["10.0.0.0/16", 4, 8]},
                 "n": "2010-09-09"}
                """);

        assertEquals(expected, yaml.parse(source));
    }

    @Test
    void yamlReader_shouldRejectUnknownTags_andDuplicateKeys() {
        YAMLException unknownTag = assertThrows(YAMLException.class, () -> yaml.parse("a: !Reff Param\n"));
        assertTrue(unknownTag.getMessage().contains("!Reff"), unknownTag.getMessage());
        assertThrows(YAMLException.class, () -> yaml.parse("a: 1\na: 2\n"));
    }

    // ------------------------------------------------------------------ helpers

    private List<String> workerTimeoutChoices() {
        JsonNode parameter = template.parameter("WorkerTimeoutSeconds");
        List<String> choices = textValues(parameter.path("AllowedValues"));
        assertFalse(choices.isEmpty(), "WorkerTimeoutSeconds needs AllowedValues: the mapping covers only those");
        assertTrue(choices.contains(parameter.path("Default").asText()), "the default must be an allowed value");
        return choices;
    }

    /** Largest value a property can take: a literal, or the MaxValue / largest AllowedValue of its parameter. */
    private int upperBound(JsonNode value) {
        return bound(value, "MaxValue", true);
    }

    /** Smallest value a property can take: a literal, or the MinValue / smallest AllowedValue of its parameter. */
    private int lowerBound(JsonNode value) {
        return bound(value, "MinValue", false);
    }

    private int bound(JsonNode value, String limitKey, boolean upper) {
        if (!value.has("Ref")) {
            return template.evaluateInt(value, Map.of());
        }
        JsonNode parameter = template.parameter(value.path("Ref").asText());
        if (parameter.has(limitKey)) {
            return parameter.path(limitKey).asInt();
        }
        List<Integer> allowed = textValues(parameter.path("AllowedValues")).stream().map(Integer::valueOf).toList();
        assertFalse(allowed.isEmpty(), "parameter " + value.path("Ref").asText() + " is unbounded: add " + limitKey);
        return upper ? allowed.stream().max(Integer::compare).orElseThrow()
                : allowed.stream().min(Integer::compare).orElseThrow();
    }

    /** Logical ids of the secrets a function's inline policies allow it to read. */
    private Set<String> secretsReadableBy(String function) {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode policy : template.resource(function).path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                if (!textValues(statement.path("Action")).contains("secretsmanager:GetSecretValue")) {
                    continue;
                }
                JsonNode resources = statement.path("Resource");
                for (JsonNode resource : resources.isArray() ? resources : json.createArrayNode().add(resources)) {
                    assertTrue(resource.has("Ref"), function + " grants GetSecretValue on " + resource + ", not on a stack secret");
                    secrets.add(resource.path("Ref").asText());
                }
            }
        }
        return secrets;
    }

    private static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private interface TextVisitor {
        void visit(String location, String text);
    }

    private static void collectTexts(JsonNode node, String location, TextVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(location, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTexts(node.get(i), location + "/" + i, visitor);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                visitor.visit(location + "/" + entry.getKey() + " (key)", entry.getKey());
                collectTexts(entry.getValue(), location + "/" + entry.getKey(), visitor);
            }
        }
    }

    private JsonNode ref(String logicalId) {
        return json.createObjectNode().put("Ref", logicalId);
    }

    private JsonNode getAtt(String logicalId, String attribute) {
        ObjectNode node = json.createObjectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }
}
