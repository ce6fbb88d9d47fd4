package io.mlconnector.chargebee;

import io.mlconnector.chargebee.dto.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads whole resource lists from Chargebee, page by page ({@code limit=100}, opaque {@code next_offset}), in the two
 * ways that together miss nothing: an incremental read by {@code updated_at} with an overlap window, and a backfill by
 * creation windows ({@code date} / {@code created_at}) — because records never updated since 2016 have no
 * {@code updated_at}, and an {@code updated_at} filter silently drops them.
 */
public final class ResourceReader {
    private final ChargebeeClient chargebee;

    public ResourceReader(ChargebeeClient chargebee) {
        this.chargebee = chargebee;
    }

    /** What a read saw: how many records and pages, and the newest {@code updated_at} (for the next cursor). */
    public record ReadResult(long records, int pages, Optional<Instant> newestUpdate) {}

    /**
     * Every record changed after {@code since − overlap}, oldest change first, deleted ones included (with
     * {@code deleted: true}) so the caller can deactivate what Chargebee deleted.
     */
    public <T> ReadResult changedSince(ChargebeeResource<T> resource, Instant since, Duration overlap,
                                       Function<T, Instant> updatedAt, Consumer<T> sink) {
        ListQuery query = ListQuery.all().after("updated_at", since.minus(overlap)).sortAscending("updated_at");
        return readAll(resource, resource.supportsIncludeDeleted() ? query.includeDeleted() : query, updatedAt, sink);
    }

    /**
     * Every record created in {@code [from, to)}, read in windows of {@code window} so that each list stays small and
     * a failure resumes from a window boundary. Uses the creation attribute, never {@code updated_at}.
     */
    public <T> ReadResult backfill(ChargebeeResource<T> resource, Instant from, Instant to, Duration window,
                                   Function<T, Instant> updatedAt, Consumer<T> sink) {
        long records = 0;
        int pages = 0;
        Optional<Instant> newest = Optional.empty();
        for (Instant start = from; start.isBefore(to); start = start.plus(window)) {
            Instant end = min(start.plus(window), to).minusSeconds(1); // between is inclusive at both ends
            ListQuery query = ListQuery.all().between(resource.creationAttribute(), start, end)
                    .sortAscending(resource.creationAttribute());
            ReadResult slice = readAll(resource, resource.supportsIncludeDeleted() ? query.includeDeleted() : query,
                    updatedAt, sink);
            records += slice.records();
            pages += slice.pages();
            newest = max(newest, slice.newestUpdate());
        }
        return new ReadResult(records, pages, newest);
    }

    private <T> ReadResult readAll(ChargebeeResource<T> resource, ListQuery query, Function<T, Instant> updatedAt,
                                   Consumer<T> sink) {
        Optional<String> offset = Optional.empty();
        long records = 0;
        int pages = 0;
        Optional<Instant> newest = Optional.empty();
        do {
            Page<T> page = chargebee.list(resource, query, offset);
            for (T item : page.items()) {
                sink.accept(item);
                newest = max(newest, Optional.ofNullable(updatedAt.apply(item)));
                records++;
            }
            pages++;
            offset = page.nextOffset();
        } while (offset.isPresent());
        return new ReadResult(records, pages, newest);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
