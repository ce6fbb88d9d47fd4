package io.mlconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlconnector.acumatica.AcumaticaValueCodec;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFixtures;
import io.mlconnector.sandbox.acumatica.AcumaticaContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each folder under src/test/resources/golden holds a Chargebee document ({@code input.json}) and the
 * exact Acumatica body the mapping must produce ({@code acumatica.json}), or the reason it must refuse
 * ({@code refused.txt}). Every expected body also validates against the official Acumatica contract.
 *
 * <p>{@code input.json}: {@code kind} (invoice, credit_note, transaction, void: the credit memo reversing a voided
 * invoice, credit_note_void: the debit memo reversing a voided credit note, reversal: the VoidPayment action a late failure or payment reversal leads to, summary: the period journal
 * of summary mode, provision: the bad-debt provision of an invoice Chargebee stopped collecting), {@code customer_id} (the Acumatica customer), {@code acumatica_reference_nbrs} (the Acumatica
 * reference number, or entity id for a reversal, of each Chargebee document the input applies to, as the ledger
 * would give it) and {@code chargebee} (the record as Chargebee's API returns it). A summary case has {@code period},
 * {@code currency}, {@code invoices}, {@code credit_notes} and {@code transactions} instead and uses
 * src/test/resources/mapping/gl-summary.yaml. An optional {@code site_time_zone} (e.g. {@code America/Los_Angeles})
 * maps with the default mapping's {@code site.time_zone} set to it; without it the site is in UTC.
 *
 * <p>After a deliberate change, regenerate with {@code ./mvnw test -Dtest=GoldenMappingTest -Dgolden.update=true} and
 * review the diff before committing it.
 */
class GoldenMappingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final AcumaticaValueCodec CODEC = new AcumaticaValueCodec();
    private static final Mapping MAPPING = MappingFixtures.defaultMapping();
    /** The summary-mode mapping the tests use: the default with gl_summary enabled. */
    private static final Mapping SUMMARY_MAPPING = MappingFixtures.parse("gl-summary.yaml");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapping_shouldProduceExactlyTheGoldenAcumaticaBody(String name) throws Exception {
        Path folder = GOLDEN.resolve(name);
        JsonNode input = JSON.readTree(folder.resolve("input.json").toFile());
        Path refused = folder.resolve("refused.txt");
        if (Files.exists(refused)) {
            assertThatThrownBy(() -> map(input)).hasMessageContaining(Files.readString(refused).strip());
            return;
        }
        // Through text, so numbers compare as the file holds them (1 and 1.00 are different on the wire).
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(map(input)));
        Path expectedFile = folder.resolve("acumatica.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());

        assertThat(actual).isEqualTo(expected);
        assertThat(CONTRACT.validate(schema(input), expected)).as("valid against the official contract").isEmpty();
        assertLinesAddUpTheWayAcumaticaComputesThem(expected);
    }

    /** Qty × UnitPrice (rounded to the currency) − DiscountAmount = Amount on every line, so Acumatica agrees. */
    private static void assertLinesAddUpTheWayAcumaticaComputesThem(JsonNode body) {
        int exponent = Money.exponent(body.at("/Currency/value").asText("USD"));
        for (JsonNode line : body.path("Details")) {
            if (!line.has("UnitPrice")) {
                continue; // a journal line
            }
            java.math.BigDecimal extended = line.at("/Qty/value").decimalValue()
                    .multiply(line.at("/UnitPrice/value").decimalValue())
                    .setScale(exponent, java.math.RoundingMode.HALF_UP);
            java.math.BigDecimal discount = line.has("DiscountAmount") ? line.at("/DiscountAmount/value").decimalValue()
                    : java.math.BigDecimal.ZERO;
            assertThat(extended.subtract(discount)).as("line %s", line.at("/TransactionDescr/value").asText())
                    .isEqualByComparingTo(line.at("/Amount/value").decimalValue());
        }
    }

    private static JsonNode map(JsonNode input) throws IOException {
        Mapping mapping = input.hasNonNull("site_time_zone")
                ? MappingFixtures.defaultMappingInTimeZone(input.path("site_time_zone").asText()) : MAPPING;
        String customer = input.path("customer_id").asText();
        // The Acumatica reference number of each Chargebee document the input applies to; an unknown id fails loudly.
        JsonNode references = input.path("acumatica_reference_nbrs");
        java.util.function.Function<String, String> referenceNbr = chargebeeId -> {
            JsonNode nbr = references.path(chargebeeId);
            if (!nbr.isTextual()) {
                throw new AssertionError("input.json has no acumatica_reference_nbrs entry for " + chargebeeId);
            }
            return nbr.asText();
        };
        return switch (input.path("kind").asText()) {
            case "invoice" -> CODEC.encode(InvoiceMapping.toAcumatica(
                    JSON.treeToValue(input.path("chargebee"), ChargebeeInvoice.class), customer, mapping));
            case "void" -> {
                ChargebeeInvoice invoice = JSON.treeToValue(input.path("chargebee"), ChargebeeInvoice.class);
                yield CODEC.encode(InvoiceMapping.reversal(InvoiceMapping.toAcumatica(invoice, customer, mapping),
                        invoice.id() + "-VOID", referenceNbr.apply(invoice.id())));
            }
            case "credit_note" -> CODEC.encode(CreditNoteMapping.toAcumatica(
                    JSON.treeToValue(input.path("chargebee"), ChargebeeCreditNote.class), customer, referenceNbr,
                    mapping));
            case "credit_note_void" -> {
                ChargebeeCreditNote note = JSON.treeToValue(input.path("chargebee"), ChargebeeCreditNote.class);
                yield CODEC.encode(CreditNoteMapping.reversal(note, customer, note.id() + "-VOID", mapping));
            }
            case "transaction" -> CODEC.encode(PaymentMapping.toAcumatica(
                    JSON.treeToValue(input.path("chargebee"), ChargebeeTransaction.class), customer,
                    new AcumaticaReferences() {
                        @Override
                        public String invoice(String id) {
                            return referenceNbr.apply(id);
                        }

                        @Override
                        public String creditNote(String id) {
                            return referenceNbr.apply(id);
                        }

                        @Override
                        public String payment(String id) {
                            return referenceNbr.apply(id);
                        }
                    }, mapping));
            case "reversal" -> {
                ChargebeeTransaction transaction = JSON.treeToValue(input.path("chargebee"), ChargebeeTransaction.class);
                String payment = PaymentMapping.paymentToVoid(transaction).orElseThrow(() ->
                        new IllegalArgumentException("Transaction " + transaction.id() + " reverses no payment"));
                yield CODEC.encodeAction(PaymentMapping.voidRequest(referenceNbr.apply(payment)));
            }
            case "provision" -> CODEC.encode(BadDebtMapping.provision(
                    JSON.treeToValue(input.path("chargebee"), ChargebeeInvoice.class), mapping));
            case "summary" -> CODEC.encode(SummaryJournalMapping.toAcumatica(
                    java.time.YearMonth.parse(input.path("period").asText()), input.path("currency").asText(),
                    list(input.path("invoices"), ChargebeeInvoice.class),
                    list(input.path("credit_notes"), ChargebeeCreditNote.class),
                    list(input.path("transactions"), ChargebeeTransaction.class), SUMMARY_MAPPING));
            default -> throw new IllegalArgumentException("unknown kind " + input.path("kind"));
        };
    }

    private static String schema(JsonNode input) {
        return switch (input.path("kind").asText()) {
            case "transaction" -> "Payment";
            case "reversal" -> "VoidPayment";
            case "summary", "provision" -> "JournalTransaction";
            default -> "SalesInvoice";
        };
    }

    private static <T> java.util.List<T> list(JsonNode array, Class<T> type) throws IOException {
        java.util.List<T> items = new java.util.ArrayList<>();
        for (JsonNode item : array) {
            items.add(JSON.treeToValue(item, type));
        }
        return items;
    }

}
