package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.dto.AcuAddress;
import io.mlconnector.acumatica.dto.AcuContact;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.acumatica.dto.AcuTaxDetail;
import io.mlconnector.acumatica.dto.InvoiceRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcumaticaValueCodecTest {
    private final AcumaticaValueCodec codec = new AcumaticaValueCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void encode_shouldWrapEveryGeneralFieldAndNestLinkedEntities() throws Exception {
        AcuCustomer customer = new AcuCustomer("CUST_1", "O'Brien & Sons", null, "USD", "NET30", "cust_1",
                "ap@obrien.example", null, new AcuContact("O'Brien & Sons", null, null, "ap@obrien.example", null,
                        new AcuAddress("1 Main St", null, "Boston", "MA", "02110", "US")));

        JsonNode body = codec.encode(customer);

        assertThat(body).isEqualTo(json.readTree("""
                {"CustomerID":{"value":"CUST_1"},"CustomerName":{"value":"O'Brien & Sons"},
                 "CurrencyID":{"value":"USD"},"Terms":{"value":"NET30"},"AccountRef":{"value":"cust_1"},
                 "Email":{"value":"ap@obrien.example"},
                 "MainContact":{"CompanyName":{"value":"O'Brien & Sons"},"Email":{"value":"ap@obrien.example"},
                   "Address":{"AddressLine1":{"value":"1 Main St"},"City":{"value":"Boston"},"State":{"value":"MA"},
                              "PostalCode":{"value":"02110"},"Country":{"value":"US"}}}}
                """));
    }

    @Test
    void encode_shouldWriteDetailArraysDatesAndExactDecimals() throws Exception {
        AcuSalesInvoice invoice = new AcuSalesInvoice("Invoice", "C1", "INV-1", "INV-1", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), "JPY", "d", false, true,
                List.of(new AcuSalesInvoiceLine("SUBSCRIPTION", "Pro", BigDecimal.ONE, new BigDecimal("1200"),
                        new BigDecimal("1200"), null, true, null, null, null)),
                List.of(new AcuTaxDetail("CBTAX", new BigDecimal("1200"), new BigDecimal("120"))), null);

        JsonNode body = codec.encode(invoice);

        assertThat(body.at("/Date/value").asText()).isEqualTo("2026-11-01T00:00:00");
        assertThat(body.at("/Details/0/UnitPrice/value").decimalValue()).isEqualByComparingTo("1200");
        assertThat(body.at("/Details/0/Amount/value").toString()).isEqualTo("1200");
        assertThat(body.at("/TaxDetails/0/TaxID/value").asText()).isEqualTo("CBTAX");
        assertThat(body.at("/Hold/value").asBoolean()).isFalse();
    }

    @Test
    void encode_shouldSendADocumentDateAsLocalMidnightWithoutAnOffset_soNoTimeZoneCanMoveIt() {
        AcuSalesInvoice invoice = new AcuSalesInvoice("Invoice", "C1", "INV-1", "INV-1", LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 3, 2), "USD", "d", false, null, List.of(), null, null);

        JsonNode body = codec.encode(invoice);

        assertThat(body.at("/Date/value").asText()).isEqualTo("2026-01-31T00:00:00");
        assertThat(body.at("/DueDate/value").asText()).isEqualTo("2026-03-02T00:00:00");
    }

    @Test
    void decode_shouldReadTheCalendarDateAsRendered_withOrWithoutAnOffset() throws Exception {
        record Dated(LocalDate date) {}
        for (String rendered : List.of("2026-01-31T00:00:00", "2026-01-31T00:00:00+00:00",
                "2026-01-31T00:00:00-08:00", "2026-01-31T00:00:00+03:00")) {
            JsonNode record = json.readTree("{\"Date\":{\"value\":\"" + rendered + "\"}}");

            assertThat(codec.decode(record, Dated.class).date()).as(rendered).isEqualTo(LocalDate.of(2026, 1, 31));
        }
    }

    @Test
    void decode_shouldUnwrapValuesAndReadSystemFieldsBare() throws Exception {
        JsonNode record = json.readTree("""
                {"id":"6f1c…","rowNumber":1,"Type":{"value":"Invoice"},"ReferenceNbr":{"value":"INV000007"},
                 "Status":{"value":"Open"},"ExternalRef":{"value":"INV-1"},"Amount":{"value":12.5},
                 "Balance":{"value":12.5},"custom":{}}
                """);

        InvoiceRef ref = codec.decode(record, InvoiceRef.class);

        assertThat(ref).isEqualTo(new InvoiceRef("6f1c…", "Invoice", "INV000007", "Open", "INV-1",
                new BigDecimal("12.5"), new BigDecimal("12.5")));
    }

    @Test
    void selectFor_shouldListTheViewsGeneralFields() {
        assertThat(codec.selectFor(InvoiceRef.class)).isEqualTo("Type,ReferenceNbr,Status,ExternalRef,Amount,Balance");
    }

    @Test
    void odataAfter_shouldWriteADatetimeoffsetLiteral() {
        assertThat(ODataFilter.after("LastModifiedDateTime",
                java.time.OffsetDateTime.parse("2024-07-15T10:31:28.402+03:00")))
                .isEqualTo("LastModifiedDateTime gt datetimeoffset'2024-07-15T10:31:28.402+03:00'");
    }

    @Test
    void odataLiteral_shouldDoubleQuotesInsideStrings() {
        assertThat(ODataFilter.eq("CustomerName", "O'Brien")).isEqualTo("CustomerName eq 'O''Brien'");
    }

    @Test
    void encodeAction_shouldSendOnlyTheEntity_asTheContractsActionSchemasDeclare() throws Exception {
        JsonNode body = codec.encodeAction(new io.mlconnector.acumatica.dto.EntityKeys("9d3f2c1a-7b5e-4f08-a1c2-3e4d5f6a7b8c"));

        assertThat(body).isEqualTo(json.readTree("{\"entity\":{\"id\":\"9d3f2c1a-7b5e-4f08-a1c2-3e4d5f6a7b8c\"}}"));
    }
}
