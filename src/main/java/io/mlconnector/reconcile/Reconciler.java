package io.mlconnector.reconcile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.config.ReportsConfig;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.report.CsvReport;
import io.mlconnector.report.HtmlReport;
import io.mlconnector.report.Report;
import io.mlconnector.store.ReportStore;
import io.mlconnector.sync.MappingSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The reconciliation run: reads Chargebee's and Acumatica's books for a period through their APIs, compares them
 * ({@link Reconciliation}), writes the HTML page and the CSV to the report store, and answers with the counts and
 * where the files went. Read-only on both systems, so a run can be repeated at any time.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** The answer lists at most this many differing documents; the CSV has them all. */
    static final int DIFFERING_LISTED_MAX = 100;
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ChargebeeBooksReader chargebee;
    private final AcumaticaBooksReader acumatica;
    private final AcumaticaClient acumaticaSession;
    private final MappingSource mappings;
    private final ReportStore reports;
    private final ReportsConfig config;
    private final Clock clock;

    public Reconciler(ChargebeeBooksReader chargebee, AcumaticaBooksReader acumatica, AcumaticaClient acumaticaSession,
                      MappingSource mappings, ReportStore reports, ReportsConfig config, Clock clock) {
        this.chargebee = chargebee;
        this.acumatica = acumatica;
        this.acumaticaSession = acumaticaSession;
        this.mappings = mappings;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What a run found and where its report is.
     *
     * @param differing the first {@value #DIFFERING_LISTED_MAX} documents that differ (the CSV lists every one)
     * @param result the whole comparison, for callers in the same process (the demo); not part of a JSON answer
     */
    @RegisterForReflection
    public record Answer(String period, long differences, Map<CheckStatus, Long> counts, URI html, URI csv,
                         List<DocumentCheck> differing, @JsonIgnore ReconciliationResult result) {}

    /** A calendar month at the site (the mapping file's {@code site.time_zone}). */
    public Answer run(YearMonth month, List<NotPosted> notPosted) {
        Mapping mapping = mappings.current();
        return run(Period.month(month, mapping.siteCalendar()), mapping, notPosted);
    }

    /** Days {@code from} to {@code until} (excluded) at the site. */
    public Answer run(LocalDate from, LocalDate until, List<NotPosted> notPosted) {
        Mapping mapping = mappings.current();
        return run(Period.between(from, until, mapping.siteCalendar()), mapping, notPosted);
    }

    private Answer run(Period period, Mapping mapping, List<NotPosted> notPosted) {
        ReconciliationResult result = compare(period, mapping, notPosted);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Report report = ReconciliationReport.of(result, now);
        String base = config.prefix() + period.label() + "/" + KEY_TIME.format(now);
        URI html = reports.put(base + ".html", "text/html; charset=utf-8",
                HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
        URI csv = reports.put(base + ".csv", "text/csv; charset=utf-8",
                CsvReport.render(ReconciliationReport.csvTable(result)).getBytes(StandardCharsets.UTF_8));
        LOG.infof("Reconciliation %s: %d differences; report %s", period.label(), result.differences(), html);
        return new Answer(period.label(), result.differences(), result.countsByStatus(), html, csv,
                result.documents().stream().filter(DocumentCheck::isDifference).limit(DIFFERING_LISTED_MAX).toList(),
                result);
    }

    private ReconciliationResult compare(Period period, Mapping mapping, List<NotPosted> notPosted) {
        ChargebeeBooks chargebeeBooks = chargebee.read(period);
        AcumaticaBooks acumaticaBooks;
        try {
            acumaticaBooks = acumatica.read(period);
        } finally {
            acumaticaSession.endSession();
        }
        return Reconciliation.compare(period, chargebeeBooks, acumaticaBooks, mapping, notPosted);
    }
}
