package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chargebee.Environment;
import com.chargebee.ListResult;
import com.chargebee.models.Event;
import com.chargebee.models.Invoice;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The oracle of the fidelity tests is itself tested: shapes the official SDK cannot read are reported, so a sandbox
 * that served them would fail {@link OfficialSdkReadsSandboxTest}.
 */
class TypedGetterSweepTest {

    private static ObjectNode cleanInvoice;

    @BeforeAll
    static void loadAnInvoice() {
        cleanInvoice = (ObjectNode) DemoCycleData.load().invoices().values().iterator().next();
    }

    @Test
    void sweep_shouldFindNothing_whenTheInvoiceIsADemoCycleRecord() {
        assertEquals(List.of(), TypedGetterSweep.problemsIn(new Invoice(cleanInvoice.toString()), "invoice"));
    }

    @Test
    void sweep_shouldReportWrongType_whenAnAmountIsAString() {
        assertReported(i -> i.put("total", "23540"), "invoice.total()");
    }

    @Test
    void sweep_shouldReportWrongType_whenATimestampIsADecimal() {
        assertReported(i -> i.put("date", 1777609355.0), "invoice.date()");
    }

    @Test
    void sweep_shouldReportUnknown_whenAnEnumValueIsNotOneTheSdkKnows() {
        assertReported(i -> i.put("status", "settled"), "invoice.status() is _UNKNOWN");
    }

    @Test
    void sweep_shouldReportTheNestedPath_whenALineItemEntityTypeIsUnknown() {
        assertReported(i -> ((ObjectNode) i.path("line_items").get(0)).put("entity_type", "plan_price"),
                "invoice.lineItems()[0].entityType() is _UNKNOWN");
    }

    @Test
    void sweep_shouldReportMissingRequiredProperty_whenTheInvoiceHasNoStatus() {
        assertReported(i -> i.remove("status"), "invoice.status() threw");
    }

    @Test
    void sweep_shouldReachIntoEventContent_whenTheEventCarriesABrokenInvoice() {
        ObjectNode invoice = cleanInvoice.deepCopy().put("amount_due", "0");
        ObjectNode event = JsonNodeFactory.instance.objectNode()
                .put("id", "ev_1").put("occurred_at", 1777609355).put("source", "system").put("object", "event")
                .put("api_version", "v2").put("event_type", "invoice_generated").put("webhook_status", "scheduled");
        event.putObject("content").set("invoice", invoice);

        List<String> problems = TypedGetterSweep.problemsIn(new Event(event.toString()), "event");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("event.content().invoice().amountDue() threw"), problems.get(0));
    }

    /** End to end: a record the sandbox serves in a shape the SDK rejects is reported after an SDK listing. */
    @Test
    void sweep_shouldReportTheRecord_whenTheSandboxServesAnAmountTheSdkCannotRead() throws Exception {
        try (ChargebeeSandbox sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults())) {
            sandbox.putInvoice(cleanInvoice.deepCopy().put("sub_total", 214000.0));
            Environment sdk = SandboxSdkEnvironment.of(sandbox, ChargebeeSandboxOptions.DEFAULT_API_KEY);

            List<ListResult.Entry> listed = SdkPaging.listAll(Invoice::list, sdk).entries();

            assertEquals(1, listed.size());
            List<String> problems = TypedGetterSweep.problemsIn(listed.get(0).invoice(), "invoice");
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("invoice.subTotal() threw"), problems.get(0));
        }
    }

    private static void assertReported(Consumer<ObjectNode> breakIt, String expectedStart) {
        ObjectNode broken = cleanInvoice.deepCopy();
        breakIt.accept(broken);

        List<String> problems = TypedGetterSweep.problemsIn(new Invoice(broken.toString()), "invoice");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(expectedStart), problems.get(0));
    }
}
