package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ListQuery;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The documents a batch names, as Chargebee holds them now: one list call per kind ({@code id[in]}, deleted ones
 * included), so a batch of ten events costs a call or two instead of ten. What Chargebee does not return at all is
 * absent (it has no such document).
 */
@ApplicationScoped
public class CurrentRecords {
    /** Chargebee lists at most 100 records a page, and accepts as many ids. */
    static final int IDS_PER_CALL = 100;

    /** The records read, and for each kind whose call failed, why. */
    public record Read(Map<DocumentRef, ChargebeeRecord> records, Map<DocumentKind, RuntimeException> failures) {
        public Optional<ChargebeeRecord> record(DocumentRef ref) {
            return Optional.ofNullable(records.get(ref));
        }

        public Optional<RuntimeException> failure(DocumentKind kind) {
            return Optional.ofNullable(failures.get(kind));
        }
    }

    private final ChargebeeClient chargebee;

    public CurrentRecords(ChargebeeClient chargebee) {
        this.chargebee = chargebee;
    }

    public Read read(Collection<DocumentRef> refs) {
        Map<DocumentKind, Set<String>> wanted = new EnumMap<>(DocumentKind.class);
        refs.forEach(ref -> wanted.computeIfAbsent(ref.kind(), kind -> new LinkedHashSet<>()).add(ref.id()));
        Map<DocumentRef, ChargebeeRecord> records = new HashMap<>();
        Map<DocumentKind, RuntimeException> failures = new EnumMap<>(DocumentKind.class);
        wanted.forEach((kind, ids) -> {
            try {
                byIds(kind.resource(), ids).forEach(record -> records.put(new DocumentRef(kind, record.id()), record));
            } catch (ChargebeeException e) {
                if (e.retryable()) {
                    failures.put(kind, e); // every document of the kind comes back later
                }
                // Otherwise (one record Chargebee answers that cannot be read, say) none is counted as read: each is
                // then read by id on its own, so one bad record never holds the others of its kind.
            } catch (RuntimeException e) {
                failures.put(kind, e); // InvocationDeadline.Reached: the caller classifies
            }
        });
        return new Read(Map.copyOf(records), Map.copyOf(failures));
    }

    /**
     * One document the list did not return, read by id: Chargebee's record, or empty when Chargebee answers that it
     * has no such record ({@code resource_not_found}). Any other failure propagates, so a list that merely missed a
     * record never makes it count as gone.
     */
    public Optional<ChargebeeRecord> retrieve(DocumentRef ref) {
        try {
            return Optional.of(switch (ref.kind()) {
                case CUSTOMER -> chargebee.customer(ref.id());
                case INVOICE -> chargebee.invoice(ref.id());
                case CREDIT_NOTE -> chargebee.creditNote(ref.id());
                case TRANSACTION -> chargebee.transaction(ref.id());
            });
        } catch (ChargebeeException.NotFound notFound) {
            if (notFound.recordIsGone()) {
                return Optional.empty();
            }
            throw notFound;
        }
    }

    /**
     * The customers of these documents that {@code unknown} says Acumatica does not have yet, in one call; nothing
     * when the call fails (each document then reads its customer when it needs it).
     */
    public List<ChargebeeCustomer> customersOf(Collection<ChargebeeRecord> documents, Predicate<String> unknown) {
        Set<String> ids = new LinkedHashSet<>();
        for (ChargebeeRecord record : documents) {
            customerIdOf(record).filter(unknown).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            return byIds(ChargebeeResource.CUSTOMERS, ids);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<String> customerIdOf(ChargebeeRecord record) {
        if (record instanceof ChargebeeInvoice invoice) {
            return Optional.ofNullable(invoice.customerId());
        }
        if (record instanceof ChargebeeCreditNote note) {
            return Optional.ofNullable(note.customerId());
        }
        if (record instanceof ChargebeeTransaction transaction) {
            return Optional.ofNullable(transaction.customerId());
        }
        return Optional.empty();
    }

    private <T> List<T> byIds(ChargebeeResource<T> resource, Set<String> ids) {
        List<String> all = List.copyOf(ids);
        List<T> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_CALL) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_CALL));
            ListQuery query = ListQuery.all().in("id", chunk);
            found.addAll(chargebee.list(resource, resource.supportsIncludeDeleted() ? query.includeDeleted() : query,
                    Optional.empty()).items());
        }
        return found;
    }
}
