package io.mlconnector.soak;

import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.store.dynamodb.DynamoTokenStore;
import io.mlconnector.testing.fakes.InMemoryAuditLog;
import io.mlconnector.testing.fakes.InMemoryClaimStore;
import io.mlconnector.testing.fakes.InMemoryDocumentLeases;
import io.mlconnector.testing.fakes.InMemoryHeldDocuments;
import io.mlconnector.testing.fakes.InMemoryLedgerStore;
import io.mlconnector.testing.fakes.InMemoryTokenStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaRestClient;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeRestClient;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.SqsEventQueue;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.ClaimStore;
import io.mlconnector.store.DocumentLeases;
import io.mlconnector.store.HeldDocuments;
import io.mlconnector.store.LedgerStore;
import io.mlconnector.store.dynamodb.DynamoAuditLog;
import io.mlconnector.store.dynamodb.DynamoClaimStore;
import io.mlconnector.store.dynamodb.DynamoDocumentLeases;
import io.mlconnector.store.dynamodb.DynamoHeldDocuments;
import io.mlconnector.store.dynamodb.DynamoLedgerStore;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The connector's ports behind the {@link KillSwitch}. An alternative selected only by {@link SoakProfile}: every
 * other test runs the plain adapters. src/main is untouched. The stores are the in-memory fakes (fresh for every seed;
 * their contract suites prove they behave as the DynamoDB adapters do), or with {@code -Dsoak.stores=dynamo} the
 * DynamoDB adapters on dynalite, about ten times slower per seed.
 */
@Alternative
@Singleton
public class SoakPorts {
    private final KillSwitch kills = new KillSwitch();
    private final AtomicReference<MemoryStores> memory = new AtomicReference<>(new MemoryStores());

    /** One seed's stores. */
    private record MemoryStores(InMemoryClaimStore claims, InMemoryLedgerStore ledger, InMemoryDocumentLeases leases,
                                InMemoryAuditLog audit, InMemoryTokenStore tokens, InMemoryHeldDocuments held) {
        MemoryStores() {
            this(new InMemoryClaimStore(Duration.ofDays(30)), new InMemoryLedgerStore(), new InMemoryDocumentLeases(),
                    new InMemoryAuditLog(), new InMemoryTokenStore(), new InMemoryHeldDocuments());
        }
    }

    public static boolean storesInMemory() {
        return !"dynamo".equals(System.getProperty("soak.stores", "memory"));
    }

    /** Empty stores for the next seed (in memory; the dynalite table is reset by the caller otherwise). */
    public void freshStores() {
        memory.set(new MemoryStores());
    }

    /** A port that forwards to the current seed's in-memory store. */
    private <T> T current(Class<T> port, Function<MemoryStores, T> store) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(store.apply(memory.get()), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

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
        return kills.guard(ClaimStore.class, storesInMemory() ? current(ClaimStore.class, MemoryStores::claims) : real);
    }

    @Produces
    @Singleton
    @Alternative
    LedgerStore ledger(DynamoLedgerStore real) {
        return kills.guard(LedgerStore.class, storesInMemory() ? current(LedgerStore.class, MemoryStores::ledger) : real);
    }

    @Produces
    @Singleton
    @Alternative
    DocumentLeases leases(DynamoDocumentLeases real) {
        return kills.guard(DocumentLeases.class, storesInMemory() ? current(DocumentLeases.class, MemoryStores::leases) : real);
    }

    @Produces
    @Singleton
    @Alternative
    AuditLog audit(DynamoAuditLog real) {
        return kills.guard(AuditLog.class, storesInMemory() ? current(AuditLog.class, MemoryStores::audit) : real);
    }

    @Produces
    @Singleton
    @Alternative
    HeldDocuments held(DynamoHeldDocuments real) {
        return kills.guard(HeldDocuments.class, storesInMemory() ? current(HeldDocuments.class, MemoryStores::held) : real);
    }

    @Produces
    @Singleton
    @Alternative
    EventQueue queue(SqsEventQueue real) {
        return kills.guard(EventQueue.class, real);
    }

    @Produces
    @Singleton
    @Alternative
    TokenStore tokens(DynamoTokenStore real) {
        return storesInMemory() ? current(TokenStore.class, MemoryStores::tokens) : real;
    }
}
