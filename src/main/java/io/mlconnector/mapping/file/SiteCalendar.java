package io.mlconnector.mapping.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The Chargebee site's calendar ({@code site.time_zone} in the mapping file): which calendar day a Chargebee timestamp
 * falls on, and which instants a monthly period spans. Chargebee stamps documents as UTC instants but bills, dates
 * and closes months in the site's time zone, so an invoice raised at 18:00 on January 31 in Los Angeles (02:00 UTC on
 * February 1) is a January invoice. Pure: no clock; the caller passes the instant.
 */
public record SiteCalendar(ZoneId zone) {
    /** The calendar of a mapping file without {@code site.time_zone}. */
    public static final SiteCalendar UTC = new SiteCalendar(ZoneOffset.UTC);

    public SiteCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    /** The site's calendar date at this instant; null for null (a document without that timestamp). */
    public LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }

    /** The month this instant falls in at the site. */
    public YearMonth period(Instant instant) {
        return YearMonth.from(date(Objects.requireNonNull(instant, "instant")));
    }

    /** The first instant of the period: midnight of its first day at the site. */
    public Instant periodStart(YearMonth period) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive end): midnight of the next month's first day at the site. */
    public Instant periodEnd(YearMonth period) {
        return periodStart(period.plusMonths(1));
    }

    /** The month before the one this instant falls in at the site: what a period close run at {@code now} closes. */
    public YearMonth previousPeriod(Instant now) {
        return period(now).minusMonths(1);
    }
}
