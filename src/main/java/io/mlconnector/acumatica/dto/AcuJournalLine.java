package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** One {@code JournalTransactionDetail} line. */
@RegisterForReflection
public record AcuJournalLine(String account, String subaccount, BigDecimal debitAmount, BigDecimal creditAmount,
                             String transactionDescription) {}
