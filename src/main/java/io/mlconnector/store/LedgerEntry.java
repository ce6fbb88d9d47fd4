package io.mlconnector.store;

import java.time.Instant;

/** Which Acumatica document a Chargebee document became. */
public record LedgerEntry(String chargebeeType, String chargebeeId, String acumaticaEntity, String acumaticaId,
                          String acumaticaKey, LedgerStatus status, Instant recordedAt) {}
