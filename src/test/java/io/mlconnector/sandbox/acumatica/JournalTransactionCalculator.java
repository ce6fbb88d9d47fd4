package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.JournalStatus;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Defaults of a {@code JournalTransaction} (GL batch, GL301000), recomputed after every change.
 *
 * <ul>
 *   <li>Header: Module GL, Hold false, TransactionDate today (kept as a date), CurrencyID the base currency,
 *       LedgerID ACTUAL; Status On Hold or Balanced until released. Status does not reflect whether debits equal
 *       credits: an unbalanced batch is saved and only its release fails, as integrations report.</li>
 *   <li>Lines: LineNbr numbered, Subaccount the tenant's default, DebitAmount and CreditAmount 0 unless sent, all
 *       rounded to the currency's precision.</li>
 * </ul>
 */
final class JournalTransactionCalculator {

    static final String MODULE_GL = "GL";
    static final String DEFAULT_LEDGER = "ACTUAL";

    private final TenantSeed seed;
    private final CurrencyRounding rounding;
    private final EndpointContext ctx;

    JournalTransactionCalculator(ReferenceData reference, TenantSeed seed, EndpointContext ctx) {
        this.seed = seed;
        this.rounding = new CurrencyRounding(reference);
        this.ctx = ctx;
    }

    void recompute(ObjectNode batch) {
        ValueObjects.setIfAbsent(batch, "Module", MODULE_GL);
        if (ValueObjects.value(batch, "Hold").isEmpty()) {
            ValueObjects.set(batch, "Hold", false);
        }
        ValueObjects.setIfAbsent(batch, "TransactionDate", ctx.today());
        ValueObjects.text(batch, "TransactionDate").flatMap(text -> ValueObjects.parseDate(text, ctx.userTimeZone()))
                .ifPresent(date -> ValueObjects.set(batch, "TransactionDate",
                        ValueObjects.formatDate(date, ctx.userTimeZone())));
        ValueObjects.setIfAbsent(batch, "CurrencyID", seed.baseCurrency());
        ValueObjects.setIfAbsent(batch, "LedgerID", DEFAULT_LEDGER);
        if (!isReleased(batch)) {
            ValueObjects.set(batch, "Status", (ValueObjects.bool(batch, "Hold").orElse(false)
                    ? JournalStatus.ON_HOLD : JournalStatus.BALANCED).wireName());
        }
        String currency = ValueObjects.text(batch, "CurrencyID").orElse(seed.baseCurrency());
        int lastLineNbr = 0;
        for (JsonNode line : batch.path("Details")) {
            lastLineNbr = Math.max(lastLineNbr, ValueObjects.decimal(line, "LineNbr").map(BigDecimal::intValue)
                    .orElse(0));
        }
        for (JsonNode node : batch.path("Details")) {
            ObjectNode line = (ObjectNode) node;
            if (ValueObjects.value(line, "LineNbr").isEmpty()) {
                ValueObjects.set(line, "LineNbr", ++lastLineNbr);
            }
            ValueObjects.setIfAbsent(line, "Subaccount", seed.defaultSubaccount());
            for (String amountField : new String[]{"DebitAmount", "CreditAmount"}) {
                ValueObjects.set(line, amountField, rounding.round(
                        ValueObjects.decimal(line, amountField).orElse(BigDecimal.ZERO), currency));
            }
        }
    }

    /** Released: Unposted, Released or Posted. */
    static boolean isReleased(ObjectNode batch) {
        return status(batch).filter(s -> s == JournalStatus.UNPOSTED || s == JournalStatus.RELEASED
                || s == JournalStatus.POSTED).isPresent();
    }

    /** A batch's Status, when it is one the sandbox knows. */
    static Optional<JournalStatus> status(ObjectNode batch) {
        return ValueObjects.text(batch, "Status").flatMap(JournalStatus::fromWire);
    }

    static BigDecimal total(ObjectNode batch, String amountField) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : batch.path("Details")) {
            total = total.add(ValueObjects.decimal(line, amountField).orElse(BigDecimal.ZERO));
        }
        return total;
    }
}
