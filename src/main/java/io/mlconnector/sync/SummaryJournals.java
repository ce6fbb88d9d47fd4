package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ResourceReader;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.SummaryJournalMapping;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary mode ({@code gl_summary.enabled} in the mapping file): at period end, one balanced journal per currency for
 * the period's closed invoices, credit notes and the money that moved (payments, refunds, reversals), read from
 * Chargebee by document date, posted and released once
 * (looked up by its description first, so running a period twice posts nothing new).
 *
 * <p>One run per period at a time: the run holds the lease {@code summary:<period>} (a {@link DocumentLock}) from
 * reading Chargebee to the last journal released; an overlapping run is turned away with {@link DocumentBusy}.
 */
@ApplicationScoped
public class SummaryJournals {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final DocumentLock lock;

    public SummaryJournals(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                           DocumentLock lock) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.lock = lock;
    }

    /**
     * @return the Acumatica batch (Module/BatchNbr) per currency
     * @throws DocumentBusy when another run holds the period
     */
    public Map<String, String> post(YearMonth period) {
        return lock.exclusively("summary:" + period, () -> postExclusively(period));
    }

    private Map<String, String> postExclusively(YearMonth period) {
        Mapping mapping = mappings.current();
        if (mapping.glSummary().isEmpty()) {
            throw new IllegalArgumentException("gl_summary is not enabled in the mapping file " + mapping.sourceName());
        }
        Instant from = period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        ResourceReader reader = new ResourceReader(chargebee);
        Map<String, List<ChargebeeInvoice>> invoices = new TreeMap<>();
        Map<String, List<ChargebeeCreditNote>> creditNotes = new TreeMap<>();
        reader.backfill(ChargebeeResource.INVOICES, from, to, Duration.between(from, to), ChargebeeInvoice::updatedAt,
                invoice -> {
                    if (invoice.isClosed() && !"voided".equals(invoice.status()) && !invoice.isDeleted()) {
                        boolean truncated = invoice.lineItemsNextOffset() != null;
                        invoices.computeIfAbsent(invoice.currencyCode(), c -> new ArrayList<>())
                                .add(truncated ? chargebee.invoice(invoice.id()) : invoice);
                    }
                });
        reader.backfill(ChargebeeResource.CREDIT_NOTES, from, to, Duration.between(from, to),
                ChargebeeCreditNote::updatedAt, note -> {
                    if (!"voided".equals(note.status()) && !note.isDeleted()) {
                        creditNotes.computeIfAbsent(note.currencyCode(), c -> new ArrayList<>())
                                .add(note.isTruncated() ? chargebee.creditNote(note.id()) : note);
                    }
                });
        Map<String, List<ChargebeeTransaction>> transactions = new TreeMap<>();
        reader.backfill(ChargebeeResource.TRANSACTIONS, from, to, Duration.between(from, to),
                ChargebeeTransaction::updatedAt, transaction -> {
                    if (SummaryJournalMapping.cashDirection(transaction) != 0) {
                        transactions.computeIfAbsent(transaction.currencyCode(), c -> new ArrayList<>())
                                .add(transaction);
                    }
                });
        Map<String, String> batches = new TreeMap<>();
        for (String currency : union(invoices, creditNotes, transactions)) {
            AcuJournalTransaction journal = SummaryJournalMapping.toAcumatica(period, currency,
                    invoices.getOrDefault(currency, List.of()), creditNotes.getOrDefault(currency, List.of()),
                    transactions.getOrDefault(currency, List.of()), mapping);
            batches.put(currency, documents.ensureReleasedJournal(journal).key());
        }
        return batches;
    }

    @SafeVarargs
    private static List<String> union(Map<String, ?>... maps) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (Map<String, ?> map : maps) {
            all.addAll(map.keySet());
        }
        return List.copyOf(all);
    }
}
