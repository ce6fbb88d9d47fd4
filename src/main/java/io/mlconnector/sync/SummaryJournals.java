package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuJournalLine;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ResourceReader;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.SummaryJournalMapping;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.SiteCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Summary mode ({@code gl_summary.enabled} in the mapping file): at period end, one balanced journal per currency for
 * the period's closed invoices, credit notes and the money that moved (payments, refunds, reversals), read from
 * Chargebee by document date, posted and released once
 * (looked up by its description first, so running a period twice posts nothing new). A period is a calendar month in
 * the Chargebee site's time zone ({@code site.time_zone}): a Los Angeles invoice raised on the evening of January 31
 * (already February 1 in UTC) is in January's journal.
 *
 * <p>One run per period at a time: the run holds the lease {@code summary:<period>} (a {@link DocumentLock}) from
 * reading Chargebee to the last journal released; an overlapping run is turned away with {@link DocumentBusy}. A
 * re-run after Chargebee changed posts one adjustment journal per currency for the difference only: what the period
 * now sums to, per account, less what the journal and its earlier adjustments posted (read back from Acumatica by
 * their descriptions). No difference, no journal.
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
     * @return the Acumatica batch (Module/BatchNbr) per currency, and per adjustment posted for it (e.g.
     *         {@code "USD adjustment 1"})
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
        SiteCalendar calendar = mapping.siteCalendar();
        Instant from = calendar.periodStart(period);
        Instant to = calendar.periodEnd(period);
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
            adjust(journal, batches);
        }
        return batches;
    }

    /**
     * The period a period close run at {@code now} closes: the month before the current one in the Chargebee site's
     * time zone (UTC for a mapping file without {@code site.time_zone}).
     */
    public YearMonth previousPeriod(Instant now) {
        return mappings.current().siteCalendar().previousPeriod(now);
    }

    /** The description of a period's {@code number}th adjustment journal in one currency (its natural key). */
    static String adjustmentDescription(String journalDescription, int number) {
        return journalDescription + " adjustment " + number;
    }

    /**
     * Brings what the period's journal and its adjustments posted to what {@code period} (the whole period's journal
     * as Chargebee sums it now) says: the difference per account, if any, becomes the next adjustment journal.
     */
    private void adjust(AcuJournalTransaction period, Map<String, String> batches) {
        String currency = period.currencyID();
        Map<String, BigDecimal> difference = new TreeMap<>();
        String subaccount = null;
        for (AcuJournalLine line : period.details()) {
            difference.merge(line.account(), line.debitAmount().subtract(line.creditAmount()), BigDecimal::add);
            subaccount = line.subaccount();
        }
        int number = 0;
        for (String description = period.description(); ; description = adjustmentDescription(period.description(),
                ++number)) {
            Optional<Map<String, BigDecimal>> posted = documents.journalNet(description);
            if (posted.isEmpty()) {
                break;
            }
            posted.get().forEach((account, net) -> difference.merge(account, net.negate(), BigDecimal::add));
        }
        int exponent = Money.exponent(currency);
        List<AcuJournalLine> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : difference.entrySet()) {
            BigDecimal signed = entry.getValue().setScale(Math.max(exponent, entry.getValue().stripTrailingZeros()
                    .scale()), RoundingMode.UNNECESSARY);
            if (signed.signum() != 0) {
                lines.add(new AcuJournalLine(entry.getKey(), subaccount, signed.max(BigDecimal.ZERO),
                        signed.min(BigDecimal.ZERO).negate(), "Chargebee adjustment " + period.description()));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        AcuJournalTransaction adjustment = new AcuJournalTransaction(period.module(), period.transactionDate(),
                currency, adjustmentDescription(period.description(), number), period.hold(), lines);
        batches.put(currency + " adjustment " + number, documents.ensureReleasedJournal(adjustment).key());
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
