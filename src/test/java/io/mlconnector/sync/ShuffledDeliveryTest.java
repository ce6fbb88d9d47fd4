package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.reconcile.CheckStatus;
import io.mlconnector.reconcile.Reconciler;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.NotPostedEvent;
import io.mlconnector.testing.ReconciliationAssertions;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole demo billing cycle (300 customers and their invoices, credit notes, payments and refunds), delivered in
 * order once and shuffled with duplicates once (as Chargebee may), ends in the same Acumatica state: the same
 * documents with the same amounts, balances and statuses; and that state reconciles with Chargebee through the
 * production {@link Reconciler} (the reconciliation the demo prints), with an audit reason for every document not
 * posted.
 */
@QuarkusTest
@TestProfile(ShuffledDeliveryTest.FastChargebee.class)
class ShuffledDeliveryTest {

    /**
     * The worker with a Chargebee budget the sandbox never reaches: shuffled delivery fetches many dependencies out of
     * order, and at the default 50 requests a minute the two passes would wait about ten minutes on the budget, which
     * ChargebeeClientTest already proves.
     */
    public static class FastChargebee extends HandlerProfiles.Worker {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("chargebee.rate-limit.requests", "100000");
            return config;
        }
    }

    @Inject
    IngestHandler ingest;

    @Inject
    io.mlconnector.store.AuditLog audit;

    @Inject
    Reconciler reconciler;

    /** Every document of the demo cycle is dated in May 2026 (DemoBillingCycle, seed 20260501). */
    private static final YearMonth DEMO_MONTH = YearMonth.of(2026, 5);

    @Test
    void billingCycle_shouldEndInTheSameAcumaticaState_whenDeliveredShuffledWithDuplicates() {
        List<String> inOrder = load();
        Map<String, String> expected = run(inOrder);

        List<String> shuffled = new ArrayList<>(inOrder);
        Random random = new Random(20261127);
        for (int i = 0; i < inOrder.size(); i += 4) {
            shuffled.add(inOrder.get(random.nextInt(inOrder.size()))); // about one event in four twice
        }
        Collections.shuffle(shuffled, random);
        load();
        Map<String, String> actual = run(shuffled);

        assertThat(expected.keySet()).as("every customer, invoice, credit note and payment of the cycle")
                .hasSizeGreaterThan(800).contains("cust_0300");
        assertThat(actual).isEqualTo(expected);
        // And that state is Chargebee's, as the production reconciliation reads both sides through their APIs:
        // every document once with its amount, balance and status, open AR per customer and currency, revenue and
        // discounts per account, totals per currency.
        ReconciliationResult reconciliation = reconciler.run(DEMO_MONTH, List.of()).result();
        ReconciliationAssertions.assertAgrees(reconciliation, Sandboxes.shared().chargebee());
        assertThat(ReconciliationAssertions.ids(reconciliation, CheckStatus.NOT_POSTABLE))
                .as("the cycle has documents that must not post").isNotEmpty();
        assertThat(NotPostedEvent.assertEachHasAReason(NotPostedEvent.of(reconciliation,
                Sandboxes.shared().chargebee().events(), audit::forEvent)))
                .as("events about the documents that must not post").isPositive();
    }

    /** Resets everything, seeds the demo cycle, and returns its event ids in order. */
    private List<String> load() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        return chargebee.events().stream().map(e -> e.path("id").asText()).toList();
    }

    private Map<String, String> run(List<String> eventIds) {
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            for (String eventId : eventIds) {
                chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
            }
        }
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 200);
        return snapshot(Sandboxes.shared().acumatica());
    }

    /** Everything an accountant would compare, keyed by the Chargebee id (Acumatica's numbers depend on order). */
    private static Map<String, String> snapshot(AcumaticaSandbox acumatica) {
        Map<String, String> state = new TreeMap<>();
        for (JsonNode document : acumatica.salesInvoices()) {
            state.put(document.at("/ExternalRef/value").asText(), String.join("|", document.at("/Type/value").asText(),
                    document.at("/Status/value").asText(), document.at("/Amount/value").decimalValue().toPlainString(),
                    document.at("/Balance/value").decimalValue().toPlainString()));
        }
        for (JsonNode payment : acumatica.payments()) {
            state.put(payment.at("/ExternalRef/value").asText(), String.join("|", payment.at("/Type/value").asText(),
                    payment.at("/Status/value").asText(), payment.at("/PaymentAmount/value").decimalValue().toPlainString(),
                    payment.at("/AvailableBalance/value").decimalValue().toPlainString()));
        }
        for (JsonNode customer : acumatica.customers()) {
            state.put(customer.at("/AccountRef/value").asText(), customer.at("/CustomerID/value").asText());
        }
        return state;
    }
}
