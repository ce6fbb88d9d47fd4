package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/** Body of a {@code JournalTransaction} PUT (module GL). Acumatica has no external reference here: the description is the natural key. */
@RegisterForReflection
public record AcuJournalTransaction(String module, LocalDate transactionDate, String currencyID, String description,
                                    Boolean hold, List<AcuJournalLine> details) {}
