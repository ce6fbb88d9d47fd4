package io.mlconnector.reconcile;

import io.mlconnector.mapping.file.SiteCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The days a reconciliation covers, {@code [from, until)} in the Chargebee site's calendar: Chargebee documents are
 * read by their {@code date} between {@link #start()} and {@link #end()}, Acumatica documents by their date's day.
 *
 * @param label what the report and the S3 key call it: {@code 2026-05}, or {@code 2026-05-01_2026-05-15}
 */
public record Period(String label, LocalDate from, LocalDate until, SiteCalendar calendar) {

    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(calendar, "calendar");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("A period needs from before until: " + from + " .. " + until);
        }
    }

    public static Period month(YearMonth month, SiteCalendar calendar) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1), calendar);
    }

    /** Days {@code from} to {@code until}, the second excluded. */
    public static Period between(LocalDate from, LocalDate until, SiteCalendar calendar) {
        return new Period(from + "_" + until, from, until, calendar);
    }

    /** Midnight of the first day at the site. */
    public Instant start() {
        return from.atStartOfDay(calendar.zone()).toInstant();
    }

    /** Midnight after the last day at the site (exclusive). */
    public Instant end() {
        return until.atStartOfDay(calendar.zone()).toInstant();
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && day.isBefore(until);
    }

    public boolean contains(Instant instant) {
        return contains(calendar.date(instant));
    }
}
