package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code JournalTransaction} at PUT: Module is GL (the only module a batch can be entered in on GL301000),
 * CurrencyID is an active currency, the batch has lines, and each line names an active Account and an existing
 * Subaccount (Acumatica's selector wording). Whether debits equal credits is checked at release, not here.
 */
final class JournalTransactionValidator {

    private final ReferenceData reference;

    JournalTransactionValidator(ReferenceData reference) {
        this.reference = reference;
    }

    FieldErrors validate(ObjectNode batch) {
        FieldErrors errors = new FieldErrors();
        String module = ValueObjects.text(batch, "Module").orElse("");
        if (!module.equals(JournalTransactionCalculator.MODULE_GL)) {
            errors.add(batch, "Module", "Module", "The value '" + module + "' is not in the list of allowed values "
                    + List.of(JournalTransactionCalculator.MODULE_GL) + ".");
        }
        ValueObjects.text(batch, "CurrencyID").filter(c -> !reference.isActive("Currency", c))
                .ifPresent(c -> errors.add(batch, "CurrencyID", "CurrencyID",
                        "'Currency' cannot be found in the system."));
        if (batch.path("Details").isEmpty()) {
            errors.addGeneral("The batch has no lines (Details).");
        }
        int i = 0;
        for (JsonNode node : batch.path("Details")) {
            ObjectNode line = (ObjectNode) node;
            String prefix = "Details[" + i++ + "].";
            Optional<String> account = ValueObjects.text(line, "Account");
            if (account.isEmpty()) {
                errors.add(line, "Account", prefix + "Account", "'Account' cannot be empty.");
            } else if (!reference.isActive("Account", account.get())) {
                errors.add(line, "Account", prefix + "Account", "'Account' cannot be found in the system.");
            }
            ValueObjects.text(line, "Subaccount").filter(sub -> !reference.isActive("Subaccount", sub))
                    .ifPresent(sub -> errors.add(line, "Subaccount", prefix + "Subaccount",
                            "'Subaccount' cannot be found in the system."));
        }
        return errors;
    }
}
