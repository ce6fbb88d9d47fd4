package io.mlconnector.sandbox.acumatica;

import io.mlconnector.acumatica.AcumaticaEntity;

import java.util.List;

/**
 * The simulated tenant's data: reference data, customers, sales invoices, payments, GL batches, numbering and long
 * operations.
 *
 * <p>One monitor (this object) guards all of it. A single lock is deliberately coarse: an invoice PUT reads
 * customers, currencies, items and accounts and writes the invoice and a number sequence, and the sandbox's
 * throughput needs are tiny next to the value of never seeing a torn state in a concurrency test.
 */
final class Tenant {

    final TenantSeed seed;
    final ReferenceData referenceData;
    final EntityStore customers = new EntityStore(AcumaticaEntity.CUSTOMER.wireName(), List.of("CustomerID"));
    final EntityStore salesInvoices = new EntityStore(AcumaticaEntity.SALES_INVOICE.wireName(),
            List.of("Type", "ReferenceNbr"));
    final EntityStore payments = new EntityStore(AcumaticaEntity.PAYMENT.wireName(), List.of("Type", "ReferenceNbr"));
    final EntityStore journalTransactions = new EntityStore(AcumaticaEntity.JOURNAL_TRANSACTION.wireName(),
            List.of("Module", "BatchNbr"));
    final DocumentNumbering numbering;
    final LongOperations operations = new LongOperations();
    private long lastBusinessAccountId;

    Tenant(TenantSeed seed, ContractShapes shapes) {
        this.seed = seed;
        this.referenceData = new ReferenceData(shapes);
        this.numbering = new DocumentNumbering(seed.numbering());
        clearToSeedReferenceData();
    }

    /** Drops all documents and customers and restores the seed's reference data and sequences. */
    synchronized void clearToSeedReferenceData() {
        customers.clear();
        salesInvoices.clear();
        payments.clear();
        journalTransactions.clear();
        operations.clear();
        numbering.reset();
        referenceData.load(seed.referenceData());
        lastBusinessAccountId = 100;
    }

    /** Next internal BAccountID, shown on customers as {@code BAccountID}. */
    synchronized long nextBusinessAccountId() {
        return ++lastBusinessAccountId;
    }
}
