package io.mlconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.mapping.file.MappingFixtures;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.AuditRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an accountant checks after a billing cycle, computed independently from the Chargebee sandbox's records and
 * the Acumatica sandbox's documents: totals per currency, open AR per customer and currency, revenue and discounts per
 * mapped account, and exactly one Acumatica document per Chargebee document that must post. Used by the demo (which
 * prints it) and by the shuffled-delivery test (which runs in the suite).
 *
 * @param chargebeeTotals closed (not voided) invoice totals per currency
 * @param chargebeeOpen invoices due less excess payments and credits available, per "customer currency"
 * @param chargebeeRevenue line prices and discounts per "account currency" as the default mapping routes them
 */
public record BillingCycleReconciliation(Map<String, BigDecimal> chargebeeTotals, Map<String, BigDecimal> acumaticaTotals,
                                         Map<String, BigDecimal> chargebeeOpen, Map<String, BigDecimal> acumaticaOpen,
                                         Map<String, BigDecimal> chargebeeRevenue,
                                         Map<String, BigDecimal> acumaticaRevenue, List<JsonNode> acumaticaInvoices,
                                         List<JsonNode> acumaticaDocuments, ChargebeeSandbox chargebee,
                                         AcumaticaSandbox acumatica) {

    public static BillingCycleReconciliation of(ChargebeeSandbox chargebee, AcumaticaSandbox acumatica) {
        List<JsonNode> documents = acumatica.salesInvoices();
        List<JsonNode> invoices = documents.stream().filter(d -> "Invoice".equals(d.at("/Type/value").asText())).toList();
        return new BillingCycleReconciliation(chargebeeTotals(chargebee),
                totalsByCurrency(invoices, i -> i.at("/Currency/value").asText(), i -> i.at("/Amount/value").decimalValue()),
                chargebeeOpenByCustomer(chargebee), acumaticaOpenByCustomer(acumatica, documents),
                chargebeeRevenueByAccount(chargebee), acumaticaRevenueByAccount(documents), invoices, documents,
                chargebee, acumatica);
    }

    /** Customer-currency pairs whose open AR agrees. */
    public long openAgreeing() {
        return chargebeeOpen.entrySet().stream()
                .filter(e -> e.getValue().compareTo(acumaticaOpen.getOrDefault(e.getKey(), BigDecimal.ZERO)) == 0).count();
    }

    public void assertAgrees() {
        assertThat(acumaticaOpen).as("open AR per customer and currency").isEqualTo(chargebeeOpen);
        Map<String, Long> paymentsPerTransaction = acumatica.payments().stream()
                .filter(p -> !p.at("/Type/value").asText().startsWith("Voided"))
                .collect(Collectors.groupingBy(p -> p.at("/ExternalRef/value").asText(), Collectors.counting()));
        Set<String> successfulTransactions = chargebee.events().stream().map(e -> e.at("/content/transaction"))
                .filter(t -> t.isObject() && "success".equals(t.path("status").asText())
                        && List.of("payment", "refund").contains(t.path("type").asText()))
                .map(t -> t.path("id").asText()).collect(Collectors.toSet());
        assertThat(paymentsPerTransaction).as("one Acumatica payment or refund per successful Chargebee transaction")
                .containsOnlyKeys(successfulTransactions).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        Set<String> creditNotes = chargebee.events().stream().map(e -> e.at("/content/credit_note"))
                .filter(JsonNode::isObject).map(c -> c.path("id").asText()).collect(Collectors.toSet());
        assertThat(acumaticaDocuments).filteredOn(d -> "Credit Memo".equals(d.at("/Type/value").asText()))
                .extracting(d -> d.at("/ExternalRef/value").asText()).as("one credit memo per credit note")
                .containsExactlyInAnyOrderElementsOf(creditNotes);
        assertThat(acumaticaRevenue).as("revenue and discounts per account and currency").isEqualTo(chargebeeRevenue);
        Map<String, Long> perExternalRef = acumaticaInvoices.stream()
                .collect(Collectors.groupingBy(i -> i.at("/ExternalRef/value").asText(), Collectors.counting()));
        assertThat(perExternalRef.values()).as("one Acumatica invoice per Chargebee invoice").allMatch(n -> n == 1);
        assertThat(perExternalRef.keySet()).containsExactlyInAnyOrderElementsOf(postableInvoiceIds(chargebee));
        assertThat(acumaticaTotals).as("invoice totals per currency").isEqualTo(chargebeeTotals);
    }

    /**
     * Every Chargebee event about an invoice, credit note or transaction that has no Acumatica document (pending and
     * voided invoices, failed payments, event types the connector does not handle), with its audit rows.
     */
    public List<DocumentNotPosted> documentsNotPosted(Function<String, List<AuditRecord>> auditOfEvent) {
        Set<String> posted = new java.util.HashSet<>();
        acumaticaDocuments.forEach(d -> posted.add(d.at("/ExternalRef/value").asText()));
        acumatica.payments().forEach(p -> posted.add(p.at("/ExternalRef/value").asText()));
        List<DocumentNotPosted> notPosted = new java.util.ArrayList<>();
        for (JsonNode event : chargebee.events()) {
            String kind = null;
            for (String candidate : List.of("invoice", "credit_note", "transaction")) {
                if (event.at("/content/" + candidate).isObject()) {
                    kind = candidate;
                }
            }
            if (kind == null || posted.contains(event.at("/content/" + kind + "/id").asText())) {
                continue;
            }
            String eventId = event.path("id").asText();
            notPosted.add(new DocumentNotPosted(eventId, event.path("event_type").asText(), kind,
                    event.at("/content/" + kind + "/id").asText(), auditOfEvent.apply(eventId)));
        }
        return notPosted;
    }

    /**
     * Every Chargebee document that did not post has an audit row saying why (see {@link #documentsNotPosted}).
     *
     * @return how many such events there were
     */
    public long assertEveryDocumentNotPostedHasAReason(Function<String, List<AuditRecord>> auditOfEvent) {
        List<DocumentNotPosted> notPosted = documentsNotPosted(auditOfEvent);
        for (DocumentNotPosted document : notPosted) {
            assertThat(document.audit()).as("audit rows of %s (%s, %s), which posted nothing", document.eventId(),
                    document.eventType(), document.documentId())
                    .anySatisfy(row -> {
                        assertThat(row.outcome()).isIn(DocumentNotPosted.NOT_POSTED_OUTCOMES.toArray());
                        assertThat(row.reason()).isNotBlank();
                    });
        }
        return notPosted.size();
    }

    /**
     * Chargebee's line amounts per mapped account, without the tax inside tax-inclusive prices: each line's price on its
     * item's account and each of its discounts (negative) on the account the mapping gives its type, so that every
     * account's sum is Chargebee's lines net of the discounts mapped to it; credit notes count negative.
     */
    private static Map<String, BigDecimal> chargebeeRevenueByAccount(ChargebeeSandbox chargebee) {
        List<JsonNode> documents = new java.util.ArrayList<>(chargebeeInvoices(chargebee));
        chargebee.events().stream().filter(e -> e.at("/content/credit_note").isObject())
                .map(e -> e.at("/content/credit_note"))
                .collect(Collectors.toMap(c -> c.path("id").asText(), c -> c, (a, b) -> a)).values()
                .forEach(documents::add);
        return chargebeeRevenueByAccount(documents);
    }

    /**
     * The revenue and discounts per "account currency" of these Chargebee invoices and credit notes (credit notes
     * negative), as the default mapping routes their lines.
     */
    public static Map<String, BigDecimal> chargebeeRevenueByAccount(List<JsonNode> documents) {
        io.mlconnector.mapping.file.Mapping mapping = MappingFixtures.defaultMapping();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode document : documents) {
            boolean creditNote = "credit_note".equals(document.path("object").asText())
                    || document.has("reference_invoice_id");
            boolean writeOff = creditNote && "write off".equalsIgnoreCase(document.path("create_reason_code").asText());
            boolean inclusive = "tax_inclusive".equals(document.path("price_type").asText());
            String currency = document.path("currency_code").asText();
            for (JsonNode line : document.path("line_items")) {
                // The price without the tax inside it goes to the item's account; each discount, without its share of
                // that tax, to the account discounts.by_type maps it to (a write-off posts net on its own account).
                long gross = line.path("amount").asLong();
                long tax = inclusive ? line.path("tax_amount").asLong() : 0;
                Map<String, Long> discounts = new java.util.LinkedHashMap<>();
                document.path("line_item_discounts").forEach(d -> {
                    if (d.path("line_item_id").asText().equals(line.path("id").asText())) {
                        discounts.merge(d.path("discount_type").asText(), d.path("discount_amount").asLong(), Long::sum);
                    }
                });
                long discounted = discounts.values().stream().mapToLong(Long::longValue).sum();
                String itemAccount = mapping.itemFor(line.path("entity_type").asText(null),
                        line.path("entity_id").asText(null)).salesAccount();
                if (writeOff) {
                    add(revenue, mapping.writeOff().account(), currency, gross - discounted - tax, creditNote);
                    continue;
                }
                long taxOnDiscounts = 0;
                for (Map.Entry<String, Long> discount : discounts.entrySet()) {
                    long share = gross == discounted ? 0 : BigDecimal.valueOf(tax * discount.getValue())
                            .divide(BigDecimal.valueOf(gross - discounted), 0, java.math.RoundingMode.HALF_EVEN)
                            .longValueExact();
                    taxOnDiscounts += share;
                    add(revenue, mapping.discountFor(discount.getKey()).salesAccount(), currency,
                            -(discount.getValue() - share), creditNote);
                }
                add(revenue, itemAccount, currency, gross - tax - taxOnDiscounts, creditNote);
            }
            long roundOff = document.path("round_off_amount").asLong();
            if (roundOff != 0) {
                revenue.merge(mapping.rounding().salesAccount() + " " + currency,
                        io.mlconnector.mapping.Money.ofMinor(creditNote ? -roundOff : roundOff, currency).scaled(),
                        BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    private static void add(Map<String, BigDecimal> revenue, String account, String currency, long minor,
                            boolean creditNote) {
        revenue.merge(account + " " + currency, io.mlconnector.mapping.Money.ofMinor(creditNote ? -minor : minor,
                currency).scaled(), BigDecimal::add);
    }

    /** Acumatica's line amounts per account: invoices positive, credit memos negative. */
    public static Map<String, BigDecimal> acumaticaRevenueByAccount(List<JsonNode> documents) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode document : documents) {
            boolean creditMemo = "Credit Memo".equals(document.at("/Type/value").asText());
            String currency = document.at("/Currency/value").asText();
            for (JsonNode line : document.path("Details")) {
                BigDecimal amount = line.at("/Amount/value").decimalValue();
                revenue.merge(line.at("/Account/value").asText() + " " + currency,
                        creditMemo ? amount.negate() : amount, BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    /** Chargebee's outstanding per "customer currency": invoices due, less excess payments and credits available. */
    private static Map<String, BigDecimal> chargebeeOpenByCustomer(ChargebeeSandbox chargebee) {
        Map<String, BigDecimal> open = new TreeMap<>();
        for (ObjectNode invoice : chargebeeInvoices(chargebee)) {
            add(open, invoice.path("customer_id").asText(), invoice.path("currency_code").asText(),
                    invoice.path("amount_due").asLong());
        }
        chargebee.events().stream().filter(e -> e.at("/content/transaction").isObject())
                .map(e -> e.at("/content/transaction")).filter(t -> "payment".equals(t.path("type").asText()))
                .filter(t -> "success".equals(t.path("status").asText()))
                .collect(Collectors.toMap(t -> t.path("id").asText(), t -> t, (a, b) -> a)).values()
                .forEach(t -> add(open, t.path("customer_id").asText(), t.path("currency_code").asText(),
                        -t.path("amount_unused").asLong()));
        chargebee.events().stream().filter(e -> e.at("/content/credit_note").isObject())
                .map(e -> e.at("/content/credit_note"))
                .collect(Collectors.toMap(c -> c.path("id").asText(), c -> c, (a, b) -> a)).values()
                .forEach(c -> add(open, c.path("customer_id").asText(), c.path("currency_code").asText(),
                        -c.path("amount_available").asLong()));
        open.values().removeIf(v -> v.signum() == 0);
        return open;
    }

    /** Acumatica's open AR per customer (AccountRef = Chargebee id) and currency. */
    private static Map<String, BigDecimal> acumaticaOpenByCustomer(AcumaticaSandbox acumatica, List<JsonNode> documents) {
        return acumaticaOpenByCustomer(acumatica.customers(), documents, acumatica.payments());
    }

    /**
     * Open AR per "Chargebee customer id currency": document balances (credit memos negative) less the unapplied
     * balance of payments.
     */
    public static Map<String, BigDecimal> acumaticaOpenByCustomer(List<JsonNode> customers, List<JsonNode> documents,
                                                                 List<JsonNode> payments) {
        Map<String, String> chargebeeIdOf = new java.util.HashMap<>();
        customers.forEach(c -> chargebeeIdOf.put(c.at("/CustomerID/value").asText(),
                c.at("/AccountRef/value").asText()));
        Map<String, BigDecimal> open = new TreeMap<>();
        for (JsonNode document : documents) {
            BigDecimal balance = document.at("/Balance/value").decimalValue();
            String key = chargebeeIdOf.get(document.at("/CustomerID/value").asText()) + " "
                    + document.at("/Currency/value").asText();
            open.merge(key, "Credit Memo".equals(document.at("/Type/value").asText()) ? balance.negate() : balance,
                    BigDecimal::add);
        }
        for (JsonNode payment : payments) {
            if ("Payment".equals(payment.at("/Type/value").asText())) {
                String key = chargebeeIdOf.get(payment.at("/CustomerID/value").asText()) + " "
                        + payment.at("/CurrencyID/value").asText();
                open.merge(key, payment.at("/AvailableBalance/value").decimalValue().negate(), BigDecimal::add);
            }
        }
        open.replaceAll((k, v) -> v.stripTrailingZeros());
        open.values().removeIf(v -> v.signum() == 0);
        return open;
    }

    private static void add(Map<String, BigDecimal> open, String customer, String currency, long minor) {
        open.merge(customer + " " + currency, io.mlconnector.mapping.Money.ofMinor(minor, currency).scaled(),
                BigDecimal::add);
        open.replaceAll((k, v) -> v.stripTrailingZeros());
    }

    private static List<String> postableInvoiceIds(ChargebeeSandbox chargebee) {
        return chargebeeInvoices(chargebee).stream().map(i -> i.path("id").asText()).toList();
    }

    private static List<ObjectNode> chargebeeInvoices(ChargebeeSandbox chargebee) {
        return chargebee.events().stream().filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .map(e -> (ObjectNode) e.at("/content/invoice"))
                .filter(i -> !List.of("pending", "voided").contains(i.path("status").asText())).toList();
    }

    static Map<String, BigDecimal> chargebeeTotals(ChargebeeSandbox chargebee) {
        return totalsByCurrency(chargebeeInvoices(chargebee), i -> i.path("currency_code").asText(),
                i -> io.mlconnector.mapping.Money.ofMinor(i.path("total").asLong(), i.path("currency_code").asText())
                        .scaled());
    }

    private static <T> Map<String, BigDecimal> totalsByCurrency(List<T> documents, Function<T, String> currency,
                                                                Function<T, BigDecimal> amount) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        documents.forEach(d -> totals.merge(currency.apply(d), amount.apply(d), BigDecimal::add));
        totals.replaceAll((c, v) -> v.stripTrailingZeros());
        return totals;
    }

}
