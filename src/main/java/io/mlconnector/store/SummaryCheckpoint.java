package io.mlconnector.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a summary period's run got, so a month too large for one invocation is read across several: the next list
 * page to read (resource type and Chargebee's {@code next_offset}, empty at the start of a resource), the documents
 * read per resource type, and the exact running sums of everything read so far, per currency (named amounts, see
 * {@code SummarySums.lines()}). Once every page is read, {@code allRead}; once its journals posted, the journals
 * (per currency, and per adjustment) and when.
 *
 * @param period the period, e.g. {@code 2026-05}
 * @param mapping the fingerprint of the mapping file the sums were taken with: sums are never resumed under another
 */
public record SummaryCheckpoint(String period, String mapping, String resourceType, Optional<String> offset,
                                boolean allRead, Map<String, Long> read, Map<String, Map<String, BigDecimal>> sums,
                                Map<String, String> journals, Optional<Instant> postedAt) {

    public SummaryCheckpoint {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(resourceType, "resourceType");
        offset = Objects.requireNonNull(offset, "offset").filter(o -> !o.isBlank());
        read = Map.copyOf(read);
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        sums.forEach((currency, lines) -> copy.put(currency, Map.copyOf(lines)));
        sums = Map.copyOf(copy);
        journals = Map.copyOf(journals);
        postedAt = Objects.requireNonNull(postedAt, "postedAt");
    }

    /** Whether the period's journals posted from these sums. */
    public boolean posted() {
        return postedAt.isPresent();
    }
}
