package io.mlconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.reconcile.CheckStatus;
import io.mlconnector.reconcile.Comparison;
import io.mlconnector.reconcile.DocumentCheck;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the tests check of a production {@link ReconciliationResult} ({@link io.mlconnector.reconcile.Reconciler}'s)
 * after a cycle: it read every document the Chargebee sandbox holds, and the books agree: no document missing, extra,
 * duplicated or differing in amount, balance or status, open AR per customer and currency, revenue per account and
 * totals per currency equal on both sides.
 */
public final class ReconciliationAssertions {
    private ReconciliationAssertions() {}

    public static void assertAgrees(ReconciliationResult result, ChargebeeSandbox chargebee) {
        Set<String> checked = result.documents().stream().map(DocumentCheck::chargebeeId).collect(Collectors.toSet());
        List<String> documents = Stream.of(chargebee.invoices(), chargebee.creditNotes(), chargebee.transactions())
                .flatMap(List::stream).map(d -> d.path("id").asText()).toList();
        assertThat(checked).as("the reconciliation's period covers every Chargebee document of the cycle")
                .containsAll(documents);
        assertThat(result.documents()).as("documents that differ between Chargebee and Acumatica")
                .filteredOn(DocumentCheck::isDifference).isEmpty();
        assertThat(result.openAr()).as("open AR per customer and currency").isNotEmpty()
                .filteredOn(Comparison::differs).isEmpty();
        assertThat(result.revenue()).as("revenue and discounts per account and currency").isNotEmpty()
                .filteredOn(Comparison::differs).isEmpty();
        assertThat(result.totals()).as("totals per currency").isNotEmpty().filteredOn(Comparison::differs).isEmpty();
        assertThat(result.differences()).isZero();
        assertThat(result.countsByStatus().get(CheckStatus.MATCHED)).as("documents posted once and matching")
                .isGreaterThan(documents.size() / 2);
    }

    /** The Chargebee ids of the documents with this status. */
    public static List<String> ids(ReconciliationResult result, CheckStatus status) {
        return result.withStatus(status).stream().map(DocumentCheck::chargebeeId).toList();
    }
}
