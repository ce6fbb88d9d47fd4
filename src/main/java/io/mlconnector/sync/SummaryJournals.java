package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuJournalLine;
import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ListQuery;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.SummaryJournalMapping;
import io.mlconnector.mapping.SummarySums;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.SiteCalendar;
import io.mlconnector.store.SummaryCheckpoint;
import io.mlconnector.store.SummaryCheckpoints;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jboss.logging.Logger;

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
 *
 * <p>Resumable: a month too large for one invocation (20,000 invoices and more) is read page by page, and after every
 * page the exact running sums and the next page are stored ({@link SummaryCheckpoints}, one conditional write). No page
 * is started with less than {@code sync.poller.time-reserve} of the invocation left; the next run of the period goes
 * on from the stored page, and the journals post only once every page is read, from the same sums one uninterrupted
 * read gives. Sums taken under another version of the mapping file are not resumed: the period is read again.
 */
@ApplicationScoped
public class SummaryJournals {
    private static final Logger LOG = Logger.getLogger(SummaryJournals.class);
    /** What is read, in this order: the documents, then the money that moved. */
    private static final List<ChargebeeResource<? extends ChargebeeRecord>> RESOURCES = List.of(
            ChargebeeResource.INVOICES, ChargebeeResource.CREDIT_NOTES, ChargebeeResource.TRANSACTIONS);

    /**
     * What one run of a period did.
     *
     * @param complete whether the period's journals are posted (by this run or, with {@code unless_posted}, before)
     * @param resumed whether this run went on from where an earlier one stopped
     * @param read documents read so far per resource type, over every run of this reading
     * @param journals the Acumatica batch (Module/BatchNbr) per currency, and per adjustment posted for it (e.g.
     *        {@code "USD adjustment 1"}); empty until complete
     * @param postedBefore when an earlier run posted the period, for a run asked not to post it again
     * @param stoppedBecause why an incomplete run stopped; the next run of the period goes on from there
     */
    public record Run(YearMonth period, boolean complete, boolean resumed, Map<String, Long> read,
                      Map<String, String> journals, Optional<Instant> postedBefore, Optional<String> stoppedBecause) {}

    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final DocumentLock lock;
    private final SummaryCheckpoints checkpoints;
    private final InvocationDeadline deadline;
    private final SyncConfig config;
    private final Clock clock;

    public SummaryJournals(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                           DocumentLock lock, SummaryCheckpoints checkpoints, InvocationDeadline deadline,
                           SyncConfig config, Clock clock) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.lock = lock;
        this.checkpoints = checkpoints;
        this.deadline = deadline;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Reads what is left of the period and, once all of it is read, posts its journals (and any adjustments).
     *
     * @throws DocumentBusy when another run holds the period
     */
    public Run post(YearMonth period) {
        return post(period, false);
    }

    /**
     * @param unlessPosted answer what posted before, reading nothing, when an earlier run already posted the period
     *        (the period-close schedule, which runs several times to give a large month the time it needs); a run
     *        without it reads the period again and posts an adjustment for anything that changed
     * @throws DocumentBusy when another run holds the period
     */
    public Run post(YearMonth period, boolean unlessPosted) {
        return lock.exclusively("summary:" + period, () -> postExclusively(period, unlessPosted));
    }

    private Run postExclusively(YearMonth period, boolean unlessPosted) {
        Mapping mapping = mappings.current();
        if (mapping.glSummary().isEmpty()) {
            throw new IllegalArgumentException("gl_summary is not enabled in the mapping file " + mapping.sourceName());
        }
        Optional<SummaryCheckpoints.Stored> stored = checkpoints.read(period.toString());
        long version = stored.map(SummaryCheckpoints.Stored::version).orElse(0L);
        Optional<SummaryCheckpoint> previous = stored.map(SummaryCheckpoints.Stored::checkpoint);
        if (unlessPosted && previous.filter(SummaryCheckpoint::posted).isPresent()) {
            SummaryCheckpoint posted = previous.get();
            return new Run(period, true, false, posted.read(), posted.journals(), posted.postedAt(), Optional.empty());
        }
        Optional<SummaryCheckpoint> unfinished = previous.filter(checkpoint -> !checkpoint.posted())
                .filter(checkpoint -> checkpoint.mapping().equals(mapping.fingerprint()));
        if (previous.isPresent() && !previous.get().posted() && unfinished.isEmpty()) {
            LOG.infof("Summary %s is read again from the start: its sums so far were taken under another version of"
                    + " the mapping file", period);
        }
        Reading at = unfinished.map(Reading::of).orElseGet(() -> Reading.start(mapping));
        if (unfinished.isPresent()) {
            LOG.infof("Summary %s resumes at %s (%s read so far)", period, at.allRead() ? "posting"
                    : RESOURCES.get(at.resource()).key(), at.read());
        }
        SiteCalendar calendar = mapping.siteCalendar();
        Instant from = calendar.periodStart(period);
        Instant to = calendar.periodEnd(period);
        while (!at.allRead()) {
            if (!timeForAnotherPage()) {
                return stopped(period, unfinished, at, "the invocation's time ran out; run the period again to go on");
            }
            Reading next;
            try {
                next = at.after(readPage(at, from, to, mapping));
            } catch (InvocationDeadline.Reached | ChargebeeException e) {
                return stopped(period, unfinished, at, e.getMessage() + "; run the period again to go on");
            }
            if (!checkpoints.replace(version, next.checkpoint(period), clock.instant())) {
                return stopped(period, unfinished, at, "another run of the period moved its checkpoint");
            }
            version++;
            at = next;
        }
        Map<String, String> batches;
        try {
            batches = postJournals(period, at, mapping);
        } catch (InvocationDeadline.Reached e) {
            return stopped(period, unfinished, at, e.getMessage() + "; what posted stays posted, and running the"
                    + " period again posts the rest");
        }
        checkpoints.replace(version, at.posted(period, batches, clock.instant()), clock.instant());
        LOG.infof("Summary %s posted %s from %s", period, batches, at.read());
        return new Run(period, true, unfinished.isPresent(), at.read(), batches, Optional.empty(), Optional.empty());
    }

    private Run stopped(YearMonth period, Optional<SummaryCheckpoint> unfinished, Reading at, String reason) {
        LOG.infof("Summary %s stopped after reading %s: %s", period, at.read(), reason);
        return new Run(period, false, unfinished.isPresent(), at.read(), Map.of(), Optional.empty(),
                Optional.of(reason));
    }

    /** One list page of the resource being read, summed into the sums so far. */
    private PageSums readPage(Reading at, Instant from, Instant to, Mapping mapping) {
        ChargebeeResource<? extends ChargebeeRecord> resource = RESOURCES.get(at.resource());
        ListQuery query = ListQuery.all().between(resource.creationAttribute(), from, to.minusSeconds(1)) // inclusive
                .sortAscending(resource.creationAttribute());
        Page<? extends ChargebeeRecord> page = chargebee.list(resource,
                resource.supportsIncludeDeleted() ? query.includeDeleted() : query, at.offset());
        SortedMap<String, SummarySums> sums = new TreeMap<>(at.sums());
        for (ChargebeeRecord record : page.items()) {
            if (counts(record)) {
                String currency = currencyOf(record);
                sums.put(currency, add(sums.getOrDefault(currency, SummarySums.empty(currency)), record, mapping));
            }
        }
        return new PageSums(page.items().size(), sums, page.nextOffset());
    }

    /** {@code sums} with a record that counts added, read again whole when the list truncated its lines. */
    private SummarySums add(SummarySums sums, ChargebeeRecord record, Mapping mapping) {
        if (record instanceof ChargebeeInvoice invoice) {
            boolean truncated = invoice.lineItemsNextOffset() != null;
            return SummaryJournalMapping.add(sums, truncated ? chargebee.invoice(invoice.id()) : invoice, mapping);
        }
        if (record instanceof ChargebeeCreditNote note) {
            return SummaryJournalMapping.add(sums, note.isTruncated() ? chargebee.creditNote(note.id()) : note,
                    mapping);
        }
        return SummaryJournalMapping.add(sums, (ChargebeeTransaction) record, mapping);
    }

    private static String currencyOf(ChargebeeRecord record) {
        if (record instanceof ChargebeeInvoice invoice) {
            return invoice.currencyCode();
        }
        if (record instanceof ChargebeeCreditNote note) {
            return note.currencyCode();
        }
        return ((ChargebeeTransaction) record).currencyCode();
    }

    /** Whether {@code record} has a place in the journal of its currency (a currency with any counts has one). */
    private static boolean counts(ChargebeeRecord record) {
        if (record instanceof ChargebeeInvoice invoice) {
            return invoice.isClosed() && !"voided".equals(invoice.status()) && !invoice.isDeleted();
        }
        if (record instanceof ChargebeeCreditNote note) {
            return !"voided".equals(note.status()) && !note.isDeleted();
        }
        return SummaryJournalMapping.cashDirection((ChargebeeTransaction) record) != 0;
    }

    private Map<String, String> postJournals(YearMonth period, Reading at, Mapping mapping) {
        Map<String, String> batches = new TreeMap<>();
        for (SummarySums sums : at.sums().values()) {
            AcuJournalTransaction journal = SummaryJournalMapping.toJournal(period, sums, mapping);
            batches.put(sums.currency(), documents.ensureReleasedJournal(journal).key());
            adjust(journal, batches);
        }
        return batches;
    }

    private boolean timeForAnotherPage() {
        return deadline.end().map(end -> Duration.between(clock.instant(), end)
                .compareTo(config.poller().timeReserve()) > 0).orElse(true);
    }

    /**
     * Where a period's reading is: the resource (index in {@link #RESOURCES}) and offset of the next page, or all
     * read; the documents read per resource type and the sums per currency so far.
     */
    private record Reading(String mapping, int resource, Optional<String> offset, boolean allRead,
                           Map<String, Long> read, SortedMap<String, SummarySums> sums) {

        static Reading start(Mapping mapping) {
            Map<String, Long> read = new LinkedHashMap<>();
            RESOURCES.forEach(resource -> read.put(resource.key(), 0L));
            return new Reading(mapping.fingerprint(), 0, Optional.empty(), false, read, new TreeMap<>());
        }

        static Reading of(SummaryCheckpoint checkpoint) {
            int resource = 0;
            while (resource < RESOURCES.size() - 1
                    && !RESOURCES.get(resource).key().equals(checkpoint.resourceType())) {
                resource++;
            }
            Map<String, Long> read = new LinkedHashMap<>();
            RESOURCES.forEach(type -> read.put(type.key(),
                    checkpoint.read().getOrDefault(type.key(), 0L)));
            SortedMap<String, SummarySums> sums = new TreeMap<>();
            checkpoint.sums().forEach((currency, lines) -> sums.put(currency, SummarySums.ofLines(currency, lines)));
            return new Reading(checkpoint.mapping(), resource, checkpoint.offset(), checkpoint.allRead(), read, sums);
        }

        /** Where the reading is once {@code page} (of the resource read) is summed in. */
        Reading after(PageSums page) {
            Map<String, Long> counts = new LinkedHashMap<>(read);
            counts.merge(RESOURCES.get(resource).key(), page.read(), Long::sum);
            if (page.nextOffset().isPresent()) {
                return new Reading(mapping, resource, page.nextOffset(), false, counts, page.sums());
            }
            boolean last = resource + 1 == RESOURCES.size();
            return new Reading(mapping, last ? resource : resource + 1, Optional.empty(), last, counts, page.sums());
        }

        SummaryCheckpoint checkpoint(YearMonth period) {
            Map<String, Map<String, java.math.BigDecimal>> lines = new LinkedHashMap<>();
            sums.forEach((currency, currencySums) -> lines.put(currency, currencySums.lines()));
            return new SummaryCheckpoint(period.toString(), mapping, RESOURCES.get(resource).key(), offset,
                    allRead, read, lines, Map.of(), Optional.empty());
        }

        SummaryCheckpoint posted(YearMonth period, Map<String, String> journals, Instant at) {
            SummaryCheckpoint read = checkpoint(period);
            return new SummaryCheckpoint(read.period(), read.mapping(), read.resourceType(), read.offset(), true,
                    read.read(), read.sums(), journals, Optional.of(at));
        }
    }

    /** A page summed into the sums so far: how many documents it had, the new sums and where the list goes on. */
    private record PageSums(long read, SortedMap<String, SummarySums> sums, Optional<String> nextOffset) {}

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
}
