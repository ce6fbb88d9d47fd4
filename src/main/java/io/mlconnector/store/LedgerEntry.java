package io.mlconnector.store;

import java.time.Instant;

/**
 * Which Acumatica document a Chargebee document became.
 *
 * @param sourceVersion Chargebee's {@code resource_version} of the record this entry was written from, or null: at
 *                      one status, an entry never replaces one written from a newer version
 */
public record LedgerEntry(String chargebeeType, String chargebeeId, String acumaticaEntity, String acumaticaId,
                          String acumaticaKey, LedgerStatus status, Instant recordedAt, Long sourceVersion) {

    public LedgerEntry(String chargebeeType, String chargebeeId, String acumaticaEntity, String acumaticaId,
                       String acumaticaKey, LedgerStatus status, Instant recordedAt) {
        this(chargebeeType, chargebeeId, acumaticaEntity, acumaticaId, acumaticaKey, status, recordedAt, null);
    }
}
