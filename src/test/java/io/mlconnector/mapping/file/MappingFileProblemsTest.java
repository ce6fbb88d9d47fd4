package io.mlconnector.mapping.file;

import static io.mlconnector.mapping.file.MappingFixtures.parse;
import static io.mlconnector.mapping.file.MappingFixtures.parseFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Each invalid file differs from mapping/minimal.yaml by the defect its name says; the problem must name the key path
 * and the exact file:line:column, and be the only problem reported.
 */
class MappingFileProblemsTest {

    @Test
    void parse_shouldSuggestTheKnownKey_whenAKeyIsMisspelt() {
        MappingFileException failure = parseFailure("invalid/typo-key.yaml");

        // The misspelt key explains the missing items.default, so the finance team gets one message, not two.
        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/typo-key.yaml:8:3: items.defualt: unknown key. Did you mean 'default'?");
    }

    @Test
    void parse_shouldListTheAllowedWords_whenAnEnumValueIsWrong() {
        MappingFileException failure = parseFailure("invalid/wrong-enum.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/wrong-enum.yaml:4:16: customers.id_strategy: 'hash' is not one of chargebee_id, hashed."
                        + " Did you mean 'hashed'?",
                "invalid/wrong-enum.yaml:18:18: voided_invoices: 'credit-memo' is not one of credit_memo, void."
                        + " Did you mean 'credit_memo'?");
    }

    @Test
    void parse_shouldAskForANumberOfDays_whenACreditTermsKeyIsNotOne() {
        MappingFileException failure = parseFailure("invalid/terms-days.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/terms-days.yaml:10:7: customers.terms.by_net_term_days.net45: 'net45' is not a number of days;"
                        + " write Chargebee's net_term_days, 0 to 366, e.g. \"30\": 30D");
    }

    @Test
    void parse_shouldAskForALongerSegment_whenHashedIdsWouldCarryFewerThan64Bits() {
        MappingFileException failure = parseFailure("invalid/hashed-too-short.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/hashed-too-short.yaml:5:18: customers.id_max_length: hashed ids need 15 characters to stay"
                        + " unique (64 bits); lengthen the CUSTOMER segment (CS202000) and set id_max_length to match,"
                        + " or use id_strategy: chargebee_id");
    }

    @Test
    void parse_shouldNameTheClosestTimeZone_whenTheSiteTimeZoneIsNotAnIanaName() {
        MappingFileException failure = parseFailure("invalid/unknown-time-zone.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/unknown-time-zone.yaml:20:14: site.time_zone: 'America/Los_Angles' is not a time zone of the"
                        + " IANA time zone database. Did you mean 'America/Los_Angeles'? Write the Chargebee site's"
                        + " time zone (Settings > Business Profile / Site Settings in Chargebee) as an IANA name such"
                        + " as America/Los_Angeles, Europe/Berlin or UTC.");
    }

    @Test
    void parse_shouldRefuseAFixedOffset_whenItIsGivenAsTheSiteTimeZone() {
        MappingFileException failure = parseFailure("invalid/offset-time-zone.yaml");

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith("invalid/offset-time-zone.yaml:20:14: site.time_zone: '-08:00' is a"
                    + " fixed UTC offset, which does not follow daylight saving time; ");
            assertThat(problem.message()).contains("America/Los_Angeles");
        });
    }

    @Test
    void parse_shouldPointAtTheSection_whenItsDefaultIsMissing() {
        MappingFileException failure = parseFailure("invalid/missing-default.yaml");

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith("invalid/missing-default.yaml:16:1: payments.default: missing; ");
            assertThat(problem.message()).contains("cash_account");
        });
    }

    @Test
    void parse_shouldRejectTheSecondDefinition_whenAKeyIsDuplicated() {
        MappingFileException failure = parseFailure("invalid/duplicate-key.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "invalid/duplicate-key.yaml:11:5: items.by_item_price.pro-USD-monthly: duplicate key:"
                        + " 'pro-USD-monthly' is already defined at line 10; delete one of them or merge them into"
                        + " one entry");
    }

    @Test
    void parse_shouldAskForQuotes_whenAnAccountIsANumberYamlToolsReadDifferently() {
        MappingFileException failure = parseFailure("invalid/numeric-account.yaml");

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith("invalid/numeric-account.yaml:14:23: write_off.account: ");
            assertThat(problem.message()).contains("quote", "\"062000\"");
        });
    }

    @Test
    void parse_shouldKeepThePlainNumberAsTextAndWarn_whenAnAccountIsUnquoted() {
        Mapping mapping = parse("unquoted-account.yaml");

        assertThat(mapping.itemFor("plan_item_price", "pro-USD-monthly").salesAccount()).isEqualTo("40000");
        assertThat(mapping.warnings()).extracting(MappingProblem::format).anySatisfy(warning -> assertThat(warning)
                .startsWith("unquoted-account.yaml:8:57: items.default.sales_account: unquoted number 40000"));
    }

    @Test
    void parse_shouldWarnButKeepTheRule_whenAPaymentMethodIsUnknownToTheConnector() {
        Mapping mapping = parse("unquoted-account.yaml");

        assertThat(mapping.warnings()).extracting(MappingProblem::format).anySatisfy(warning -> assertThat(warning)
                .startsWith("unquoted-account.yaml:19:5: payments.by_payment_method.crypto_wallet: 'crypto_wallet'"
                        + " is not a Chargebee payment_method this connector knows"));
        assertThat(mapping.paymentFor(null, "crypto_wallet", "USD").paymentMethod()).isEqualTo("CRYPTO");
    }

    @Test
    void parse_shouldReportEveryProblemInFileOrder_whenAFileHasMany() {
        MappingFileException failure = parseFailure("invalid/many-problems.yaml");

        assertThat(failure.problems()).extracting(p -> p.format().substring(0, p.format().indexOf(": ",
                p.format().indexOf(": ") + 2))).containsExactly(
                "invalid/many-problems.yaml:2:10: version",
                "invalid/many-problems.yaml:5:18: customers.id_max_length",
                "invalid/many-problems.yaml:6:19: customers.customer_class",
                "invalid/many-problems.yaml:7:33: customers.customer_class_by_currency.eur",
                "invalid/many-problems.yaml:9:3: items.default.sales_subaccount",
                "invalid/many-problems.yaml:11:5: items.by_entity_type.addon_item_prices",
                "invalid/many-problems.yaml:12:5: items.by_entity_type.plan_item_price",
                "invalid/many-problems.yaml:14:38: items.by_item_price.pro-USD-monthly.inventory_id",
                "invalid/many-problems.yaml:16:68: discounts.default.subaccount",
                "invalid/many-problems.yaml:19:20: taxes.by_juris_type.countri",
                "invalid/many-problems.yaml:20:46: rounding.account",
                "invalid/many-problems.yaml:22:43: bad_debt.subaccount",
                "invalid/many-problems.yaml:26:5: payments.by_payment_method.banktransfer",
                "invalid/many-problems.yaml:28:5: payments.by_gateway_account.gw_stripe_usd",
                "invalid/many-problems.yaml:30:1: gl_summary.subaccount",
                "invalid/many-problems.yaml:31:1: extras");
        assertThat(failure.getMessage())
                .startsWith("invalid/many-problems.yaml:2:10: version: unsupported version 2;")
                .endsWith("16 problems in mapping file invalid/many-problems.yaml; it was not loaded");
    }

    @Test
    void parse_shouldNameTheLineOfTheBadCharacter_whenTheYamlIsMalformed() {
        MappingFileException failure = parseFailure("invalid/syntax-error.yaml");

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).startsWith("invalid/syntax-error.yaml:8:1: ");
            assertThat(problem.message()).startsWith("YAML syntax error: ").contains("spaces");
        });
    }

    @Test
    void parse_shouldRefuseASecondDocument_whenTheFileHasTwo() {
        MappingFileException failure = parseFailure("invalid/two-documents.yaml");

        assertThat(failure.problems()).extracting(MappingProblem::format).anySatisfy(line -> assertThat(line)
                .startsWith("invalid/two-documents.yaml:4:1: (document): a second YAML document starts here"));
    }

    @Test
    void parse_shouldExplainWhatIsExpected_whenTheFileIsEmpty() {
        assertThatThrownBy(() -> MappingFile.parse("# nothing but a comment\n", "empty.yaml"))
                .isInstanceOf(MappingFileException.class)
                .hasMessageStartingWith("empty.yaml:1:1: (document): the file has no content; it must start with"
                        + " 'version: 1'");
    }

    @Test
    void parse_shouldRefuseTheText_whenItIsFarLargerThanAnyMapping() {
        String huge = "#".repeat(MappingFile.MAX_TEXT_CHARS + 1);

        assertThatThrownBy(() -> MappingFile.parse(huge, "huge.yaml"))
                .isInstanceOf(MappingFileException.class)
                .hasMessageStartingWith("huge.yaml:1:1: (document): the file has ");
    }

    @Test
    void parse_shouldQuoteKeysWithSpacesInThePath_whenReportingATaxNameProblem() {
        String text = MappingFixtures.text("mapping/minimal.yaml")
                .replace("  default_tax_id: CBTAX\n", "  default_tax_id: CBTAX\n  by_tax_name: { \"NY State Tax\": }\n");

        MappingFileException failure = catchThrowableOfType(
                MappingFileException.class, () -> MappingFile.parse(text, "inline.yaml"));

        assertThat(failure.problems()).extracting(MappingProblem::keyPath)
                .containsExactly("taxes.by_tax_name.\"NY State Tax\"");
    }

    @Test
    void parse_shouldCapADataMap_whenItHasMoreEntriesThanAnyReviewedMapping() {
        StringBuilder prices = new StringBuilder("  by_item_price:\n");
        for (int i = 0; i <= MapReader.MAX_ENTRIES; i++) {
            prices.append("    price-").append(i).append(": { inventory_id: ADDON }\n");
        }
        String text = MappingFixtures.text("mapping/minimal.yaml").replace("discounts:\n", prices + "discounts:\n");

        MappingFileException failure = catchThrowableOfType(
                MappingFileException.class, () -> MappingFile.parse(text, "big.yaml"));

        assertThat(failure.problems()).extracting(MappingProblem::format).containsExactly(
                "big.yaml:9:3: items.by_item_price: has 10001 entries; at most 10000 are read (group item prices"
                        + " with by_item_price_prefix)");
    }
}
