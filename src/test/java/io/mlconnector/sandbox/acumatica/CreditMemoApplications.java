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
 * Applying a SalesInvoice credit memo to invoices through its {@code ApplicationsCreditMemo} lines (the Applications
 * tab of SO303000): the lines name invoices or debit memos of the same customer and currency with
 * {@code DocType}, {@code ReferenceNbr} and {@code AmountPaid} (defaulted to what the invoice and the memo still allow)
 * and take effect when the memo is released: each invoice's balance drops, and the memo's Balance is its Amount less
 * what was applied (Closed at zero). The lines are checked at PUT and again at release, with the same wording as
 * Payment's. Once the memo is released they can no longer change; a released memo is applied later through
 * {@code Payment} with Type Credit Memo. Lines on any other document type are refused. Caller holds the
 * {@link Tenant} lock.
 */
final class CreditMemoApplications {

    static final String LINES = "ApplicationsCreditMemo";
    private static final Set<ArDocumentType> APPLICABLE = EnumSet.of(ArDocumentType.INVOICE,
            ArDocumentType.DEBIT_MEMO);

    private final ArApplications applications;
    private final CurrencyRounding rounding;

    CreditMemoApplications(ArApplications applications, CurrencyRounding rounding) {
        this.applications = applications;
        this.rounding = rounding;
    }

    /** Normalizes DocType, rounds AmountPaid and fills missing amounts; call after the memo's totals are computed. */
    void recompute(ObjectNode memo) {
        String currency = ValueObjects.text(memo, "Currency").orElse("");
        BigDecimal left = ValueObjects.decimal(memo, "Amount").orElse(BigDecimal.ZERO);
        for (ObjectNode line : lines(memo)) {
            ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize)
                    .ifPresent(type -> ValueObjects.set(line, "DocType", type.wireName()));
            ValueObjects.decimal(line, "AmountPaid").ifPresent(amount ->
                    ValueObjects.set(line, "AmountPaid", rounding.round(amount, currency)));
            left = left.subtract(ValueObjects.decimal(line, "AmountPaid").orElse(BigDecimal.ZERO));
        }
        for (ObjectNode line : lines(memo)) {
            if (ValueObjects.value(line, "AmountPaid").isEmpty()) {
                BigDecimal balance = document(line).map(d -> ArApplications.balanceOf(docType(line), d))
                        .orElse(BigDecimal.ZERO);
                BigDecimal amount = rounding.round(balance.min(left.max(BigDecimal.ZERO)), currency);
                ValueObjects.set(line, "AmountPaid", amount);
                left = left.subtract(amount);
            }
        }
    }

    void validate(ObjectNode document, FieldErrors errors) {
        List<ObjectNode> lines = lines(document);
        if (lines.isEmpty()) {
            return;
        }
        String type = ValueObjects.text(document, "Type").orElse("");
        if (!ArDocumentType.CREDIT_MEMO.is(type)) {
            errors.addGeneral(LINES + " can only be entered on a credit memo, not on a document of the type '"
                    + type + "'.");
            return;
        }
        String customer = ValueObjects.text(document, "CustomerID").orElse("");
        String currency = ValueObjects.text(document, "Currency").orElse("");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = lines.get(i);
            validateLine(line, LINES + "[" + i + "].", customer, currency, errors);
            total = total.add(ValueObjects.decimal(line, "AmountPaid").orElse(BigDecimal.ZERO));
        }
        if (total.compareTo(ValueObjects.decimal(document, "Amount").orElse(BigDecimal.ZERO)) > 0) {
            errors.addGeneral("Total application amount cannot exceed document amount.");
        }
    }

    /**
     * Applies the lines of a memo being released (its Balance already equals its Amount): invoices' balances drop,
     * the memo's Balance and Status follow, and each line shows the invoice's balance and status afterwards.
     */
    void applyOnRelease(ObjectNode memo) {
        ArApplications.Adjusting self = new ArApplications.Adjusting(ArDocumentType.CREDIT_MEMO.wireName(),
                ValueObjects.text(memo, "ReferenceNbr").orElseThrow(), null,
                ValueObjects.text(memo, "CustomerID").orElse(null), ValueObjects.text(memo, "Currency").orElse(null),
                ValueObjects.text(memo, "Date").orElse(null));
        BigDecimal balance = ValueObjects.decimal(memo, "Balance").orElse(BigDecimal.ZERO);
        for (ObjectNode line : lines(memo)) {
            BigDecimal amount = ValueObjects.decimal(line, "AmountPaid").orElse(BigDecimal.ZERO);
            ObjectNode invoice = document(line).orElseThrow();
            BigDecimal invoiceBalance = applications.apply(self, docType(line), invoice, amount);
            ValueObjects.set(line, "Balance", invoiceBalance);
            ValueObjects.set(line, "Status",
                    (invoiceBalance.signum() > 0 ? ArDocumentStatus.OPEN : ArDocumentStatus.CLOSED).wireName());
            ValueObjects.text(invoice, "Currency").ifPresent(c -> ValueObjects.set(line, "Currency", c));
            ValueObjects.text(invoice, "CustomerID").ifPresent(c -> ValueObjects.set(line, "Customer", c));
            ValueObjects.text(invoice, "Date").ifPresent(d -> ValueObjects.set(line, "Date", d));
            balance = balance.subtract(amount);
        }
        ValueObjects.set(memo, "Balance", balance);
        ValueObjects.set(memo, "Status",
                (balance.signum() > 0 ? ArDocumentStatus.OPEN : ArDocumentStatus.CLOSED).wireName());
    }

    private void validateLine(ObjectNode line, String prefix, String customer, String currency, FieldErrors errors) {
        Optional<ArDocumentType> docType = ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize)
                .filter(APPLICABLE::contains);
        if (docType.isEmpty()) {
            errors.add(line, "DocType", prefix + "DocType", "Only a document of the Invoice or Debit Memo type can"
                    + " be selected for a credit memo application.");
            return;
        }
        Optional<String> referenceNbr = ValueObjects.text(line, "ReferenceNbr");
        if (referenceNbr.isEmpty()) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "'Reference Nbr.' cannot be empty.");
            return;
        }
        Optional<ObjectNode> invoice = document(line);
        String where = docType.get().wireName() + " " + referenceNbr.get();
        if (invoice.isEmpty()) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr",
                    "'Reference Nbr.' cannot be found in the system.");
        } else if (!ArApplications.isReleased(invoice.get())) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where
                    + " is not released and cannot be applied.");
        } else if (!ValueObjects.text(invoice.get(), "CustomerID").orElse("").equalsIgnoreCase(customer)) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where
                    + " belongs to another customer.");
        } else if (!ValueObjects.text(invoice.get(), "Currency").orElse("").equalsIgnoreCase(currency)) {
            errors.add(line, "ReferenceNbr", prefix + "ReferenceNbr", "The document " + where
                    + " is in another currency (the sandbox does not simulate cross-currency applications).");
        } else {
            BigDecimal amount = ValueObjects.decimal(line, "AmountPaid").orElse(BigDecimal.ZERO);
            BigDecimal balance = ArApplications.balanceOf(docType.get().wireName(), invoice.get());
            if (amount.signum() <= 0) {
                errors.add(line, "AmountPaid", prefix + "AmountPaid", "The amount must be greater than zero.");
            } else if (amount.compareTo(balance) > 0) {
                errors.add(line, "AmountPaid", prefix + "AmountPaid", "Entry must be less or equal to "
                        + balance.toPlainString());
            }
        }
    }

    private Optional<ObjectNode> document(ObjectNode line) {
        String docType = docType(line);
        return docType == null ? Optional.empty() : ValueObjects.text(line, "ReferenceNbr")
                .flatMap(nbr -> applications.find(docType, nbr));
    }

    private static String docType(JsonNode line) {
        return ValueObjects.text(line, "DocType").flatMap(ArDocumentTypes::normalize).filter(APPLICABLE::contains)
                .map(ArDocumentType::wireName).orElse(null);
    }

    private static List<ObjectNode> lines(ObjectNode document) {
        List<ObjectNode> lines = new ArrayList<>();
        document.path(LINES).forEach(line -> lines.add((ObjectNode) line));
        return lines;
    }
}
