package io.mlconnector.sandbox.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The contract judges a DateTimeValue as Acumatica takes it: RFC 3339, or a date-time without an offset (how the
 * connector sends a calendar date); any other text is reported.
 */
class AcumaticaContractDateTimeTest {
    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();

    @Test
    void validate_shouldAcceptADocumentDate_withOrWithoutAnOffset() {
        for (String value : new String[]{"2026-01-31T00:00:00", "2026-01-31T00:00:00Z", "2026-01-31T00:00:00-08:00",
                "2026-01-31T10:31:28.402"}) {
            assertThat(CONTRACT.validate("SalesInvoice", dated(value))).as(value).isEmpty();
        }
    }

    @Test
    void validate_shouldReportADate_whenItIsNoDateTimeAtAll() {
        for (String value : new String[]{"31/01/2026", "2026-01-31", "2026-02-30T00:00:00", "2026-01-31 00:00:00"}) {
            assertThat(CONTRACT.validate("SalesInvoice", dated(value))).as(value).singleElement()
                    .satisfies(problem -> assertThat(problem).startsWith("/Date/value: ").contains("date-time"));
        }
    }

    private static JsonNode dated(String value) {
        ObjectNode invoice = JsonNodeFactory.instance.objectNode();
        invoice.putObject("Date").put("value", value);
        return invoice;
    }
}
