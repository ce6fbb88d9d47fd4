package io.mlconnector.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sync.Backfill;
import io.mlconnector.testing.FakeS3;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation against the sandboxes through their APIs: the demo billing cycle reaches Acumatica through the
 * worker (a backfill queues it, the queue is drained the way the SQS event source does), then the Reconciler reads
 * both sides, finds no difference and writes the HTML and CSV to the reports bucket; after Acumatica's books are
 * changed behind the connector's back, it names the changed and the removed invoice.
 */
@QuarkusTest
@TestProfile(ReconcilerTest.WorkerWithReportBucket.class)
class ReconcilerTest {
    static final String BUCKET = "acme-connector-reports";

    public static class WorkerWithReportBucket extends HandlerProfiles.Worker {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("reports.bucket", BUCKET);
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class), new TestResourceEntry(FakeS3.class));
        }
    }

    @Inject
    Backfill backfill;

    @Inject
    Reconciler reconciler;

    @Test
    void run_shouldFindNoDifferenceAfterTheDemoCycle_andNameTheInvoicesChangedInAcumaticaAfterwards() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        backfill.run(new Backfill.Request(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"),
                Duration.ofDays(31)));
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 300);

        Reconciler.Answer clean = reconciler.run(YearMonth.of(2026, 5), List.of());

        assertThat(clean.differing()).as("documents that differ after the demo cycle").isEmpty();
        assertThat(clean.differences()).isZero();
        assertThat(clean.counts().get(CheckStatus.MATCHED)).as("invoices, credit notes, payments and refunds")
                .isGreaterThan(550);
        assertThat(clean.counts().get(CheckStatus.NOT_POSTABLE)).as("the pending and the voided invoice, the failed"
                + " payment").isGreaterThanOrEqualTo(3);
        assertThat(clean.html().toString()).startsWith("s3://" + BUCKET + "/reconciliation/2026-05/").endsWith(".html");
        assertThat(clean.csv().toString()).startsWith("s3://" + BUCKET + "/reconciliation/2026-05/").endsWith(".csv");
        String html = object(clean.html());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Reconciliation 2026-05").contains("<table>");
        assertThat(object(clean.csv())).startsWith("check,kind,key,acumatica_ref,currency,chargebee,acumatica,status,"
                + "detail,flagged\r\n");
        Map<String, String> put = FakeS3.putHeaders(BUCKET, key(clean.html()));
        assertThat(put.get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(put).as("private by the bucket, encrypted by its default").doesNotContainKeys("x-amz-acl",
                "x-amz-server-side-encryption");

        AcumaticaSandbox acumatica = Sandboxes.shared().acumatica();
        List<JsonNode> invoices = acumatica.salesInvoices().stream()
                .filter(d -> "Invoice".equals(d.at("/Type/value").asText())).toList();
        JsonNode changed = invoices.get(0);
        JsonNode removed = invoices.get(1);
        BigDecimal oneCentMore = changed.at("/Amount/value").decimalValue().add(new BigDecimal("0.01"));
        assertThat(acumatica.overwriteSalesInvoiceAmount("Invoice", changed.at("/ReferenceNbr/value").asText(),
                oneCentMore)).isTrue();
        assertThat(acumatica.removeSalesInvoice("Invoice", removed.at("/ReferenceNbr/value").asText())).isTrue();

        Reconciler.Answer after = reconciler.run(YearMonth.of(2026, 5), List.of());

        assertThat(after.differing()).extracting(DocumentCheck::chargebeeId, DocumentCheck::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(changed.at("/ExternalRef/value").asText(),
                                CheckStatus.AMOUNT),
                        org.assertj.core.groups.Tuple.tuple(removed.at("/ExternalRef/value").asText(),
                                CheckStatus.MISSING));
        assertThat(after.differences()).as("two documents, and the totals, revenue and open AR they move")
                .isGreaterThan(2);
        assertThat(object(after.csv())).contains(changed.at("/ExternalRef/value").asText() + ",Invoice "
                + changed.at("/ReferenceNbr/value").asText());
    }

    private static String key(URI s3) {
        return s3.getPath().substring(1);
    }

    private static String object(URI s3) {
        return new String(FakeS3.read(s3.getHost(), key(s3)).orElseThrow(), StandardCharsets.UTF_8);
    }
}
