package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentType;

import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code SalesInvoice} after defaults are applied, writing errors onto the offending fields (header and
 * detail lines). Messages follow Acumatica's selector wording ("'X' cannot be found in the system.") and empty
 * required-field wording ("'X' cannot be empty."); the list-value message is the sandbox's own (UNVERIFIED).
 *
 * <p>Validated at PUT: Type, CustomerID, Currency, Date, and on each line InventoryID (non-stock item), Account,
 * SubAccount; TaxID on tax lines. Real Acumatica may accept some invalid GL accounts at PUT and fail only at release;
 * the sandbox rejects them early, which is the stricter side of that uncertainty.
 */
final class SalesInvoiceValidator {

    /** The types a SalesInvoice may have, in the order the Type list shows them. */
    static final List<ArDocumentType> TYPES = List.of(ArDocumentType.INVOICE, ArDocumentType.CREDIT_MEMO,
            ArDocumentType.DEBIT_MEMO);

    private final ReferenceData reference;
    private final DocumentNumbering numbering;
    private final EntityStore customers;

    SalesInvoiceValidator(ReferenceData reference, DocumentNumbering numbering, EntityStore customers) {
        this.reference = reference;
        this.numbering = numbering;
        this.customers = customers;
    }

    FieldErrors validate(ObjectNode invoice) {
        FieldErrors errors = new FieldErrors();
        String type = ValueObjects.text(invoice, "Type").orElse("");
        if (ArDocumentType.fromWire(type).filter(TYPES::contains).isEmpty() || !numbering.hasSequence(type)) {
            errors.add(invoice, "Type", "Type", "The value '" + type + "' is not in the list of allowed values "
                    + ArDocumentTypes.labels(TYPES) + ".");
        }
        ValueObjects.text(invoice, "CustomerID").ifPresentOrElse(
                customer -> {
                    if (customers.byKeys(List.of(customer)).isEmpty()) {
                        errors.add(invoice, "CustomerID", "CustomerID", "'Customer' cannot be found in the system.");
                    }
                },
                () -> errors.add(invoice, "CustomerID", "CustomerID", "'Customer' cannot be empty."));
        ValueObjects.text(invoice, "Currency").filter(c -> !reference.isActive("Currency", c))
                .ifPresent(c -> errors.add(invoice, "Currency", "Currency",
                        "'Currency' cannot be found in the system."));
        if (ValueObjects.text(invoice, "Date").isEmpty()) {
            errors.add(invoice, "Date", "Date", "'Date' cannot be empty.");
        }
        validateLines(invoice.path("Details"), errors);
        int i = 0;
        for (JsonNode node : invoice.path("TaxDetails")) {
            ObjectNode tax = (ObjectNode) node;
            String where = "TaxDetails[" + i++ + "].TaxID";
            ValueObjects.text(tax, "TaxID").ifPresentOrElse(
                    id -> {
                        if (reference.find("Tax", id).isEmpty()) {
                            errors.add(tax, "TaxID", where, "'Tax ID' cannot be found in the system.");
                        }
                    },
                    () -> errors.add(tax, "TaxID", where, "'Tax ID' cannot be empty."));
        }
        return errors;
    }

    private void validateLines(JsonNode lines, FieldErrors errors) {
        int i = 0;
        for (JsonNode node : lines) {
            ObjectNode line = (ObjectNode) node;
            String prefix = "Details[" + i++ + "].";
            boolean unknownItem = ValueObjects.text(line, "InventoryID")
                    .filter(id -> !reference.isActive("NonStockItem", id)).isPresent();
            if (unknownItem) {
                errors.add(line, "InventoryID", prefix + "InventoryID", "'Inventory ID' cannot be found in the system.");
            }
            Optional<String> account = ValueObjects.text(line, "Account");
            if (account.isPresent() && !reference.isActive("Account", account.get())) {
                errors.add(line, "Account", prefix + "Account", "'Account' cannot be found in the system.");
            } else if (account.isEmpty() && !unknownItem) {
                // With an unknown item the missing default account is a consequence, not a second mistake.
                errors.add(line, "Account", prefix + "Account", "'Account' cannot be empty.");
            }
            ValueObjects.text(line, "SubAccount").filter(sub -> !reference.isActive("Subaccount", sub))
                    .ifPresent(sub -> errors.add(line, "SubAccount", prefix + "SubAccount",
                            "'Subaccount' cannot be found in the system."));
        }
    }
}
