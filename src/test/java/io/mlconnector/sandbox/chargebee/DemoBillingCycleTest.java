package io.mlconnector.sandbox.chargebee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo billing cycle is deterministic and its books balance the way Chargebee's do. */
class DemoBillingCycleTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void generate_shouldBeIdenticalForTheSameSeed(@TempDir Path first, @TempDir Path second) throws Exception {
        DemoBillingCycle.writeTo(first, 99, 40);
        DemoBillingCycle.writeTo(second, 99, 40);

        for (String file : List.of("customers.json", "invoices.json", "credit_notes.json", "transactions.json")) {
            assertEquals(Files.readString(first.resolve(file)), Files.readString(second.resolve(file)), file);
        }
    }

    @Test
    void committedDemoCycle_shouldMatchTheGenerator() throws Exception {
        DemoBillingCycle.Site site = DemoBillingCycle.generate(DemoBillingCycle.DEFAULT_SEED,
                DemoBillingCycle.DEFAULT_CUSTOMERS);
        Path committed = Path.of(getClass().getResource("/chargebee/demo-cycle").toURI());

        assertEquals(normalised(site.invoices()), committedList(committed, ResourceType.INVOICE));
        assertEquals(normalised(site.transactions()), committedList(committed, ResourceType.TRANSACTION));
    }

    @Test
    void generate_shouldKeepEveryDocumentInternallyConsistent() {
        DemoBillingCycle.Site site = DemoBillingCycle.generate(DemoBillingCycle.DEFAULT_SEED, 300);
        Set<String> customerIds = site.customers().stream().map(c -> c.get("id").asText()).collect(Collectors.toSet());

        for (ObjectNode document : concat(site.invoices(), site.creditNotes())) {
            String id = document.get("id").asText();
            assertTrue(customerIds.contains(document.get("customer_id").asText()), id);
            assertTrue(id.length() <= 50, id);
            long lineAmounts = sum(document.get("line_items"), "amount");
            long lineDiscounts = sum(document.get("line_items"), "discount_amount");
            long lineTaxes = sum(document.get("line_items"), "tax_amount");
            assertEquals(document.get("sub_total").longValue(), lineAmounts, id + " sub_total");
            assertEquals(lineDiscounts, sum(document.get("discounts"), "amount"), id + " discounts");
            assertEquals(lineDiscounts, sum(document.get("line_item_discounts"), "discount_amount"), id);
            assertEquals(document.get("tax").longValue(), lineTaxes, id + " tax");
            assertEquals(lineTaxes, sum(document.get("line_item_taxes"), "tax_amount"), id + " line taxes");
            assertEquals(lineTaxes, sum(document.get("taxes"), "amount"), id + " taxes");
            boolean exclusive = document.get("price_type").asText().equals("tax_exclusive");
            assertEquals(lineAmounts - lineDiscounts + (exclusive ? lineTaxes : 0), document.get("total").longValue(),
                    id + " total");
            for (JsonNode line : document.get("line_items")) {
                assertEquals(line.get("unit_amount").longValue() * line.get("quantity").longValue(),
                        line.get("amount").longValue(), id);
                assertTrue(line.get("entity_type").asText().matches("plan_item_price|addon_item_price|"
                        + "charge_item_price"), id);
            }
        }
        for (ObjectNode invoice : site.invoices()) {
            String id = invoice.get("id").asText();
            assertEquals(invoice.get("total").longValue() - invoice.get("amount_paid").longValue()
                    - invoice.get("credits_applied").longValue() - invoice.get("amount_adjusted").longValue(),
                    invoice.get("amount_due").longValue(), id + " amount_due");
            assertEquals(invoice.get("amount_paid").longValue(), sum(invoice.get("linked_payments"), "applied_amount"),
                    id + " linked_payments");
        }
        for (ObjectNode txn : site.transactions()) {
            if (txn.get("type").asText().equals("payment") && txn.get("status").asText().equals("success")) {
                assertEquals(txn.get("amount").longValue(), sum(txn.get("linked_invoices"), "applied_amount")
                        + txn.get("amount_unused").longValue(), txn.get("id").asText());
            }
        }
    }

    @Test
    void generate_shouldContainEverySpecialCaseOnce() {
        DemoBillingCycle.Site site = DemoBillingCycle.generate(DemoBillingCycle.DEFAULT_SEED, 300);
        Map<String, Long> statuses = site.invoices().stream()
                .collect(Collectors.groupingBy(i -> i.get("status").asText(), Collectors.counting()));
        Map<String, ObjectNode> creditNotes = site.creditNotes().stream()
                .collect(Collectors.toMap(c -> c.get("type").asText(), Function.identity()));

        assertEquals(1, statuses.get("pending"));
        assertEquals(1, statuses.get("voided"));
        assertTrue(statuses.get("paid") > 200 && statuses.get("posted") > 10, statuses.toString());
        assertEquals(Set.of("USD", "EUR", "JPY"), site.invoices().stream().map(i -> i.get("currency_code").asText())
                .collect(Collectors.toSet()));
        assertEquals(Set.of("tax_exclusive", "tax_inclusive"), site.invoices().stream()
                .map(i -> i.get("price_type").asText()).collect(Collectors.toSet()));
        assertTrue(site.invoices().stream().anyMatch(i -> i.get("discounts").size() > 0));
        assertEquals(1, site.transactions().stream().filter(t -> t.get("linked_invoices").size() == 2).count());
        assertEquals(1, site.invoices().stream()
                .filter(i -> i.get("line_items").size() > LineItemPager.DEFAULT_TRUNCATE_AT).count(),
                "one invoice the sandbox serves truncated, so the demo always pages line items");
        assertEquals(1, site.transactions().stream().filter(t -> t.path("amount_unused").asLong() > 0).count());
        assertEquals(1, site.transactions().stream().filter(t -> t.get("status").asText().equals("failure")).count());
        assertEquals("Write Off", creditNotes.get("adjustment").get("create_reason_code").asText());
        ObjectNode refundable = creditNotes.get("refundable");
        ObjectNode refund = site.transactions().stream().filter(t -> t.get("type").asText().equals("refund"))
                .findFirst().orElseThrow();
        assertEquals(refundable.get("id").asText(), refund.get("linked_credit_notes").get(0).get("cn_id").asText());
        assertEquals(refundable.get("total").longValue(), refund.get("amount").longValue());
    }

    @Test
    void generate_shouldRefuse_whenTooFewCustomersForTheScenarios() {
        assertThrows(IllegalArgumentException.class, () -> DemoBillingCycle.generate(1, 5));
    }

    private static long sum(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(n -> n.get(field).longValue()).sum();
    }

    private static List<ObjectNode> concat(List<ObjectNode> a, List<ObjectNode> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Round-trips through JSON text so that int/long node types compare equal to parsed files. */
    private JsonNode normalised(List<ObjectNode> resources) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(resources));
    }

    private JsonNode committedList(Path dir, ResourceType type) throws Exception {
        List<ObjectNode> resources = new DataDirectory(mapper).read(DataDirectory.fileFor(dir, type), type);
        return normalised(resources);
    }
}
