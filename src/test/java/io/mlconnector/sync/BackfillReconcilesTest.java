package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.reconcile.CheckStatus;
import io.mlconnector.reconcile.Comparison;
import io.mlconnector.reconcile.Reconciler;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.ReconciliationAssertions;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A first run: the demo billing cycle's history (paid, partly paid, unpaid, credited and refunded invoices) reaches
 * Acumatica by a backfill alone, no event delivered, through the worker, and Acumatica's books then agree with
 * Chargebee's, as the production {@link Reconciler} reads both through their APIs: open AR per customer and currency,
 * one payment per successful transaction, one credit memo per credit note, totals and revenue; paid invoices closed.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class BackfillReconcilesTest {

    /** Every document of the demo cycle is dated in May 2026 (DemoBillingCycle, seed 20260501). */
    private static final YearMonth DEMO_MONTH = YearMonth.of(2026, 5);

    @Inject
    Backfill backfill;

    @Inject
    Reconciler reconciler;

    @Test
    void backfillOfAHistory_shouldLeaveOpenArPerCustomerAndCurrencyAsChargebeeHasIt_paidInvoicesClosed() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));

        Backfill.Result result = backfill.run(new Backfill.Request(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-07-01T00:00:00Z"), Duration.ofDays(31)));
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 300);

        assertThat(result.complete()).isTrue();
        ReconciliationResult books = reconciler.run(DEMO_MONTH, List.of()).result();
        assertThat(books.openAr()).as("the history has open and settled customers").isNotEmpty()
                .anyMatch(customer -> customer.chargebee().signum() != 0);
        assertThat(books.openAr()).as("open AR per customer and currency").noneMatch(Comparison::differs);
        List<String> paid = Sandboxes.shared().chargebee().invoices().stream()
                .filter(i -> "paid".equals(i.path("status").asText())).map(i -> i.path("id").asText()).toList();
        assertThat(ReconciliationAssertions.ids(books, CheckStatus.MATCHED))
                .as("paid invoices posted once, released, balance zero as Chargebee's amount due")
                .containsAll(paid);
        assertThat(paid).as("the history has paid invoices").isNotEmpty();
        ReconciliationAssertions.assertAgrees(books, Sandboxes.shared().chargebee());
    }
}
