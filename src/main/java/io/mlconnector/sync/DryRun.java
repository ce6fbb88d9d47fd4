package io.mlconnector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.acumatica.AcumaticaValueCodec;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuSalesInvoice;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ListQuery;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.mapping.CustomerMapping;
import io.mlconnector.mapping.UnmappableRecord;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Acumatica bodies a Chargebee document would post, posting nothing: the posting strategies' pure
 * {@link PostingStrategy#dependencies} and {@link PostingStrategy#map}, with the keys of the dependencies read from the
 * ledger only. A dependency the ledger does not have is shown as it would be created (a customer with the CustomerID
 * the mapping gives it), and a document Acumatica would number itself as a placeholder, {@code (new) invoice inv_1}.
 * It reads Chargebee and the ledger and nothing else: no ledger entry, lease, claim, audit row or queue message is
 * written and Acumatica is not called at all (not even signed in to), so a tenant's licence is not used either.
 */
@ApplicationScoped
public class DryRun {
    private static final List<DocumentKind> PERIOD_KINDS = List.of(DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE,
            DocumentKind.TRANSACTION);

    /**
     * One document as it would go to Acumatica.
     *
     * @param action create, exists (in Acumatica already: nothing new posts), update (a customer brought up to date),
     *               reverse, skip or held
     * @param key    its Acumatica key: from the ledger, or the one it would be created with, or a placeholder
     * @param body   Acumatica's wire JSON of the document, or null when nothing would be sent
     */
    public record Planned(String document, String action, String entity, String key, String reason, JsonNode body) {}

    /** The documents one Chargebee document would post, its dependencies first, the document itself last. */
    public record Plan(String document, List<Planned> documents) {
        public Plan {
            documents = List.copyOf(documents);
        }
    }

    /** An event: the document it names, or why nothing would post. */
    public record ForEvent(String eventId, String eventType, Optional<Plan> plan, Optional<String> nothingBecause) {}

    /** A period: the documents created in it, in creation order, at most {@code limit}; {@code more} if cut there. */
    public record ForPeriod(YearMonth period, Instant from, Instant to, int limit, boolean more, List<Plan> plans) {
        public ForPeriod {
            plans = List.copyOf(plans);
        }
    }

    /** The request cannot be answered as asked (no such event); the message says why. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private final ChargebeeClient chargebee;
    private final CurrentRecords current;
    private final PostingStrategies strategies;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final SyncConfig config;
    private final AcumaticaValueCodec codec = new AcumaticaValueCodec();

    public DryRun(ChargebeeClient chargebee, CurrentRecords current, PostingStrategies strategies,
                  AcumaticaDocuments documents, MappingSource mappings, SyncConfig config) {
        this.chargebee = chargebee;
        this.current = current;
        this.strategies = strategies;
        this.documents = documents;
        this.mappings = mappings;
        this.config = config;
    }

    /** What the event would post now: the document it names, as Chargebee holds it now (as the worker reads it). */
    public ForEvent forEvent(String eventId) {
        ChargebeeEvent event;
        try {
            event = chargebee.event(eventId);
        } catch (ChargebeeException.NotFound e) {
            throw new NotFound("Chargebee has no event " + eventId + " (events are kept for 90 days)");
        }
        Optional<DocumentKind> kind = DocumentKind.ofEventType(event.eventType());
        if (kind.isEmpty()) {
            return new ForEvent(eventId, event.eventType(), Optional.empty(), Optional.of("the connector does not"
                    + " handle " + event.eventType() + " events: nothing would post"));
        }
        Optional<ChargebeeRecord> named = kind.get().in(event.contentOrEmpty());
        if (named.isEmpty()) {
            return new ForEvent(eventId, event.eventType(), Optional.empty(), Optional.of("the event names no "
                    + kind.get().resourceType().replace('_', ' ') + ": nothing would post"));
        }
        DocumentRef ref = new DocumentRef(kind.get(), named.get().id());
        CurrentRecords.Read read = current.read(List.of(ref));
        read.failure(kind.get()).ifPresent(failure -> {
            throw failure;
        });
        Optional<ChargebeeRecord> now = read.record(ref).or(() -> current.retrieve(ref));
        if (now.isEmpty()) {
            return new ForEvent(eventId, event.eventType(), Optional.empty(), Optional.of("Chargebee has no "
                    + Resolved.describe(ref) + " now: nothing would post"));
        }
        return new ForEvent(eventId, event.eventType(), Optional.of(new Walk(mappings.current(), Map.of())
                .plan(now.get())), Optional.empty());
    }

    /**
     * The invoices, then credit notes, then transactions created in a period of the site's calendar, at most
     * {@code limit} in all; their customers are read in one list call per hundred.
     */
    public ForPeriod forPeriod(YearMonth period, int limit) {
        Mapping mapping = mappings.current();
        Instant from = mapping.siteCalendar().periodStart(period);
        Instant to = mapping.siteCalendar().periodEnd(period);
        List<ChargebeeRecord> roots = new ArrayList<>();
        boolean more = false;
        for (DocumentKind kind : PERIOD_KINDS) {
            ChargebeeResource<? extends ChargebeeRecord> resource = kind.resource();
            ListQuery query = ListQuery.all().between(resource.creationAttribute(), from, to.minusSeconds(1))
                    .sortAscending(resource.creationAttribute());
            Optional<String> offset = Optional.empty();
            do {
                Page<? extends ChargebeeRecord> page = chargebee.list(resource,
                        resource.supportsIncludeDeleted() ? query.includeDeleted() : query, offset);
                for (ChargebeeRecord record : page.items()) {
                    if (roots.size() == limit) {
                        more = true;
                        break;
                    }
                    roots.add(record);
                }
                offset = page.nextOffset();
            } while (offset.isPresent() && !more);
            if (more) {
                break;
            }
        }
        Map<DocumentRef, ChargebeeRecord> known = customersOf(roots);
        List<Plan> plans = new ArrayList<>();
        for (ChargebeeRecord root : roots) {
            plans.add(new Walk(mapping, known).plan(root));
        }
        return new ForPeriod(period, from, to, limit, more, plans);
    }

    /** The customers the documents name, read a hundred to a list call instead of one call each. */
    private Map<DocumentRef, ChargebeeRecord> customersOf(List<ChargebeeRecord> roots) {
        Set<DocumentRef> refs = new LinkedHashSet<>();
        for (ChargebeeRecord root : roots) {
            for (Dependency dependency : strategies.of(DocumentKind.of(root)).dependencies(root, mappings.current())) {
                if (dependency.document().kind() == DocumentKind.CUSTOMER) {
                    refs.add(dependency.document());
                }
            }
        }
        return refs.isEmpty() ? Map.of() : current.read(refs).records();
    }

    private static String entityOf(Object body) {
        if (body instanceof AcuCustomer) {
            return "Customer";
        }
        if (body instanceof AcuSalesInvoice) {
            return "SalesInvoice";
        }
        return body instanceof AcuPayment ? "Payment" : body.getClass().getSimpleName();
    }

    /**
     * One document's dependencies, depth first, as the worker's worklist takes them; a visited set and the worker's
     * cap ({@code sync.max-documents-per-event}) bound it the same way.
     */
    private final class Walk {
        private final Mapping mapping;
        private final Map<DocumentRef, ChargebeeRecord> records = new HashMap<>();
        private final Map<DocumentRef, String> keys = new LinkedHashMap<>();
        private final Set<DocumentRef> visited = new HashSet<>();
        /**
         * Why a dependency would not post (held, or skipped: not in Acumatica either way): what needs it is held with
         * that reason, as the worker's {@link Resolved#key} holds it.
         */
        private final Map<DocumentRef, String> held = new HashMap<>();
        private final List<Planned> planned = new ArrayList<>();

        Walk(Mapping mapping, Map<DocumentRef, ChargebeeRecord> known) {
            this.mapping = mapping;
            this.records.putAll(known);
        }

        Plan plan(ChargebeeRecord root) {
            DocumentRef ref = new DocumentRef(DocumentKind.of(root), root.id());
            visit(new Dependency(ref, null), root, true);
            return new Plan(Resolved.describe(ref), planned);
        }

        private void add(DocumentRef ref, Planned planned) {
            if (planned.action().equals("held") || planned.action().equals("skip")) {
                held.put(ref, planned.reason());
            }
            this.planned.add(planned);
        }

        private void visit(Dependency need, ChargebeeRecord given, boolean root) {
            DocumentRef ref = need.document();
            visited.add(ref);
            String name = Resolved.describe(ref);
            if (visited.size() > config.maxDocumentsPerEvent()) {
                add(ref, new Planned(name, "held", null, null, "needs more than " + config.maxDocumentsPerEvent()
                        + " documents posted with it (sync.max-documents-per-event)", null));
                return;
            }
            PostingStrategy<ChargebeeRecord, ?> strategy = strategies.of(ref.kind());
            ChargebeeRecord record = given != null ? given : records.get(ref);
            record = strategy.complete(record != null ? record : strategy.read(ref.id()));
            records.put(ref, record);
            if (!root) {
                Optional<String> unfit = strategy.unfitAsDependency(record);
                if (unfit.isPresent()) {
                    add(ref, new Planned(name, "held", null, null, unfit.get(), null));
                    return;
                }
            }
            if (ref.kind() == DocumentKind.CUSTOMER && !root) {
                newCustomer(ref, (ChargebeeCustomer) record, need.currency());
                return;
            }
            Optional<String> settled = settled(strategy, record);
            if (settled.isPresent()) {
                planned.add(new Planned(name, "skip", null, documents.ledgerKey(ref).orElse(null), settled.get(), null));
                return;
            }
            for (Dependency dependency : strategy.dependencies(record, mapping)) {
                DocumentRef dependencyRef = dependency.document();
                if (keys.containsKey(dependencyRef) || visited.contains(dependencyRef)) {
                    continue;
                }
                Optional<String> key = documents.ledgerKey(dependencyRef);
                if (key.isPresent()) {
                    keys.put(dependencyRef, key.get());
                    planned.add(new Planned(Resolved.describe(dependencyRef), "exists", null, key.get(),
                            "in Acumatica already (the ledger says so): used as it is", null));
                } else {
                    visit(dependency, null, false);
                    keys.putIfAbsent(dependencyRef, "(new) " + Resolved.describe(dependencyRef));
                }
            }
            Optional<Map.Entry<DocumentRef, String>> blocked = strategy.dependencies(record, mapping).stream()
                    .map(Dependency::document).filter(held::containsKey)
                    .map(dependency -> Map.entry(dependency, held.get(dependency))).findFirst();
            Planned mapped = mapped(ref, strategy, record);
            add(ref, blocked.map(dependency -> new Planned(mapped.document(), "held", mapped.entity(), mapped.key(),
                    Resolved.describe(dependency.getKey()) + " cannot post yet: " + dependency.getValue(),
                    mapped.body())).orElse(mapped));
        }

        /** The customer a document needs, as the worker would create it: in that document's currency. */
        private void newCustomer(DocumentRef ref, ChargebeeCustomer customer, String currency) {
            try {
                AcuCustomer body = CustomerMapping.toAcumatica(customer, currency, mapping.customers());
                String customerId = mapping.customers().customerIdFor(customer.id());
                keys.put(ref, customerId);
                planned.add(new Planned(Resolved.describe(ref), "create", "Customer", customerId, "not in the"
                        + " ledger: created in " + currency + " (unless Acumatica has it under that CustomerID)",
                        codec.encode(body)));
            } catch (UnmappableRecord e) {
                add(ref, new Planned(Resolved.describe(ref), "held", "Customer", null, e.getMessage(), null));
            }
        }

        private Planned mapped(DocumentRef ref, PostingStrategy<ChargebeeRecord, ?> strategy, ChargebeeRecord record) {
            String name = Resolved.describe(ref);
            Optional<String> existing = documents.ledgerKey(ref);
            keys.putIfAbsent(ref, existing.orElse("(new) " + name));
            Object body;
            try {
                body = strategy.map(record, new Resolved(keys, Map.of(), records), mapping);
            } catch (UnmappableRecord | MissingReference e) {
                return new Planned(name, "held", null, existing.orElse(null), e.getMessage(), null);
            }
            String entity = entityOf(body);
            JsonNode wire = codec.encode((Record) body);
            if (reversed(record)) {
                return new Planned(name, "reverse", entity, existing.orElse(null), "voided or deleted in Chargebee"
                        + " after it posted: a credit memo (or, for a payment, a void) reverses it", wire);
            }
            if (ref.kind() == DocumentKind.CUSTOMER) {
                return new Planned(name, existing.isPresent() ? "update" : "create", entity, existing.orElse(
                        mapping.customers().customerIdFor(record.id())), record.isDeleted() ? "deleted in Chargebee:"
                        + " made inactive in Acumatica if it is there" : null, wire);
            }
            return existing.map(key -> new Planned(name, "exists", entity, key, "released in Acumatica already:"
                            + " the worker finds it there and posts nothing new", wire))
                    .orElseGet(() -> new Planned(name, "create", entity, "(new) " + name, null, wire));
        }

        /**
         * What the ledger alone decides, read-only: an invoice or credit note voided or deleted in Chargebee and not
         * released in Acumatica never posts (the worker's own check records a tombstone, so it is not asked here);
         * every other case is the strategy's own check, which only reads.
         */
        private Optional<String> settled(PostingStrategy<ChargebeeRecord, ?> strategy, ChargebeeRecord record) {
            if (reversed(record)) {
                DocumentKind kind = DocumentKind.of(record);
                return documents.releasedKey(kind.resourceType(), record.id()).isPresent() ? Optional.empty()
                        : Optional.of(Resolved.describe(new DocumentRef(kind, record.id())) + " is voided or deleted"
                        + " in Chargebee and not in Acumatica: it never posts");
            }
            if (record instanceof ChargebeeCustomer) {
                return Optional.empty();
            }
            return strategy.settled(record).map(Resolved::reason);
        }
    }

    private static boolean reversed(ChargebeeRecord record) {
        if (record instanceof ChargebeeInvoice invoice) {
            return invoice.isDeleted() || "voided".equals(invoice.status());
        }
        if (record instanceof ChargebeeCreditNote note) {
            return note.isDeleted() || "voided".equals(note.status());
        }
        return false;
    }
}
