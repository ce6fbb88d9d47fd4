package io.mlconnector.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a backfill stopped: the next list page to read (the resource, the start of its creation window and Chargebee's
 * {@code next_offset} within it, empty at a window's start), the windows finished and the documents queued per
 * resource type so far, and whether it finished.
 *
 * @param request what was asked (range and resource types), so only the same request resumes from here
 */
public record BackfillCheckpoint(String request, String resourceType, Instant windowStart, Optional<String> offset,
                                 int windowsDone, Map<String, Long> queued, boolean complete) {

    public BackfillCheckpoint {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(windowStart, "windowStart");
        offset = Objects.requireNonNull(offset, "offset").filter(o -> !o.isBlank());
        queued = Map.copyOf(queued);
    }
}
