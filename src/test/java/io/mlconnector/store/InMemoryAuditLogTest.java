package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryAuditLog;

/** The audit contract on the in-memory fake. */
class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected AuditLog store() {
        return new InMemoryAuditLog();
    }
}
