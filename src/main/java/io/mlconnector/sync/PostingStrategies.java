package io.mlconnector.sync;

import io.mlconnector.chargebee.dto.ChargebeeRecord;
import jakarta.enterprise.context.ApplicationScoped;

/** The posting strategy of each kind of document, for the worklist that posts and the dry run that does not. */
@ApplicationScoped
public class PostingStrategies {
    private final CustomerPosting customers;
    private final InvoicePosting invoices;
    private final CreditNotePosting creditNotes;
    private final TransactionPosting transactions;

    public PostingStrategies(CustomerPosting customers, InvoicePosting invoices, CreditNotePosting creditNotes,
                             TransactionPosting transactions) {
        this.customers = customers;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.transactions = transactions;
    }

    @SuppressWarnings("unchecked")
    PostingStrategy<ChargebeeRecord, ?> of(DocumentKind kind) {
        PostingStrategy<? extends ChargebeeRecord, ?> strategy = switch (kind) {
            case CUSTOMER -> customers;
            case INVOICE -> invoices;
            case CREDIT_NOTE -> creditNotes;
            case TRANSACTION -> transactions;
        };
        return (PostingStrategy<ChargebeeRecord, ?>) strategy;
    }
}
