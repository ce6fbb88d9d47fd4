package io.mlconnector.sync;

import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts one Chargebee document with everything it needs, without recursion: a worklist of documents, each posted
 * once its dependencies are done, under its own lease (never two at once, so two workers cannot wait on each other),
 * then its follow-ups queued. A visited set means no document is taken twice for one event (a cycle ends in a hold,
 * not a loop), and a cap bounds the work one event may cause.
 */
@ApplicationScoped
public class PostingWorklist {
    private final CustomerPosting customers;
    private final PostingStrategies strategies;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final SyncConfig config;

    public PostingWorklist(CustomerPosting customers, PostingStrategies strategies, AcumaticaDocuments documents,
                           MappingSource mappings, SyncConfig config) {
        this.customers = customers;
        this.strategies = strategies;
        this.documents = documents;
        this.mappings = mappings;
        this.config = config;
    }

    /**
     * @param current the document as Chargebee holds it now
     * @return what happened to it; a dependency or follow-up that could not post holds it with that reason
     */
    public SyncOutcome post(ChargebeeRecord current) {
        return new Run(current).toEnd();
    }

    /** One document on the worklist: read when first taken, then expanded into its dependencies, then posted. */
    private static final class Item {
        final Dependency need;
        final DocumentRef followUpOf;
        final boolean root;
        ChargebeeRecord record;
        boolean expanded;

        Item(Dependency need, DocumentRef followUpOf, boolean root, ChargebeeRecord record) {
            this.need = need;
            this.followUpOf = followUpOf;
            this.root = root;
            this.record = record;
        }

        DocumentRef ref() {
            return need.document();
        }
    }

    /** The worklist of one event. */
    private final class Run {
        private final DocumentRef rootRef;
        private final Deque<Item> work = new ArrayDeque<>();
        private final Set<DocumentRef> visited = new HashSet<>();
        private final Map<DocumentRef, String> keys = new HashMap<>();
        private final Map<DocumentRef, SyncOutcome> outcomes = new HashMap<>();
        private final Map<DocumentRef, ChargebeeRecord> records = new HashMap<>();
        private SyncOutcome rootOutcome;
        private SyncOutcome followUpHeld;
        private int taken;

        Run(ChargebeeRecord root) {
            rootRef = new DocumentRef(DocumentKind.of(root), root.id());
            take(new Item(new Dependency(rootRef, null), null, true, root));
        }

        SyncOutcome toEnd() {
            while (!work.isEmpty()) {
                if (taken > config.maxDocumentsPerEvent()) {
                    return new SyncOutcome.Held(Resolved.describe(rootRef) + " needs more than "
                            + config.maxDocumentsPerEvent() + " documents posted with it"
                            + " (sync.max-documents-per-event): post those through their own events, or raise it,"
                            + " then replay this one", null, null);
                }
                Item item = work.peek();
                if (!item.expanded) {
                    Optional<SyncOutcome> settled = expand(item);
                    if (settled.isPresent()) {
                        finish(item, settled.get());
                    }
                    continue; // its dependencies not in Acumatica yet are above it now, or it is next
                }
                finish(item, post(item));
            }
            return rootOutcome instanceof SyncOutcome.Posted && followUpHeld != null ? followUpHeld : rootOutcome;
        }

        /** Puts a document on the worklist, counted against the cap before anything of it is posted. */
        private void take(Item item) {
            taken++;
            visited.add(item.ref());
            work.push(item);
        }

        /**
         * Reads the document (the root comes read), settles it from the ledger when that decides it, else puts its
         * dependencies that are not in Acumatica yet on the worklist, the first one on top.
         *
         * @return its outcome when nothing is to be posted for it
         */
        private Optional<SyncOutcome> expand(Item item) {
            item.expanded = true;
            PostingStrategy<ChargebeeRecord, ?> strategy = strategies.of(item.ref().kind());
            item.record = strategy.complete(item.record != null ? item.record : strategy.read(item.ref().id()));
            records.put(item.ref(), item.record);
            if (!item.root && item.followUpOf == null) {
                Optional<String> unfit = strategy.unfitAsDependency(item.record);
                if (unfit.isPresent()) {
                    return Optional.of(new SyncOutcome.Held(unfit.get(), null, null));
                }
            }
            if (item.ref().kind() == DocumentKind.CUSTOMER && !item.root) {
                return Optional.empty(); // a customer a document needs is only ever created, never settled
            }
            Optional<SyncOutcome> settled = strategy.settled(item.record);
            if (settled.isPresent() && settled.get() instanceof SyncOutcome.Skipped
                    && documents.isSkipped(item.ref().kind().resourceType(), item.ref().id())) {
                // The tombstone says why, in the accountant's words (the strategies read it as "never posted").
                return Optional.of(new SyncOutcome.Skipped(Resolved.describe(item.ref())
                        + " was skipped by an operator; it never posts"));
            }
            if (settled.isPresent()) {
                return settled;
            }
            List<Dependency> dependencies = strategy.dependencies(item.record, mappings.current());
            for (int i = dependencies.size() - 1; i >= 0; i--) {
                DocumentRef ref = dependencies.get(i).document();
                if (keys.containsKey(ref)) {
                    continue;
                }
                Optional<String> key = documents.ledgerKey(ref);
                if (key.isPresent()) {
                    keys.put(ref, key.get()); // in Acumatica (perhaps posted for this event: a follow-up's own need)
                } else if (!visited.contains(ref)) {
                    take(new Item(dependencies.get(i), null, false, null));
                } // else taken for this event already and not in Acumatica: its outcome decides
            }
            return Optional.empty();
        }

        private SyncOutcome post(Item item) {
            if (item.ref().kind() == DocumentKind.CUSTOMER && !item.root) {
                String customerId = customers.ensure((ChargebeeCustomer) item.record, item.need.currency());
                keys.put(item.ref(), customerId);
                return new SyncOutcome.Posted("Customer " + customerId, null, null);
            }
            return strategies.of(item.ref().kind()).post(item.record, new Resolved(keys, outcomes, records));
        }

        private void finish(Item item, SyncOutcome outcome) {
            work.remove(item);
            outcomes.put(item.ref(), outcome);
            if (!item.root && !keys.containsKey(item.ref())) {
                documents.ledgerKey(item.ref()).ifPresent(key -> keys.put(item.ref(), key)); // for what depends on it
            }
            if (item.root) {
                rootOutcome = outcome;
            }
            if (item.followUpOf != null && followUpHeld == null && (outcome instanceof SyncOutcome.Held
                    || outcome instanceof SyncOutcome.RetryLater)) {
                followUpHeld = new SyncOutcome.Held(Resolved.describe(item.ref()) + ", which "
                        + Resolved.describe(item.followUpOf) + " names, cannot be brought up to date yet: "
                        + Resolved.reason(outcome), null, null);
            }
            if (outcome instanceof SyncOutcome.Posted) {
                List<FollowUp> followUps = item.ref().kind() == DocumentKind.CUSTOMER ? List.of()
                        : strategies.of(item.ref().kind()).followUps(item.record);
                for (int i = followUps.size() - 1; i >= 0; i--) {
                    DocumentRef ref = followUps.get(i).document();
                    if (!visited.contains(ref) && (followUps.get(i).evenIfPosted() || documents.ledgerKey(ref).isEmpty())) {
                        take(new Item(new Dependency(ref, null), item.ref(), false, null));
                    }
                }
            }
        }
    }
}
