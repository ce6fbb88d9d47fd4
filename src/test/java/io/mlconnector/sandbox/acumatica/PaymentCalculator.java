package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Defaults and totals of a {@code Payment}, recomputed after every change, the way AR302000 fills a document in.
 *
 * <ul>
 *   <li>Header: Type defaults to Payment, Hold to false, ApplicationDate to today (kept as a date); Status is On Hold
 *       or Balanced until released. PaymentMethod defaults to the customer class's; CashAccount to the method's
 *       AR default cash account, or, when a CurrencyID is sent, to an allowed cash account in that currency
 *       (sandbox convenience); CurrencyID to the cash account's currency, else the customer's.</li>
 *   <li>DocumentsToApply holds the applications not yet released; a release moves them to ApplicationHistory, as
 *       AR302000's tabs do. Amounts are rounded to the currency's precision; AppliedToDocuments = Σ AmountPaid of
 *       DocumentsToApply; AvailableBalance = PaymentAmount − released applications − amounts refunded against the
 *       payment − AppliedToDocuments.</li>
 *   <li>A {@code Credit Memo} opened on the payments screen mirrors its SalesInvoice credit memo: customer, currency,
 *       amount and status come from the memo, and AvailableBalance is the memo's balance less pending
 *       applications.</li>
 * </ul>
 *
 * A payment keeps its released applications ({@value #APPLIED}) and the amount refunded against it
 * ({@value #REFUNDED}) in internal members; neither is a contract field, so neither is ever rendered.
 */
final class PaymentCalculator {

    /** Statuses of a released payment: Open (money left to apply), Closed (all applied) and Voided. */
    private static final Set<ArDocumentStatus> RELEASED = EnumSet.of(ArDocumentStatus.OPEN, ArDocumentStatus.CLOSED,
            ArDocumentStatus.VOIDED);
    static final String APPLIED = "_applied";
    static final String REFUNDED = "_refunded";

    private final ReferenceData reference;
    private final TenantSeed seed;
    private final CurrencyRounding rounding;
    private final EndpointContext ctx;

    PaymentCalculator(ReferenceData reference, TenantSeed seed, EndpointContext ctx) {
        this.reference = reference;
        this.seed = seed;
        this.rounding = new CurrencyRounding(reference);
        this.ctx = ctx;
    }

    /**
     * @param customer   the payment's customer, if it exists
     * @param creditMemo for a {@code Credit Memo} payment, the SalesInvoice memo it mirrors
     */
    void recompute(ObjectNode payment, Optional<ObjectNode> customer, Optional<ObjectNode> creditMemo) {
        ValueObjects.setIfAbsent(payment, "Type", ArDocumentType.PAYMENT.wireName());
        if (ValueObjects.value(payment, "Hold").isEmpty()) {
            ValueObjects.set(payment, "Hold", false);
        }
        ValueObjects.setIfAbsent(payment, "ApplicationDate", ctx.today());
        ValueObjects.text(payment, "ApplicationDate").flatMap(text -> ValueObjects.parseDate(text, ctx.userTimeZone()))
                .ifPresent(date -> ValueObjects.set(payment, "ApplicationDate",
                        ValueObjects.formatDate(date, ctx.userTimeZone())));
        if (creditMemo.isPresent()) {
            mirror(payment, creditMemo.get());
        } else {
            applyPaymentDefaults(payment, customer);
        }
        String currency = ValueObjects.text(payment, "CurrencyID").orElse(seed.baseCurrency());
        ValueObjects.decimal(payment, "PaymentAmount")
                .ifPresent(amount -> ValueObjects.set(payment, "PaymentAmount", rounding.round(amount, currency)));
        BigDecimal applied = rounding.zero(currency);
        for (ObjectNode line : pendingLines(payment)) {
            ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize)
                    .ifPresent(type -> ValueObjects.set(line, "DocType", type.wireName()));
            Optional<BigDecimal> amountPaid = ValueObjects.decimal(line, "AmountPaid");
            if (amountPaid.isPresent()) {
                BigDecimal rounded = rounding.round(amountPaid.get(), currency);
                ValueObjects.set(line, "AmountPaid", rounded);
                applied = applied.add(rounded);
            }
        }
        ValueObjects.set(payment, "AppliedToDocuments", applied);
        BigDecimal open = creditMemo.map(memo -> ValueObjects.decimal(memo, "Balance").orElse(BigDecimal.ZERO))
                .orElseGet(() -> ValueObjects.decimal(payment, "PaymentAmount").orElse(BigDecimal.ZERO)
                        .subtract(releasedOf(payment)).subtract(refunded(payment)));
        BigDecimal available = open.subtract(applied);
        ValueObjects.set(payment, "AvailableBalance", rounding.round(available, currency));
        if (creditMemo.isEmpty() && !isReleased(payment)) {
            ValueObjects.set(payment, "Status", (ValueObjects.bool(payment, "Hold").orElse(false)
                    ? ArDocumentStatus.ON_HOLD : ArDocumentStatus.BALANCED).wireName());
        }
    }

    /** After a release or an application to this payment: Open while an unapplied balance remains, else Closed. */
    void settleStatus(ObjectNode payment) {
        BigDecimal unapplied = ValueObjects.decimal(payment, "PaymentAmount").orElse(BigDecimal.ZERO)
                .subtract(releasedOf(payment)).subtract(refunded(payment));
        ValueObjects.set(payment, "Status",
                (unapplied.signum() > 0 ? ArDocumentStatus.OPEN : ArDocumentStatus.CLOSED).wireName());
    }

    static boolean isReleased(ObjectNode payment) {
        return status(payment).filter(RELEASED::contains).isPresent();
    }

    /** A payment's Status, when it is one the sandbox knows. */
    static Optional<ArDocumentStatus> status(ObjectNode payment) {
        return ValueObjects.text(payment, "Status").flatMap(ArDocumentStatus::fromWire);
    }

    /** The applications not yet released (DocumentsToApply). */
    static List<ObjectNode> pendingLines(ObjectNode payment) {
        return linesOf(payment, "DocumentsToApply");
    }

    /** The applications released so far (internal; shown through ApplicationHistory). */
    static List<ObjectNode> appliedLines(ObjectNode payment) {
        return linesOf(payment, APPLIED);
    }

    private static List<ObjectNode> linesOf(ObjectNode payment, String member) {
        List<ObjectNode> lines = new ArrayList<>();
        payment.path(member).forEach(line -> lines.add((ObjectNode) line));
        return lines;
    }

    static BigDecimal refunded(ObjectNode payment) {
        JsonNode refunded = payment.get(REFUNDED);
        return refunded == null ? BigDecimal.ZERO : refunded.decimalValue();
    }

    static BigDecimal pendingOf(ObjectNode payment) {
        return sum(pendingLines(payment));
    }

    static BigDecimal releasedOf(ObjectNode payment) {
        return sum(appliedLines(payment));
    }

    private static BigDecimal sum(List<ObjectNode> lines) {
        return lines.stream().map(l -> ValueObjects.decimal(l, "AmountPaid").orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void mirror(ObjectNode payment, ObjectNode memo) {
        for (String[] pair : new String[][]{{"CustomerID", "CustomerID"}, {"CurrencyID", "Currency"},
                {"PaymentAmount", "Amount"}, {"Status", "Status"}}) {
            ValueObjects.value(memo, pair[1]).ifPresent(v -> payment.set(pair[0], ValueObjects.wrap(v.deepCopy())));
        }
        ValueObjects.text(memo, "Description").ifPresent(d -> ValueObjects.setIfAbsent(payment, "Description", d));
    }

    private void applyPaymentDefaults(ObjectNode payment, Optional<ObjectNode> customer) {
        Optional<ObjectNode> customerClass = customer.flatMap(c -> reference.find("CustomerClass",
                ValueObjects.text(c, "CustomerClass").orElse(null)));
        customerClass.flatMap(c -> ValueObjects.text(c, "PaymentMethod"))
                .ifPresent(method -> ValueObjects.setIfAbsent(payment, "PaymentMethod", method));
        if (ValueObjects.text(payment, "CashAccount").isEmpty()) {
            defaultCashAccount(ValueObjects.text(payment, "PaymentMethod").orElse(null),
                    ValueObjects.text(payment, "CurrencyID").orElse(null))
                    .ifPresent(account -> ValueObjects.set(payment, "CashAccount", account));
        }
        Optional<String> cashCurrency = ValueObjects.text(payment, "CashAccount")
                .flatMap(account -> reference.find("Account", account))
                .flatMap(account -> ValueObjects.text(account, "CurrencyID"));
        ValueObjects.setIfAbsent(payment, "CurrencyID", cashCurrency
                .or(() -> customer.flatMap(c -> ValueObjects.text(c, "CurrencyID")))
                .orElse(seed.baseCurrency()));
    }

    private Optional<String> defaultCashAccount(String paymentMethod, String currency) {
        Optional<ObjectNode> method = reference.find("PaymentMethod", paymentMethod);
        if (method.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> allowed = new ArrayList<>();
        method.get().path("AllowedCashAccounts").forEach(line -> {
            if (ValueObjects.bool(line, "UseInAR").orElse(true)) {
                allowed.add(line);
            }
        });
        allowed.sort((a, b) -> Boolean.compare(ValueObjects.bool(b, "ARDefault").orElse(false),
                ValueObjects.bool(a, "ARDefault").orElse(false)));
        Optional<String> inCurrency = currency == null ? Optional.empty() : allowed.stream()
                .map(line -> ValueObjects.text(line, "CashAccount").orElse(""))
                .filter(account -> reference.find("Account", account)
                        .flatMap(a -> ValueObjects.text(a, "CurrencyID")).filter(currency::equalsIgnoreCase)
                        .isPresent())
                .findFirst();
        return inCurrency.or(() -> allowed.stream().findFirst()
                .flatMap(line -> ValueObjects.text(line, "CashAccount")));
    }
}
