package io.mlconnector.sync;

/** An Acumatica document the connector made or found, with what was sent and answered (for the audit trail). */
public record PostedDocument(String entity, String key, String acumaticaId, String sent, String answer,
                             boolean createdNow) {}
