package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ReleasePayment} and {@code VoidPayment} do to the tenant. Both commit at once (the endpoint then answers
 * 202/Location or 204) or refuse with the document and its errors (422).
 *
 * <ul>
 *   <li><b>Release</b> applies every line of DocumentsToApply: the adjusted invoice's (or memo's, or payment's)
 *       balance drops, and the line leaves DocumentsToApply for ApplicationHistory, as on AR302000 (so a client
 *       that replays its original PUT after the release asks for the applications again: real Acumatica's trap,
 *       kept). A payment, prepayment or refund becomes Open while an unapplied balance remains, else Closed. A Credit
 *       Memo opened on the payments screen reduces the memo's own balance instead. Balances are re-checked first,
 *       since another payment may have been released against the same invoice since the PUT. An Open payment
 *       releases again whenever new lines were added. Refused: On Hold ("Document is On Hold and cannot be
 *       released."), nothing to release, or voided/closed ("Document Status is invalid for processing.").</li>
 *   <li><b>Void</b> (released payments, prepayments and refunds only) reverses every released application (the
 *       invoices' balances come back and they reopen), marks the document Voided and creates the void document:
 *       Type "Voided Payment" (or "Voided Refund") with the same ReferenceNbr, as Acumatica numbers voids, released
 *       at once (Status Closed). Acumatica creates the void document unreleased on AR302000; the API's single-step
 *       behaviour is UNVERIFIED. A payment that was itself refunded is refused until the refund is voided
 *       (sandbox rule).</li>
 * </ul>
 * Caller holds the {@link Tenant} lock.
 */
final class PaymentActions {

    /** The document after the action, or the document with errors when refused. */
    record Outcome(ObjectNode document, FieldErrors errors) {
        boolean refused() {
            return errors.any();
        }
    }

    private final EndpointContext ctx;
    private final PaymentCalculator calculator;
    private final PaymentValidator validator;
    private final ArApplications applications;

    PaymentActions(EndpointContext ctx, PaymentCalculator calculator, PaymentValidator validator,
                   ArApplications applications) {
        this.ctx = ctx;
        this.calculator = calculator;
        this.validator = validator;
        this.applications = applications;
    }

    Outcome release(ObjectNode stored) {
        ObjectNode payment = stored.deepCopy();
        String type = ValueObjects.text(payment, "Type").orElse("");
        ArDocumentStatus status = PaymentCalculator.status(payment).orElse(null);
        if (status == ArDocumentStatus.ON_HOLD) {
            return refused(payment, "Document is On Hold and cannot be released.");
        }
        boolean releasable = status == ArDocumentStatus.BALANCED
                || (status == ArDocumentStatus.OPEN && !PaymentCalculator.pendingLines(payment).isEmpty());
        if (!releasable || ArDocumentType.fromWire(type).filter(ArDocumentTypes.ENTERABLE_PAYMENT_TYPES::contains)
                .isEmpty()) {
            return refused(payment, "Document Status is invalid for processing.");
        }
        FieldErrors errors = validator.validateForRelease(payment);
        if (errors.any()) {
            return new Outcome(payment, errors);
        }
        ArApplications.Adjusting self = adjusting(payment, type);
        BigDecimal applied = BigDecimal.ZERO;
        for (ObjectNode line : PaymentCalculator.pendingLines(payment)) {
            String docType = ValueObjects.text(line, "DocType").orElseThrow();
            ObjectNode document = applications.find(docType, ValueObjects.text(line, "ReferenceNbr").orElseThrow())
                    .orElseThrow();
            BigDecimal amount = ValueObjects.decimal(line, "AmountPaid").orElseThrow();
            BigDecimal balanceAfter = applications.apply(self, docType, document, amount);
            recordHistory(payment, self, docType, line, amount, balanceAfter);
            ObjectNode released = (payment.get(PaymentCalculator.APPLIED) instanceof ArrayNode list ? list
                    : payment.putArray(PaymentCalculator.APPLIED)).addObject();
            for (String field : List.of("DocType", "ReferenceNbr", "AmountPaid")) {
                released.set(field, line.get(field).deepCopy());
            }
            applied = applied.add(amount);
        }
        payment.putArray("DocumentsToApply");
        if (ArDocumentType.CREDIT_MEMO.is(type)) {
            ObjectNode memo = creditMemoOf(payment).orElseThrow().deepCopy();
            BigDecimal balance = ValueObjects.decimal(memo, "Balance").orElse(BigDecimal.ZERO).subtract(applied);
            ValueObjects.set(memo, "Balance", balance);
            ValueObjects.set(memo, "Status",
                    (balance.signum() > 0 ? ArDocumentStatus.OPEN : ArDocumentStatus.CLOSED).wireName());
            String now = ctx.now();
            ValueObjects.set(memo, "LastModifiedDateTime", now);
            ValueObjects.set(memo, "LastModifiedDate", now);
            ctx.tenant.salesInvoices.save(memo);
            calculator.recompute(payment, Optional.empty(), Optional.of(memo));
        } else {
            calculator.recompute(payment, Optional.empty(), Optional.empty());
            calculator.settleStatus(payment);
        }
        ValueObjects.set(payment, "LastModifiedDateTime", ctx.now());
        ctx.tenant.payments.save(payment);
        return new Outcome(payment, new FieldErrors());
    }

    /** @return the outcome for the voided original; on success the void document is saved too */
    Outcome voidPayment(ObjectNode stored) {
        ObjectNode payment = stored.deepCopy();
        String type = ValueObjects.text(payment, "Type").orElse("");
        Optional<String> voidType = ArDocumentTypes.voidTypeOf(type).map(ArDocumentType::wireName);
        boolean voidable = PaymentCalculator.status(payment)
                .filter(status -> status == ArDocumentStatus.OPEN || status == ArDocumentStatus.CLOSED).isPresent();
        if (voidType.isEmpty() || !voidable) {
            return refused(payment, "Document Status is invalid for processing.");
        }
        if (PaymentCalculator.refunded(payment).signum() > 0) {
            return refused(payment, "The document has been refunded; void the refund before voiding it.");
        }
        ArApplications.Adjusting voiding = new ArApplications.Adjusting(voidType.get(),
                ValueObjects.text(payment, "ReferenceNbr").orElseThrow(), ValueObjects.text(payment, "PaymentRef")
                .orElse(null), ValueObjects.text(payment, "CustomerID").orElse(null),
                ValueObjects.text(payment, "CurrencyID").orElse(null), today());
        ObjectNode voidDocument = newVoidDocument(payment, voidType.get());
        for (ObjectNode line : PaymentCalculator.appliedLines(payment)) {
            String docType = ValueObjects.text(line, "DocType").orElseThrow();
            String referenceNbr = ValueObjects.text(line, "ReferenceNbr").orElseThrow();
            BigDecimal amount = ValueObjects.decimal(line, "AmountPaid").orElseThrow();
            Optional<ObjectNode> document = applications.find(docType, referenceNbr);
            BigDecimal balanceAfter = document.map(d -> applications.reverse(voiding, docType, d, amount))
                    .orElse(BigDecimal.ZERO);
            recordHistory(payment, voiding, docType, line, amount.negate(), balanceAfter);
            recordHistory(voidDocument, voiding, docType, line, amount.negate(), balanceAfter);
        }
        // Applications never released are dropped with the document they belonged to.
        payment.putArray("DocumentsToApply");
        calculator.recompute(payment, Optional.empty(), Optional.empty());
        ValueObjects.set(payment, "Status", ArDocumentStatus.VOIDED.wireName());
        ValueObjects.set(payment, "AvailableBalance", BigDecimal.ZERO.setScale(
                ValueObjects.decimal(payment, "PaymentAmount").orElse(BigDecimal.ZERO).scale()));
        ValueObjects.set(payment, "LastModifiedDateTime", ctx.now());
        ctx.tenant.payments.save(payment);
        calculator.recompute(voidDocument, Optional.empty(), Optional.empty());
        ValueObjects.set(voidDocument, "Status", ArDocumentStatus.CLOSED.wireName());
        ValueObjects.set(voidDocument, "AvailableBalance", BigDecimal.ZERO);
        ctx.tenant.payments.save(voidDocument);
        return new Outcome(voidDocument, new FieldErrors());
    }

    Optional<ObjectNode> creditMemoOf(ObjectNode payment) {
        if (!ValueObjects.text(payment, "Type").filter(ArDocumentType.CREDIT_MEMO::is).isPresent()) {
            return Optional.empty();
        }
        return ValueObjects.text(payment, "ReferenceNbr").flatMap(nbr -> ctx.tenant.salesInvoices
                .byKeys(List.of(ArDocumentType.CREDIT_MEMO.wireName(), nbr)));
    }

    private ObjectNode newVoidDocument(ObjectNode payment, String voidType) {
        ObjectNode document = ValueObjects.NODES.objectNode();
        String id = ctx.ids.newGuid();
        document.put("id", id);
        ValueObjects.set(document, "NoteID", id);
        ValueObjects.set(document, "Type", voidType);
        for (String field : List.of("ReferenceNbr", "CustomerID", "PaymentMethod", "CashAccount", "CurrencyID",
                "PaymentAmount", "PaymentRef", "Branch", "BranchID", "CustomerLocationID")) {
            ValueObjects.value(payment, field).ifPresent(v -> document.set(field, ValueObjects.wrap(v.deepCopy())));
        }
        ValueObjects.set(document, "Description", "Void of " + ValueObjects.text(payment, "Type").orElse("")
                + " " + ValueObjects.text(payment, "ReferenceNbr").orElse(""));
        ValueObjects.set(document, "ApplicationDate", today());
        ValueObjects.set(document, "Hold", false);
        ValueObjects.set(document, "LastModifiedDateTime", ctx.now());
        return document;
    }

    private void recordHistory(ObjectNode payment, ArApplications.Adjusting self, String docType, ObjectNode line,
                               BigDecimal amount, BigDecimal balanceAfter) {
        ArrayNode history = payment.has("ApplicationHistory") ? (ArrayNode) payment.get("ApplicationHistory")
                : payment.putArray("ApplicationHistory");
        ObjectNode entry = history.addObject();
        entry.put("id", ctx.ids.newGuid());
        ValueObjects.set(entry, "AdjustmentNbr", history.size());
        ValueObjects.set(entry, "AdjustingDocType", self.type());
        ValueObjects.set(entry, "AdjustingRefNbr", self.referenceNbr());
        ValueObjects.set(entry, "AdjustedDocType", docType);
        ValueObjects.text(line, "ReferenceNbr").ifPresent(nbr -> ValueObjects.set(entry, "AdjustedRefNbr", nbr));
        ValueObjects.set(entry, "AmountPaid", amount);
        ValueObjects.set(entry, "Balance", balanceAfter);
        if (self.currency() != null) {
            ValueObjects.set(entry, "CurrencyID", self.currency());
        }
        if (self.customer() != null) {
            ValueObjects.set(entry, "Customer", self.customer());
        }
        if (self.date() != null) {
            ValueObjects.set(entry, "Date", self.date());
        }
    }

    private ArApplications.Adjusting adjusting(ObjectNode payment, String type) {
        return new ArApplications.Adjusting(type, ValueObjects.text(payment, "ReferenceNbr").orElseThrow(),
                ValueObjects.text(payment, "PaymentRef").orElse(null),
                ValueObjects.text(payment, "CustomerID").orElse(null),
                ValueObjects.text(payment, "CurrencyID").orElse(null),
                ValueObjects.text(payment, "ApplicationDate").orElse(null));
    }

    private String today() {
        return ctx.today();
    }

    private static Outcome refused(ObjectNode payment, String message) {
        FieldErrors errors = new FieldErrors();
        errors.addGeneral(message);
        return new Outcome(payment, errors);
    }
}
