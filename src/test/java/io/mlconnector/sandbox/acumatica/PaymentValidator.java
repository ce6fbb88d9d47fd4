package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code Payment} after defaults are applied, writing errors onto the offending fields and application
 * lines. Selector failures use Acumatica's wording ("'X' cannot be found in the system."); amount checks use AR's
 * messages ("Entry must be less or equal to {0}", "Total application amount cannot exceed document amount."). The
 * messages for a document that is not released, belongs to another customer or is in another currency are the
 * sandbox's own (Acumatica's selectors simply do not offer such documents).
 *
 * <p>Header: Type, CustomerID, PaymentMethod (active, used in AR), CashAccount (one of the method's allowed AR cash
 * accounts, an active account), CurrencyID (active, the cash account's currency), PaymentAmount (&gt; 0).
 * DocumentsToApply lines (applications not yet released): DocType applicable to the payment type, the document
 * exists, is released and open, is the customer's, is in the payment's currency, and AmountPaid is positive and
 * within its balance. Then Σ AmountPaid must fit in the payment (for a credit memo, in its balance).
 */
final class PaymentValidator {

    private final ReferenceData reference;
    private final EntityStore customers;
    private final ArApplications applications;

    PaymentValidator(ReferenceData reference, EntityStore customers, ArApplications applications) {
        this.reference = reference;
        this.customers = customers;
        this.applications = applications;
    }

    /** @param creating true for a new document (only enterable types may be created) */
    FieldErrors validate(ObjectNode payment, boolean creating, Optional<ObjectNode> creditMemo) {
        FieldErrors errors = new FieldErrors();
        String type = ValueObjects.text(payment, "Type").orElse("");
        Optional<ArDocumentType> known = ArDocumentType.fromWire(type).filter(ArDocumentTypes.PAYMENT_TYPES::contains);
        if (known.isEmpty()) {
            errors.add(payment, "Type", "Type", "The value '" + type + "' is not in the list of allowed values "
                    + ArDocumentTypes.labels(ArDocumentTypes.PAYMENT_TYPES) + ".");
            return errors;
        }
        if (creating && !ArDocumentTypes.ENTERABLE_PAYMENT_TYPES.contains(known.get())) {
            errors.add(payment, "Type", "Type", "A document of the type '" + type
                    + "' cannot be entered; it is created by the VoidPayment action.");
            return errors;
        }
        ValueObjects.text(payment, "CustomerID").ifPresentOrElse(
                customer -> {
                    if (customers.byKeys(List.of(customer)).isEmpty()) {
                        errors.add(payment, "CustomerID", "CustomerID", "'Customer' cannot be found in the system.");
                    }
                },
                () -> errors.add(payment, "CustomerID", "CustomerID", "'Customer' cannot be empty."));
        if (creditMemo.isEmpty()) {
            validateMeansOfPayment(payment, errors);
            BigDecimal amount = ValueObjects.decimal(payment, "PaymentAmount").orElse(null);
            if (amount == null) {
                errors.add(payment, "PaymentAmount", "PaymentAmount", "'Payment Amount' cannot be empty.");
            } else if (amount.signum() <= 0) {
                errors.add(payment, "PaymentAmount", "PaymentAmount", "The amount must be greater than zero.");
            }
        }
        validateApplications(payment, type, errors);
        return errors;
    }

    /** Re-checks the pending applications against today's balances, as a release does. */
    FieldErrors validateForRelease(ObjectNode payment) {
        FieldErrors errors = new FieldErrors();
        validateApplications(payment, ValueObjects.text(payment, "Type").orElse(""), errors);
        return errors;
    }

    private void validateMeansOfPayment(ObjectNode payment, FieldErrors errors) {
        Optional<String> methodId = ValueObjects.text(payment, "PaymentMethod");
        Optional<ObjectNode> method = methodId.flatMap(m -> reference.find("PaymentMethod", m))
                .filter(m -> ValueObjects.bool(m, "Active").orElse(true)
                        && ValueObjects.bool(m, "UseInAR").orElse(true));
        if (methodId.isEmpty()) {
            errors.add(payment, "PaymentMethod", "PaymentMethod", "'Payment Method' cannot be empty.");
        } else if (method.isEmpty()) {
            errors.add(payment, "PaymentMethod", "PaymentMethod", "'Payment Method' cannot be found in the system.");
        }
        Optional<String> cashAccount = ValueObjects.text(payment, "CashAccount");
        if (cashAccount.isEmpty()) {
            if (method.isPresent()) {
                errors.add(payment, "CashAccount", "CashAccount", "'Cash Account' cannot be empty.");
            }
        } else if (method.isPresent() && (!allows(method.get(), cashAccount.get())
                || !reference.isActive("Account", cashAccount.get()))) {
            errors.add(payment, "CashAccount", "CashAccount", "'Cash Account' cannot be found in the system.");
        }
        Optional<String> currency = ValueObjects.text(payment, "CurrencyID");
        if (currency.isPresent() && !reference.isActive("Currency", currency.get())) {
            errors.add(payment, "CurrencyID", "CurrencyID", "'Currency' cannot be found in the system.");
        } else if (currency.isPresent() && cashAccount.isPresent()) {
            reference.find("Account", cashAccount.get()).flatMap(a -> ValueObjects.text(a, "CurrencyID"))
                    .filter(accountCurrency -> !accountCurrency.equalsIgnoreCase(currency.get()))
                    .ifPresent(accountCurrency -> errors.add(payment, "CurrencyID", "CurrencyID",
                            "The currency must be " + accountCurrency + ", the currency of the cash account "
                                    + cashAccount.get() + "."));
        }
    }

    private static boolean allows(ObjectNode method, String cashAccount) {
        for (JsonNode line : method.path("AllowedCashAccounts")) {
            if (ValueObjects.text(line, "CashAccount").filter(cashAccount::equalsIgnoreCase).isPresent()
                    && ValueObjects.bool(line, "UseInAR").orElse(true)) {
                return true;
            }
        }
        return false;
    }

    private void validateApplications(ObjectNode payment, String type, FieldErrors errors) {
        String customer = ValueObjects.text(payment, "CustomerID").orElse("");
        String currency = ValueObjects.text(payment, "CurrencyID").orElse("");
        int i = 0;
        for (ObjectNode line : PaymentCalculator.pendingLines(payment)) {
            validateLine(line, "DocumentsToApply[" + i++ + "].", type, customer, currency, errors);
        }
        BigDecimal pending = PaymentCalculator.pendingOf(payment);
        if (pending.signum() == 0) {
            return;
        }
        BigDecimal room = ArDocumentType.CREDIT_MEMO.is(type)
                ? ValueObjects.decimal(payment, "AvailableBalance").orElse(BigDecimal.ZERO).add(pending)
                : ValueObjects.decimal(payment, "PaymentAmount").orElse(BigDecimal.ZERO)
                        .subtract(PaymentCalculator.releasedOf(payment)).subtract(PaymentCalculator.refunded(payment));
        if (pending.compareTo(room) > 0) {
            errors.add(payment, "AppliedToDocuments", "AppliedToDocuments",
                    "Total application amount cannot exceed document amount.");
        }
    }

    private void validateLine(ObjectNode line, String prefix, String paymentType, String customer, String currency,
                              FieldErrors errors) {
        Optional<String> docType = ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize)
                .filter(ArDocumentTypes.applicableTo(paymentType)::contains).map(ArDocumentType::wireName);
        if (docType.isEmpty()) {
            errors.add(line, "DocType", prefix + "DocType", "A document of the type '"
                    + ValueObjects.text(line, "DocType").orElse("") + "' cannot be selected for a " + paymentType
                    + "; allowed: " + ArDocumentTypes.labels(ArDocumentTypes.applicableTo(paymentType)) + ".");
            return;
        }
        Optional<String> referenceNbr = ValueObjects.text(line, "ReferenceNbr");
        if (referenceNbr.isEmpty()) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "'Reference Nbr.' cannot be empty.");
            return;
        }
        Optional<ObjectNode> document = applications.find(docType.get(), referenceNbr.get());
        if (document.isEmpty()) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr",
                    "'Reference Nbr.' cannot be found in the system.");
            return;
        }
        String where = docType.get() + " " + referenceNbr.get();
        if (!ArApplications.isReleased(document.get())) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where
                    + " is not released and cannot be applied.");
            return;
        }
        if (!ValueObjects.text(document.get(), "CustomerID").orElse("").equalsIgnoreCase(customer)) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where
                    + " belongs to another customer.");
            return;
        }
        String documentCurrency = ValueObjects.text(document.get(),
                ArDocumentTypes.isSalesInvoiceType(docType.get()) ? "Currency" : "CurrencyID").orElse("");
        if (!documentCurrency.equalsIgnoreCase(currency)) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where + " is in "
                    + documentCurrency + ", not in the payment's currency " + currency
                    + " (the sandbox does not simulate cross-currency applications).");
            return;
        }
        BigDecimal amount = ValueObjects.decimal(line, "AmountPaid").orElse(BigDecimal.ZERO);
        BigDecimal balance = ArApplications.balanceOf(docType.get(), document.get());
        if (amount.signum() <= 0) {
            errors.add(line, "AmountPaid", prefix + "AmountPaid", "The amount must be greater than zero.");
        } else if (amount.compareTo(balance) > 0) {
            errors.add(line, "AmountPaid", prefix + "AmountPaid", "Entry must be less or equal to "
                    + balance.toPlainString());
        }
    }
}
