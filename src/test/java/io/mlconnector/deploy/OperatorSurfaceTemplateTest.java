package io.mlconnector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.support.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What template.yaml gives the operator (issue #12): alarms that notify someone, a dashboard whose metric names the
 * code really writes, a private report bucket and the daily reconciliation. SamTemplateTest keeps the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorSurfaceTemplateTest {
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final String NAMESPACE_LAMBDA = "AWS/Lambda";
    /** The AWS metrics the alarms and the dashboard may use, by namespace; MlConnector's are MetricNames'. */
    private static final Map<String, Set<String>> AWS_METRICS = Map.of(
            NAMESPACE_LAMBDA, Set.of("Errors", "Throttles", "Duration", "Invocations"),
            "AWS/SQS", Set.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                    "NumberOfMessagesSent"),
            "AWS/ApiGateway", Set.of("4xx", "5xx", "Count"));
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern SEARCH_METRIC = Pattern.compile("MetricName=\"([^\"]+)\"");
    private static final Pattern SEARCH_SCHEMA = Pattern.compile("\\{([^{}']+)}");

    private final ObjectMapper json = new ObjectMapper();
    private SamTemplate template;

    @BeforeAll
    void loadTemplate() throws IOException {
        template = new SamTemplate(new CloudFormationYaml(json).parse(Files.readString(Path.of("template.yaml"))));
    }

    @Test
    void everyAlarm_shouldNotifyTheGivenTopic_elseTheOneTheStackCreates() {
        JsonNode topic = json.createObjectNode().set("Fn::If", json.createArrayNode().add("HasAlarmTopic")
                .add(ref("AlarmTopicArn")).add(ref("NotificationTopic")));

        List<String> alarms = template.resourcesOfType(ALARM);
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(13);
        for (String alarm : alarms) {
            JsonNode properties = template.resource(alarm).path("Properties");
            assertThat(properties.path("AlarmActions")).as(alarm + " AlarmActions")
                    .isEqualTo(json.createArrayNode().add(topic));
            assertThat(properties.path("OKActions")).as(alarm + " OKActions").isEqualTo(json.createArrayNode().add(topic));
        }
        JsonNode conditions = template.root().path("Conditions");
        assertThat(conditions.path("CreateNotificationTopic")).isEqualTo(json.createObjectNode().set("Fn::Equals",
                json.createArrayNode().add(ref("AlarmTopicArn")).add("")));
        assertThat(template.resource("NotificationTopic").path("Condition").asText()).isEqualTo("CreateNotificationTopic");
        assertThat(template.resource("NotificationTopic").path("Properties").path("KmsMasterKeyId").asText(""))
                .as("CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key")
                .doesNotContain("alias/aws/sns");
    }

    @Test
    void notificationEmail_shouldBeOptional_andSubscribeByMail_onlyWhenGiven() {
        JsonNode parameter = template.parameter("NotificationEmail");
        Pattern allowed = Pattern.compile(parameter.path("AllowedPattern").asText());

        assertThat(parameter.path("Default").asText()).isEmpty();
        assertThat(allowed.matcher("").matches()).isTrue();
        assertThat(allowed.matcher("finance-ops@example.com").matches()).isTrue();
        assertThat(allowed.matcher("not an address").matches()).isFalse();
        assertThat(allowed.matcher("a@b").matches()).isFalse();
        JsonNode subscription = template.resource("NotificationSubscription");
        assertThat(subscription.path("Condition").asText()).isEqualTo("HasNotificationEmail");
        assertThat(subscription.path("Properties").path("Protocol").asText()).isEqualTo("email");
        assertThat(subscription.path("Properties").path("Endpoint")).isEqualTo(ref("NotificationEmail"));
    }

    @Test
    void everyFunction_shouldHaveAnErrorsAlarmAndAThrottlesAlarm() {
        List<String> functions = template.resourcesOfType(SamTemplate.FUNCTION_TYPE);
        assertThat(functions).as("the design card's three functions")
                .containsExactlyInAnyOrder("IngestFunction", "WorkerFunction", "PollerFunction");
        for (String function : functions) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(template.resourcesOfType(ALARM)).as(function + " " + metric).anySatisfy(alarm -> {
                    JsonNode properties = template.resource(alarm).path("Properties");
                    assertThat(properties.path("Namespace").asText()).isEqualTo(NAMESPACE_LAMBDA);
                    assertThat(properties.path("MetricName").asText()).isEqualTo(metric);
                    assertThat(properties.path("Dimensions")).singleElement().satisfies(dimension -> {
                        assertThat(dimension.path("Name").asText()).isEqualTo("FunctionName");
                        assertThat(dimension.path("Value")).isEqualTo(ref(function));
                    });
                    assertThat(properties.path("Statistic").asText()).isEqualTo("Sum");
                    assertThat(properties.path("Threshold").asInt()).isZero();
                    assertThat(properties.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
                });
            }
        }
    }

    @Test
    void alarmsAndDashboard_shouldUseOnlyMetricNamesTheCodeWrites_andTheDashboardShowsEveryOne() {
        List<MetricUse> uses = new ArrayList<>();
        for (String alarm : template.resourcesOfType(ALARM)) {
            JsonNode properties = template.resource(alarm).path("Properties");
            if (properties.has("MetricName")) {
                uses.add(new MetricUse(alarm, properties.path("Namespace").asText(),
                        properties.path("MetricName").asText(), dimensionNames(properties.path("Dimensions"))));
            }
            for (JsonNode query : properties.path("Metrics")) {
                JsonNode metric = query.path("MetricStat").path("Metric");
                if (!metric.isMissingNode()) {
                    uses.add(new MetricUse(alarm, metric.path("Namespace").asText(),
                            metric.path("MetricName").asText(), dimensionNames(metric.path("Dimensions"))));
                }
            }
        }
        List<MetricUse> dashboard = dashboardMetrics();
        uses.addAll(dashboard);

        assertThat(dashboard).hasSizeGreaterThan(20);
        for (MetricUse use : uses) {
            if (MetricNames.NAMESPACE.equals(use.namespace())) {
                assertThat(MetricNames.ALL).as(use + " is written by the code").contains(use.name());
                assertThat(Set.of(MetricNames.FUNCTION_NAME, MetricNames.DOCUMENT_TYPE)).as(use + " dimensions")
                        .containsAll(use.dimensions());
            } else {
                assertThat(AWS_METRICS).as(use + ": a namespace the template should use").containsKey(use.namespace());
                assertThat(AWS_METRICS.get(use.namespace())).as(use.toString()).contains(use.name());
            }
        }
        Set<String> shown = new TreeSet<>();
        dashboard.stream().filter(use -> MetricNames.NAMESPACE.equals(use.namespace()))
                .forEach(use -> shown.add(use.name()));
        assertThat(shown).as("every metric the code writes is on the dashboard").isEqualTo(new TreeSet<>(MetricNames.ALL));
    }

    @Test
    void reportBucket_shouldBePrivate_encrypted_tlsOnly_expiring_andKeptWhenTheStackGoes() {
        JsonNode bucket = template.resource("ReportBucket");
        JsonNode properties = bucket.path("Properties");

        assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(bucket.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        JsonNode block = properties.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
        }
        assertThat(properties.path("OwnershipControls").path("Rules")).singleElement()
                .satisfies(rule -> assertThat(rule.path("ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced"));
        assertThat(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration")).singleElement()
                .satisfies(rule -> assertThat(rule.at("/ServerSideEncryptionByDefault/SSEAlgorithm").asText())
                        .isIn("AES256", "aws:kms", "aws:kms:dsse"));
        assertThat(properties.path("LifecycleConfiguration").path("Rules")).anySatisfy(rule -> {
            assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
            assertThat(rule.path("ExpirationInDays")).isEqualTo(ref("ReportRetentionDays"));
        });

        JsonNode policy = template.resource("ReportBucketPolicy").path("Properties");
        assertThat(policy.path("Bucket")).isEqualTo(ref("ReportBucket"));
        assertThat(policy.path("PolicyDocument").path("Statement")).anySatisfy(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.path("Principal").asText()).isEqualTo("*");
            assertThat(statement.path("Action").asText()).isEqualTo("s3:*");
            assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
            assertThat(statement.path("Resource").toString()).contains("ReportBucket", "/*");
            assertThat(statement.path("Resource")).hasSize(2);
        });
    }

    @Test
    void poller_shouldReconcileTheCurrentMonthDaily_andBeAllowedToWriteReportsAndWorkTheDlq() throws IOException {
        JsonNode event = template.resource("PollerFunction").path("Properties").path("Events")
                .path("DailyReconciliation");
        JsonNode properties = event.path("Properties");

        assertThat(event.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(json.readTree(properties.path("Input").asText()))
                .isEqualTo(json.readTree("{\"reconcile\":{\"period\":\"current\"}}"));
        assertThat(template.evaluate(properties.path("State")).asText()).isEqualTo("ENABLED");
        assertThat(template.evaluate(properties.path("ScheduleExpression")).asText()).isEqualTo("cron(0 7 * * ? *)");
        assertThat(properties.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");

        assertThat(template.environment("PollerFunction").get("REPORTS_BUCKET")).isEqualTo(ref("ReportBucket"));
        String policies = template.resource("PollerFunction").path("Properties").path("Policies").toString();
        assertThat(policies).contains("\"s3:PutObject\"", "${ReportBucket.Arn}/*", "sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
        assertThat(statementWith(policies, "sqs:ReceiveMessage")).contains("DeadLetterQueue");
    }

    @Test
    void outputs_shouldNameTheFunctionsTopicBucketAndDashboard() {
        JsonNode outputs = template.root().path("Outputs");

        assertThat(outputs.path("PollerFunctionName").path("Value")).isEqualTo(ref("PollerFunction"));
        assertThat(outputs.path("IngestFunctionName").path("Value")).isEqualTo(ref("IngestFunction"));
        assertThat(outputs.path("WorkerFunctionName").path("Value")).isEqualTo(ref("WorkerFunction"));
        assertThat(outputs.path("ReportBucketName").path("Value")).isEqualTo(ref("ReportBucket"));
        assertThat(outputs.path("NotificationTopicArn").path("Value").toString())
                .contains("AlarmTopicArn", "NotificationTopic");
        assertThat(outputs.path("DashboardUrl").path("Value").path("Fn::Sub").asText())
                .contains("#dashboards:name=${OperationsDashboard}");
    }

    /** A metric an alarm or a dashboard widget refers to. */
    private record MetricUse(String where, String namespace, String name, Set<String> dimensions) {}

    /**
     * The dashboard's metrics: its body after resolving {@code Fn::Sub} (every variable becomes a placeholder),
     * parsed as JSON; a widget metric is {@code [namespace, name, dimension, value, ..., {options}]} or a SEARCH
     * expression naming its schema and metric.
     */
    private List<MetricUse> dashboardMetrics() {
        JsonNode body = template.resource("OperationsDashboard").path("Properties").path("DashboardBody");
        String text = SUB_VARIABLE.matcher(body.path("Fn::Sub").asText()).replaceAll("resolved-$1");
        JsonNode dashboard;
        try {
            dashboard = json.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("the dashboard body is not JSON once resolved", e);
        }
        List<MetricUse> uses = new ArrayList<>();
        for (JsonNode widget : dashboard.path("widgets")) {
            String title = widget.at("/properties/title").asText();
            assertThat(widget.at("/properties/region").asText()).as(title).isEqualTo("resolved-AWS::Region");
            for (JsonNode metric : widget.at("/properties/metrics")) {
                if (metric.get(0).isTextual()) {
                    assertThat(metric.get(0).asText()).as(title + ": no '.' shorthand").isNotEqualTo(".");
                    Set<String> dimensions = new TreeSet<>();
                    for (int i = 2; i + 1 < metric.size() && metric.get(i).isTextual(); i += 2) {
                        dimensions.add(metric.get(i).asText());
                    }
                    uses.add(new MetricUse(title, metric.get(0).asText(), metric.get(1).asText(), dimensions));
                } else {
                    String expression = metric.get(0).path("expression").asText();
                    Matcher schema = SEARCH_SCHEMA.matcher(expression);
                    Matcher name = SEARCH_METRIC.matcher(expression);
                    assertThat(schema.find() && name.find()).as(title + ": " + expression).isTrue();
                    List<String> parts = List.of(schema.group(1).split(","));
                    uses.add(new MetricUse(title, parts.get(0), name.group(1), new TreeSet<>(parts.subList(1, parts.size()))));
                }
            }
        }
        return uses;
    }

    private static Set<String> dimensionNames(JsonNode dimensions) {
        Set<String> names = new TreeSet<>();
        dimensions.forEach(dimension -> names.add(dimension.path("Name").asText()));
        return names;
    }

    /** The JSON of the policy statement that grants {@code action}. */
    private String statementWith(String policies, String action) throws IOException {
        List<String> found = new ArrayList<>();
        json.readTree(policies).findParents("Action").forEach(statement -> {
            if (statement.path("Action").toString().contains(action)) {
                found.add(statement.toString());
            }
        });
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    private ObjectNode ref(String logicalId) {
        return json.createObjectNode().put("Ref", logicalId);
    }
}
