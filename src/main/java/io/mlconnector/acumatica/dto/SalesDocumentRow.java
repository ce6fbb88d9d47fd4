package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What reconciliation reads of a sales invoice, debit memo or credit memo ({@code SalesInvoice}, its {@code Details}
 * expanded): the Chargebee id it carries as {@code ExternalRef}, its amount, balance and status, and each line's
 * account and amount.
 */
@RegisterForReflection
public record SalesDocumentRow(String id, String type, String referenceNbr, String externalRef, String customerID,
                               String currency, BigDecimal amount, BigDecimal balance, String status, String date,
                               List<Line> details) {

    /** One line's account and amount (net of an Acumatica line discount). */
    @RegisterForReflection
    public record Line(String account, BigDecimal amount) {}

    /** The document date's calendar day: Acumatica renders it as midnight with the API user's offset. */
    public LocalDate day() {
        return date == null || date.length() < 10 ? null : LocalDate.parse(date.substring(0, 10));
    }

    public List<Line> detailsOrEmpty() {
        return details == null ? List.of() : details;
    }
}
