package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The site's calendar decides the day and the month of a Chargebee timestamp, and the instants a period spans. */
class SiteCalendarTest {
    /** 18:00 on January 31 in Los Angeles (PST, UTC-8). */
    private static final Instant LA_JANUARY_31_EVENING = Instant.parse("2026-02-01T02:00:00Z");
    private static final SiteCalendar LOS_ANGELES = new SiteCalendar(ZoneId.of("America/Los_Angeles"));

    @Test
    void parse_shouldReadTheSiteTimeZone_whenTheFileNamesOne() {
        assertThat(MappingFixtures.parse("los-angeles.yaml").siteCalendar()).isEqualTo(LOS_ANGELES);
    }

    @Test
    void parse_shouldUseUtc_whenTheFileHasNoSiteSection() {
        assertThat(MappingFixtures.parse("minimal.yaml").siteCalendar()).isEqualTo(SiteCalendar.UTC);
        assertThat(MappingFixtures.defaultMapping().siteCalendar()).isEqualTo(SiteCalendar.UTC);
    }

    @Test
    void date_shouldBeTheSiteDay_whenTheUtcDayIsAlreadyTheNext() {
        assertThat(LOS_ANGELES.date(LA_JANUARY_31_EVENING)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(SiteCalendar.UTC.date(LA_JANUARY_31_EVENING)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(LOS_ANGELES.date(null)).isNull();
    }

    @Test
    void period_shouldBeTheSiteMonth_whenTheUtcMonthIsAlreadyTheNext() {
        assertThat(LOS_ANGELES.period(LA_JANUARY_31_EVENING)).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void periodBounds_shouldBeMidnightAtTheSite_andFollowDaylightSavingTime() {
        YearMonth march = YearMonth.of(2026, 3); // DST starts in Los Angeles on March 8, 2026

        assertThat(LOS_ANGELES.periodStart(march)).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(LOS_ANGELES.periodEnd(march)).isEqualTo(Instant.parse("2026-04-01T07:00:00Z"));
        assertThat(LOS_ANGELES.periodEnd(YearMonth.of(2026, 1))).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"))
                .isAfter(LA_JANUARY_31_EVENING);
        assertThat(SiteCalendar.UTC.periodStart(march)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void previousPeriod_shouldBeTheMonthBeforeTheSiteMonth_whenRunJustAfterUtcMidnightOnTheFirst() {
        Instant firstOfFebruaryUtc = Instant.parse("2026-02-01T00:30:00Z"); // still January 31 in Los Angeles

        assertThat(LOS_ANGELES.previousPeriod(firstOfFebruaryUtc)).isEqualTo(YearMonth.of(2025, 12));
        assertThat(SiteCalendar.UTC.previousPeriod(firstOfFebruaryUtc)).isEqualTo(YearMonth.of(2026, 1));
        assertThat(LOS_ANGELES.previousPeriod(Instant.parse("2026-03-03T06:00:00Z"))).isEqualTo(YearMonth.of(2026, 2));
    }
}
