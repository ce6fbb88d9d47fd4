package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** A journal's lines, read back with its details expanded (e.g. what a bad-debt provision debited, what a summary journal posted). */
@RegisterForReflection
public record JournalAmounts(String id, String description, List<Line> details) {

    /** One line's account, debit and credit. */
    @RegisterForReflection
    public record Line(String account, BigDecimal debitAmount, BigDecimal creditAmount) {}
}
