package io.mlconnector.soak;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaRestClient;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeRestClient;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.SqsEventQueue;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.ClaimStore;
import io.mlconnector.store.DocumentLeases;
import io.mlconnector.store.LedgerStore;
import io.mlconnector.store.dynamodb.DynamoAuditLog;
import io.mlconnector.store.dynamodb.DynamoClaimStore;
import io.mlconnector.store.dynamodb.DynamoDocumentLeases;
import io.mlconnector.store.dynamodb.DynamoLedgerStore;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The connector's ports, each the real adapter behind the {@link KillSwitch}. An alternative selected only by
 * {@link SoakProfile}: every other test runs the plain adapters. src/main is untouched.
 */
@Alternative
@Singleton
public class SoakPorts {
    private final KillSwitch kills = new KillSwitch();

    public KillSwitch kills() {
        return kills;
    }

    @Produces
    @Singleton
    @Alternative
    AcumaticaClient acumatica(AcumaticaRestClient real) {
        return kills.guard(AcumaticaClient.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    ChargebeeClient chargebee(ChargebeeRestClient real) {
        return kills.guard(ChargebeeClient.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    ClaimStore claims(DynamoClaimStore real) {
        return kills.guard(ClaimStore.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    LedgerStore ledger(DynamoLedgerStore real) {
        return kills.guard(LedgerStore.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    DocumentLeases leases(DynamoDocumentLeases real) {
        return kills.guard(DocumentLeases.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    AuditLog audit(DynamoAuditLog real) {
        return kills.guard(AuditLog.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    EventQueue queue(SqsEventQueue real) {
        return kills.guard(EventQueue.class, real);
    }
}
