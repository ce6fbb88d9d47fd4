package io.mlconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.acumatica.dto.AcuSalesInvoiceLine;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeInvoice.LineItemDiscount;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFile;
import io.mlconnector.mapping.file.MappingFileException;
import io.mlconnector.mapping.file.MappingFixtures;
import io.mlconnector.mapping.file.MappingProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How discounts reach Acumatica: own lines on the mapped discount accounts (default), or Acumatica line discounts. */
class DiscountPostingTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String DEFAULT = MappingFixtures.text(MappingFixtures.DEFAULT_MAPPING);

    @Test
    void lineDiscountPosting_shouldPostTheLineNetWithAcumaticasLineDiscount_andNoDiscountLine() {
        Mapping mapping = MappingFile.parse(withPosting("line_discount"),
                "line-discount.yaml");

        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice("tax_exclusive", 10000, 0,
                List.of(discount("promotional_credits", 1500))), "CUST", mapping);

        assertThat(body.details()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("85.00");
            assertThat(line.discountAmount()).isEqualByComparingTo("15.00");
            assertThat(line.account()).isEqualTo("40000");
        });
    }

    @Test
    void discountLines_shouldPostTheWholeDiscountOnTheDefaultAccount_whenChargebeeDoesNotListItsType() {
        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice("tax_exclusive", 10000, 0, List.of()),
                "CUST", MappingFile.parse(DEFAULT, "default.yaml"));

        // discount_amount 1500 on the line, but no line_item_discounts: one discount of unknown type.
        assertThat(body.details()).extracting(AcuSalesInvoiceLine::account, AcuSalesInvoiceLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("40000", new BigDecimal("100.00")),
                        org.assertj.core.groups.Tuple.tuple("41000", new BigDecimal("-15.00")));
    }

    @ParameterizedTest(name = "price {0}, discount {1}, included tax {2}")
    @CsvSource({"11900, 1190, 1710", "999, 333, 106", "10000, 1, 1596", "5000, 5000, 0", "101, 50, 8"})
    void discountLines_shouldAddUpToChargebeesNetExactly_inATaxInclusiveDocument(long price, long discount, long tax) {
        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice("tax_inclusive", price, tax,
                List.of(discount("document_level_coupon", discount))), "CUST", MappingFile.parse(DEFAULT, "d.yaml"));

        BigDecimal lines = body.details().stream().map(AcuSalesInvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).isEqualByComparingTo(Money.ofMinor(price - discount - tax, "EUR").scaled());
        assertThat(body.details().get(0).amount()).as("the price, without the tax inside it")
                .isLessThanOrEqualTo(Money.ofMinor(price, "EUR").scaled());
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({"30000, 0.003333333333, 100.00", "1000000, 0.00012345, 123.45"})
    void line_shouldFoldTheQuantityIntoTheDescription_whenNoSixDecimalUnitPriceGivesItsAmount(String quantity,
                                                                                                 String unitPrice,
                                                                                                 String amount) {
        ObjectNode json = JSON.createObjectNode().put("id", "INV-2").put("customer_id", "cust_1").put("status", "paid")
                .put("currency_code", "USD").put("price_type", "tax_exclusive").put("date", 1777593600L)
                .put("tax", 0).put("total", 0);
        json.putArray("line_items").addObject().put("id", "li_1").put("quantity_in_decimal", quantity)
                .put("unit_amount_in_decimal", unitPrice).put("amount_in_decimal", amount).put("discount_amount", 0)
                .put("description", "API calls").put("entity_type", "charge_item_price").put("entity_id", "api-calls-USD");
        ChargebeeInvoice invoice = JSON.convertValue(json, ChargebeeInvoice.class);

        AcuSalesInvoice body = InvoiceMapping.toAcumatica(invoice, "CUST", MappingFile.parse(DEFAULT, "d.yaml"));

        assertThat(body.details()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo(amount);
            assertThat(line.qty().multiply(line.unitPrice())).as("Acumatica's Qty × UnitPrice")
                    .isEqualByComparingTo(amount);
            assertThat(line.unitPrice().scale()).isLessThanOrEqualTo(6);
            assertThat(line.transactionDescr()).contains("(quantity " + quantity + ")");
        });
    }

    @Test
    void parse_shouldSuggestTheKnownWord_whenThePostingIsMisspelt() {
        MappingFileException failure = catchThrowableOfType(MappingFileException.class, () -> MappingFile.parse(
                withPosting("discount_line"), "typo.yaml"));

        assertThat(failure.problems()).extracting(MappingProblem::format).singleElement().asString()
                .contains("discounts.posting: 'discount_line' is not one of discount_lines, line_discount")
                .contains("Did you mean 'discount_lines'?");
    }

    /** One EUR line of {@code price} (minor units) with the given discounts; 10000 without a list means 1500 unlisted. */
    private static ChargebeeInvoice invoice(String priceType, long price, long tax, List<LineItemDiscount> discounts) {
        long discount = discounts.isEmpty() ? 1500
                : discounts.stream().mapToLong(LineItemDiscount::discountAmount).sum();
        long total = price - discount + ("tax_inclusive".equals(priceType) ? 0 : tax);
        ObjectNode json = JSON.createObjectNode().put("id", "INV-1").put("customer_id", "cust_1").put("status", "paid")
                .put("currency_code", "EUR").put("price_type", priceType).put("date", 1777593600L).put("tax", tax)
                .put("total", total).put("sub_total", price);
        json.putArray("line_items").addObject().put("id", "li_1").put("unit_amount", price).put("quantity", 1)
                .put("amount", price).put("discount_amount", discount).put("item_level_discount_amount", 0)
                .put("tax_amount", tax).put("is_taxed", tax > 0).put("description", "Pro")
                .put("entity_type", "plan_item_price").put("entity_id", "pro-EUR-monthly");
        json.set("line_item_discounts", JSON.valueToTree(discounts));
        return JSON.convertValue(json, ChargebeeInvoice.class);
    }

    /** The default mapping with its {@code discounts.posting} word replaced. */
    private static String withPosting(String word) {
        String text = DEFAULT.replaceFirst("(?m)^  posting: discount_lines", "  posting: " + word);
        assertThat(text).as("the default mapping names discounts.posting").isNotEqualTo(DEFAULT);
        return text;
    }

    private static LineItemDiscount discount(String type, long amount) {
        return new LineItemDiscount("li_1", type, null, null, amount);
    }
}
