package io.mlconnector.sandbox.chargebee.fidelity;

import com.chargebee.Environment;
import com.chargebee.ListResult;
import com.chargebee.internal.ListRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Pages through a list the way an SDK user does: {@code limit(100)}, then {@code offset(next_offset)} until none. */
final class SdkPaging {

    static final int PAGE_SIZE = 100;
    /** Far above what the demo data needs; stops a sandbox that never ends a listing. */
    private static final int MAX_PAGES = 100;

    /**
     * Everything one listing returned.
     *
     * @param entries every entry, in the order served
     * @param pages   the number of requests it took
     */
    record Listing(List<ListResult.Entry> entries, int pages) {
        Listing {
            entries = List.copyOf(entries);
        }
    }

    private SdkPaging() {
    }

    /**
     * @param newRequest builds the list request with its filters and sort, e.g. {@code () -> Invoice.list()}; a fresh
     *                   one per page because SDK requests are mutable builders
     */
    static Listing listAll(Supplier<? extends ListRequest<?>> newRequest, Environment environment) throws Exception {
        List<ListResult.Entry> entries = new ArrayList<>();
        String offset = null;
        int pages = 0;
        do {
            if (pages == MAX_PAGES) {
                throw new AssertionError("Still a next_offset after " + MAX_PAGES + " pages");
            }
            ListRequest<?> request = newRequest.get();
            request.limit(PAGE_SIZE);
            if (offset != null) {
                request.offset(offset);
            }
            ListResult page = request.request(environment);
            entries.addAll(page);
            offset = page.nextOffset();
            pages++;
        } while (offset != null);
        return new Listing(entries, pages);
    }

    /** The number of pages a complete listing of {@code records} takes at {@link #PAGE_SIZE}. */
    static int pagesFor(int records) {
        return Math.max(1, (records + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
