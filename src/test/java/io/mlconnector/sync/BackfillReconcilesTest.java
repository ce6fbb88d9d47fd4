package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.testing.BillingCycleReconciliation;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A first run: the demo billing cycle's history (paid, partly paid, unpaid, credited and refunded invoices) reaches
 * Acumatica by a backfill alone, no event delivered, through the worker, and Acumatica's books then agree with
 * Chargebee's: open AR per customer and currency, one payment per successful transaction, one credit memo per credit
 * note, totals and revenue.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class BackfillReconcilesTest {

    @Inject
    Backfill backfill;

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
        BillingCycleReconciliation books = BillingCycleReconciliation.of(Sandboxes.shared().chargebee(),
                Sandboxes.shared().acumatica());
        assertThat(books.chargebeeOpen()).as("the history has open and settled customers").isNotEmpty();
        assertThat(books.acumaticaOpen()).as("open AR per customer and currency").isEqualTo(books.chargebeeOpen());
        books.assertAgrees();
    }
}
