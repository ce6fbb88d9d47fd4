package io.mlconnector.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.mapping.Money;
import io.mlconnector.store.AuditRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The invariants after a run, computed independently of the connector from Chargebee's final records and Acumatica's
 * documents: exactly one Acumatica document per Chargebee document that must post (none for those that must not),
 * reconciliation to the cent (invoice totals per currency, open AR per customer and currency, revenue per GL account),
 * customers showing their current name, and a reason in the audit trail or the DLQ for everything that did not post.
 * Returns every violation instead of stopping at the first, so a failing seed shows all it broke.
 */
public final class LedgerInvariants {
    private static final Set<String> REASON_OUTCOMES = Set.of("SKIPPED", "IGNORED", "HELD");
    private static final Set<String> FINISHED_OUTCOMES = Set.of("POSTED", "SKIPPED", "IGNORED", "HELD");
    private static final String VOID_SUFFIX = "-VOID";

    private final ChargebeeBooks chargebee;
    private final AcumaticaBooks acumatica;
    private final Function<String, List<AuditRecord>> auditOfEvent;
    private final Set<String> dlqEventIds;
    private final List<Violation> violations = new ArrayList<>();

    private LedgerInvariants(ChargebeeBooks chargebee, AcumaticaBooks acumatica,
                             Function<String, List<AuditRecord>> auditOfEvent, Set<String> dlqEventIds) {
        this.chargebee = chargebee;
        this.acumatica = acumatica;
        this.auditOfEvent = auditOfEvent;
        this.dlqEventIds = Set.copyOf(dlqEventIds);
    }

    /** Every violation, in a stable order; empty when the run is correct. */
    public static List<Violation> check(ChargebeeBooks chargebee, AcumaticaBooks acumatica,
                                        Function<String, List<AuditRecord>> auditOfEvent, Set<String> dlqEventIds) {
        LedgerInvariants invariants = new LedgerInvariants(chargebee, acumatica, auditOfEvent, dlqEventIds);
        invariants.noDuplicates();
        invariants.nothingMissingOrUnexpected();
        invariants.reconciles();
        invariants.customersAreCurrent();
        invariants.everythingUnpostedHasAReason();
        invariants.everyEventFinished();
        return List.copyOf(invariants.violations);
    }

    // ---- exactly once ----------------------------------------------------------------------------------------------

    private void noDuplicates() {
        duplicates(acumatica.documents(), d -> text(d, "Type") + " " + text(d, "ExternalRef"));
        duplicates(acumatica.payments().stream().filter(p -> !AcumaticaBooks.isVoidDocument(p)).toList(),
                p -> text(p, "Type") + " " + text(p, "ExternalRef"));
        duplicates(acumatica.customers(), c -> "Customer " + text(c, "AccountRef"));
    }

    private void duplicates(List<JsonNode> records, Function<JsonNode, String> key) {
        records.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()))
                .forEach((k, n) -> {
                    if (n > 1) {
                        violations.add(new Violation(Violation.Invariant.DUPLICATE, k + " ×" + n));
                    }
                });
    }

    private void nothingMissingOrUnexpected() {
        Set<String> expectedRefs = new HashSet<>();
        for (JsonNode invoice : chargebee.invoices()) {
            String id = invoice.path("id").asText();
            expectedRefs.add(id);
            expectedRefs.add(id + VOID_SUFFIX);
            switch (invoice.path("status").asText()) {
                case "pending" -> unexpectedIf(hasDocument("Invoice", id), "Invoice " + id + " is pending");
                case "voided" -> {
                    missingIf(hasDocument("Invoice", id) && !hasDocument("Credit Memo", id + VOID_SUFFIX),
                            "Invoice " + id + " was voided; its posted invoice has no reversing credit memo");
                    unexpectedIf(!hasDocument("Invoice", id) && hasDocument("Credit Memo", id + VOID_SUFFIX),
                            "Credit Memo " + id + VOID_SUFFIX + " reverses an invoice that never posted");
                }
                default -> missingIf(!hasDocument("Invoice", id), "Invoice " + id + " (" + status(invoice) + ")");
            }
        }
        for (JsonNode note : chargebee.creditNotes()) {
            String id = note.path("id").asText();
            expectedRefs.add(id);
            expectedRefs.add(id + VOID_SUFFIX);
            if ("voided".equals(note.path("status").asText())) {
                missingIf(hasDocument("Credit Memo", id) && !hasDocument("Debit Memo", id + VOID_SUFFIX),
                        "Credit note " + id + " was voided; its posted credit memo has no reversing debit memo");
            } else {
                missingIf(!hasDocument("Credit Memo", id), "Credit Memo " + id + " (" + status(note) + ")");
            }
        }
        for (JsonNode transaction : chargebee.transactions()) {
            transactionPostedAsItMust(transaction);
            expectedRefs.add(transaction.path("id").asText());
        }
        for (JsonNode document : acumatica.documents()) {
            unexpectedIf(!expectedRefs.contains(text(document, "ExternalRef")), text(document, "Type") + " "
                    + text(document, "ExternalRef") + " has no Chargebee document");
        }
        for (JsonNode payment : acumatica.payments().stream().filter(p -> !AcumaticaBooks.isVoidDocument(p)).toList()) {
            unexpectedIf(!expectedRefs.contains(text(payment, "ExternalRef")), text(payment, "Type") + " "
                    + text(payment, "ExternalRef") + " has no Chargebee transaction");
        }
    }

    private void transactionPostedAsItMust(JsonNode transaction) {
        String id = transaction.path("id").asText();
        String type = transaction.path("type").asText();
        String status = transaction.path("status").asText();
        List<JsonNode> posted = acumatica.payments().stream()
                .filter(p -> id.equals(text(p, "ExternalRef")) && !AcumaticaBooks.isVoidDocument(p)).toList();
        boolean live = posted.stream().anyMatch(p -> !"Voided".equals(text(p, "Status")));
        if ("payment".equals(type) && "success".equals(status)) {
            missingIf(!live, "Payment " + id + " succeeded" + (posted.isEmpty() ? "" : " but was voided"));
        } else if ("payment".equals(type) && "late_failure".equals(status)) {
            missingIf(live, "Payment " + id + " failed late; its posted payment was not voided");
        } else if ("refund".equals(type) && "success".equals(status)) {
            missingIf(posted.stream().noneMatch(p -> "Customer Refund".equals(text(p, "Type"))),
                    "Customer Refund " + id);
        } else {
            unexpectedIf(!posted.isEmpty(), "Payment " + id + " is a " + type + " with status " + status);
        }
    }

    // ---- reconciliation --------------------------------------------------------------------------------------------

    private void reconciles() {
        compare("invoice total", chargebeeTotals(), acumaticaTotals());
        compare("open AR", chargebeeOpen(), clean(ReconciliationFigures.acumaticaOpenByCustomer(
                acumatica.customers(), acumatica.documents(), acumatica.payments())));
        List<JsonNode> standing = new ArrayList<>(postable(chargebee.invoices()));
        chargebee.creditNotes().stream().filter(c -> !"voided".equals(c.path("status").asText())).forEach(standing::add);
        compare("revenue", clean(ReconciliationFigures.chargebeeRevenueByAccount(standing)),
                clean(ReconciliationFigures.acumaticaRevenueByAccount(acumatica.documents())));
    }

    private Map<String, BigDecimal> chargebeeTotals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        postable(chargebee.invoices()).forEach(i -> totals.merge(i.path("currency_code").asText(),
                money(i.path("total").asLong(), i), BigDecimal::add));
        return clean(totals);
    }

    /** Invoices less the credit memos that reverse voided ones. */
    private Map<String, BigDecimal> acumaticaTotals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (JsonNode document : acumatica.documents()) {
            BigDecimal amount = document.at("/Amount/value").decimalValue();
            String type = text(document, "Type");
            if ("Invoice".equals(type)) {
                totals.merge(text(document, "Currency"), amount, BigDecimal::add);
            } else if ("Credit Memo".equals(type) && text(document, "ExternalRef").endsWith(VOID_SUFFIX)
                    && chargebee.invoices().stream().anyMatch(i -> (i.path("id").asText() + VOID_SUFFIX)
                    .equals(text(document, "ExternalRef")))) {
                totals.merge(text(document, "Currency"), amount.negate(), BigDecimal::add);
            }
        }
        return clean(totals);
    }

    /** Invoices due, less excess payments and credits not used yet, per "customer currency". */
    private Map<String, BigDecimal> chargebeeOpen() {
        Map<String, BigDecimal> open = new TreeMap<>();
        postable(chargebee.invoices()).forEach(i -> open.merge(customerCurrency(i), money(i.path("amount_due")
                .asLong(), i), BigDecimal::add));
        chargebee.transactions().stream().filter(t -> "payment".equals(t.path("type").asText())
                        && "success".equals(t.path("status").asText()))
                .forEach(t -> open.merge(customerCurrency(t), money(-t.path("amount_unused").asLong(), t),
                        BigDecimal::add));
        chargebee.creditNotes().stream().filter(c -> !"voided".equals(c.path("status").asText()))
                .forEach(c -> open.merge(customerCurrency(c), money(-c.path("amount_available").asLong(), c),
                        BigDecimal::add));
        return clean(open);
    }

    private void compare(String what, Map<String, BigDecimal> expected, Map<String, BigDecimal> actual) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            BigDecimal want = expected.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal got = actual.getOrDefault(key, BigDecimal.ZERO);
            if (want.compareTo(got) != 0) {
                violations.add(new Violation(Violation.Invariant.RECONCILIATION, what + " " + key + ": Chargebee "
                        + want.toPlainString() + ", Acumatica " + got.toPlainString()));
            }
        }
    }

    // ---- customers, reasons, finished events ----------------------------------------------------------------------

    private void customersAreCurrent() {
        for (JsonNode customer : chargebee.customers()) {
            String id = customer.path("id").asText();
            String expected = displayName(customer);
            acumatica.customers().stream().filter(c -> id.equals(text(c, "AccountRef")))
                    .filter(c -> !expected.equals(text(c, "CustomerName")))
                    .forEach(c -> violations.add(new Violation(Violation.Invariant.STALE_CUSTOMER, "Customer " + id
                            + " is '" + text(c, "CustomerName") + "' in Acumatica, '" + expected + "' in Chargebee")));
        }
    }

    private void everythingUnpostedHasAReason() {
        Set<String> posted = new HashSet<>();
        acumatica.documents().forEach(d -> posted.add(text(d, "ExternalRef")));
        acumatica.payments().forEach(p -> posted.add(text(p, "ExternalRef")));
        for (JsonNode event : chargebee.events()) {
            String kind = primaryKind(event);
            String documentId = kind == null ? null : event.at("/content/" + kind + "/id").asText();
            if (documentId == null || posted.contains(documentId)) {
                continue;
            }
            String eventId = event.path("id").asText();
            boolean explained = dlqEventIds.contains(eventId) || auditOfEvent.apply(eventId).stream()
                    .anyMatch(row -> REASON_OUTCOMES.contains(row.outcome()) && row.reason() != null
                            && !row.reason().isBlank());
            if (!explained) {
                violations.add(new Violation(Violation.Invariant.UNEXPLAINED, kind + " " + documentId + " ("
                        + event.path("event_type").asText() + " " + eventId + ") posted nothing and no audit row or"
                        + " DLQ message says why"));
            }
        }
    }

    private void everyEventFinished() {
        for (JsonNode event : chargebee.events()) {
            String eventId = event.path("id").asText();
            boolean finished = dlqEventIds.contains(eventId) || auditOfEvent.apply(eventId).stream()
                    .anyMatch(row -> FINISHED_OUTCOMES.contains(row.outcome()));
            if (!finished) {
                violations.add(new Violation(Violation.Invariant.UNFINISHED, event.path("event_type").asText() + " "
                        + eventId + " has no posted, skipped or held audit row and is not in the DLQ"));
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The document an event is about, by its type: {@code invoice}, {@code credit_note}, {@code transaction}. */
    private static String primaryKind(JsonNode event) {
        String type = event.path("event_type").asText();
        if (type.startsWith("invoice_") || type.startsWith("pending_invoice_")) {
            return "invoice";
        }
        if (type.startsWith("credit_note_")) {
            return "credit_note";
        }
        if (type.startsWith("payment_") || type.startsWith("transaction_") || type.startsWith("refund_")) {
            return "transaction";
        }
        return null;
    }

    private boolean hasDocument(String type, String externalRef) {
        return acumatica.documents().stream()
                .anyMatch(d -> type.equals(text(d, "Type")) && externalRef.equals(text(d, "ExternalRef")));
    }

    private static List<JsonNode> postable(List<JsonNode> invoices) {
        return invoices.stream().filter(i -> !Set.of("pending", "voided").contains(i.path("status").asText())).toList();
    }

    private void missingIf(boolean condition, String detail) {
        if (condition) {
            violations.add(new Violation(Violation.Invariant.MISSING, detail));
        }
    }

    private void unexpectedIf(boolean condition, String detail) {
        if (condition) {
            violations.add(new Violation(Violation.Invariant.UNEXPECTED, detail));
        }
    }

    private static String displayName(JsonNode customer) {
        String company = customer.path("company").asText("").strip();
        if (!company.isEmpty()) {
            return company;
        }
        String person = (customer.path("first_name").asText("") + " " + customer.path("last_name").asText("")).strip();
        return person.isEmpty() ? customer.path("email").asText(customer.path("id").asText()) : person;
    }

    private static String status(JsonNode document) {
        return document.path("status").asText();
    }

    private static String customerCurrency(JsonNode record) {
        return record.path("customer_id").asText() + " " + record.path("currency_code").asText();
    }

    private static BigDecimal money(long minor, JsonNode record) {
        return Money.ofMinor(minor, record.path("currency_code").asText()).scaled();
    }

    private static Map<String, BigDecimal> clean(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> cleaned = new TreeMap<>();
        amounts.forEach((k, v) -> {
            if (v.signum() != 0) {
                cleaned.put(k, v.stripTrailingZeros());
            }
        });
        return cleaned;
    }

    private static String text(JsonNode record, String field) {
        return Objects.requireNonNullElse(record.at("/" + field + "/value").asText(null), "");
    }
}
