package io.mlconnector.mapping.file;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * {@code site}: facts about the Chargebee site. Optional; absent means a UTC site. Its one key, {@code time_zone}, is
 * an IANA time zone name (the tz database's {@code Area/Location}, e.g. {@code America/Los_Angeles}, or {@code UTC}):
 * fixed offsets such as {@code -08:00} are refused because they do not follow daylight saving time.
 */
final class SiteSection {
    static final String EXAMPLE = "America/Los_Angeles";
    private static final String HOW_TO_FIX = "write the Chargebee site's time zone (Settings > Business Profile / Site"
            + " Settings in Chargebee) as an IANA name such as " + EXAMPLE + ", Europe/Berlin or UTC";

    private SiteSection() {}

    static SiteCalendar read(MapReader root) {
        return root.optional("site").flatMap(root::map).flatMap(site -> {
            Optional<SiteCalendar> calendar = site.required("time_zone", HOW_TO_FIX + ", or delete site")
                    .flatMap(entry -> timeZone(entry.value(), site.childPath(entry.key()), site.problems()))
                    .map(SiteCalendar::new);
            site.finish();
            return calendar;
        }).orElse(SiteCalendar.UTC);
    }

    private static Optional<ZoneId> timeZone(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INVALID) {
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.type() != YamlNode.ScalarType.STRING
                || scalar.text().isBlank()) {
            problems.error(node.position(), path, "must be a time zone name, not " + node.describe() + "; "
                    + HOW_TO_FIX);
            return Optional.empty();
        }
        String name = scalar.text();
        Set<String> known = ZoneId.getAvailableZoneIds();
        if (known.contains(name)) {
            return Optional.of(ZoneId.of(name).normalized());
        }
        if (looksLikeAnOffset(name)) {
            problems.error(node.position(), path, "'" + name + "' is a fixed UTC offset, which does not follow"
                    + " daylight saving time; " + HOW_TO_FIX);
            return Optional.empty();
        }
        problems.error(node.position(), path, "'" + name + "' is not a time zone of the IANA time zone database."
                + Suggestions.didYouMean(name, known.stream().sorted().toList()) + " " + capitalised(HOW_TO_FIX));
        return Optional.empty();
    }

    /** {@code -08:00}, {@code +5}, {@code UTC+3}, {@code GMT-08:00}: what ZoneId would read as a fixed offset. */
    private static boolean looksLikeAnOffset(String name) {
        return name.matches("(?i)(UTC|GMT|UT)?[+-][0-9]{1,2}(:?[0-9]{2})?(:?[0-9]{2})?");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
