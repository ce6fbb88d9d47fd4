package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives the events a real site would have emitted for seeded resources, when a data directory has no
 * {@code events.json}.
 *
 * <p>Content follows chargebee-node's {@code WebhookEvent.d.ts}: {@code customer_created → customer},
 * {@code invoice_generated → invoice} ({@code pending_invoice_created} for pending invoices), a voided invoice adds
 * {@code invoice_updated} at {@code voided_at}, {@code credit_note_created → credit_note},
 * {@code payment_succeeded → transaction, invoice, customer}, {@code payment_failed} likewise,
 * {@code payment_refunded → transaction, credit_note, invoice, customer}; any other transaction yields
 * {@code transaction_created}. Divergence: each event carries the resource's final seeded state, whereas a real event
 * carries the state at the time it occurred.
 */
final class EventDeriver {

    private static final String SOURCE = "system";

    private record Pending(long occurredAt, int rank, String resourceId, String eventType, ObjectNode content) {
    }

    private EventDeriver() {
    }

    /**
     * Adds the events for {@code loaded} (resources just seeded, by type) to {@code store}, in (occurred_at, resource
     * kind, resource id) order. Related resources in the content are looked up in the whole store.
     */
    static void deriveInto(SandboxStore store, Map<ResourceType, List<ObjectNode>> loaded) {
        Map<String, ObjectNode> customers = byId(store.snapshot(ResourceType.CUSTOMER));
        Map<String, ObjectNode> invoices = byId(store.snapshot(ResourceType.INVOICE));
        Map<String, ObjectNode> creditNotes = byId(store.snapshot(ResourceType.CREDIT_NOTE));
        List<Pending> pending = new ArrayList<>();
        loaded.getOrDefault(ResourceType.CUSTOMER, List.of()).forEach(c -> pending.add(new Pending(
                time(c, "created_at"), 0, id(c), "customer_created", content("customer", c))));
        for (ObjectNode invoice : loaded.getOrDefault(ResourceType.INVOICE, List.of())) {
            boolean isPending = "pending".equals(invoice.path("status").asText());
            pending.add(new Pending(time(invoice, "generated_at", "date"), 1, id(invoice),
                    isPending ? "pending_invoice_created" : "invoice_generated", content("invoice", invoice)));
            if ("voided".equals(invoice.path("status").asText()) && invoice.hasNonNull("voided_at")) {
                pending.add(new Pending(time(invoice, "voided_at"), 4, id(invoice), "invoice_updated",
                        content("invoice", invoice)));
            }
        }
        loaded.getOrDefault(ResourceType.CREDIT_NOTE, List.of()).forEach(cn -> pending.add(new Pending(time(cn, "generated_at", "date"), 2, id(cn),
                "credit_note_created", content("credit_note", cn))));
        for (ObjectNode txn : loaded.getOrDefault(ResourceType.TRANSACTION, List.of())) {
            pending.add(transactionEvent(txn, customers, invoices, creditNotes));
        }
        pending.sort(Comparator.comparingLong(Pending::occurredAt).thenComparingInt(Pending::rank)
                .thenComparing(Pending::resourceId));
        for (Pending p : pending) {
            store.put(ResourceType.EVENT,
                    EventFactory.event(store.nextEventId(), p.eventType(), p.occurredAt(), SOURCE, p.content()));
        }
    }

    private static Pending transactionEvent(ObjectNode txn, Map<String, ObjectNode> customers,
            Map<String, ObjectNode> invoices, Map<String, ObjectNode> creditNotes) {
        String type = txn.path("type").asText();
        String status = txn.path("status").asText();
        ObjectNode content = content("transaction", txn);
        String eventType;
        if (type.equals("payment") && status.equals("success")) {
            eventType = "payment_succeeded";
            firstLinked(txn, "linked_invoices", "invoice_id", invoices).ifPresent(i -> content.set("invoice", i));
        } else if (type.equals("payment") && status.equals("failure")) {
            eventType = "payment_failed";
            firstLinked(txn, "linked_invoices", "invoice_id", invoices).ifPresent(i -> content.set("invoice", i));
        } else if (type.equals("refund") && status.equals("success")) {
            eventType = "payment_refunded";
            Optional<ObjectNode> creditNote = firstLinked(txn, "linked_credit_notes", "cn_id", creditNotes);
            creditNote.ifPresent(cn -> content.set("credit_note", cn));
            creditNote.map(cn -> invoices.get(cn.path("reference_invoice_id").asText()))
                    .ifPresent(i -> content.set("invoice", i.deepCopy()));
        } else {
            return new Pending(time(txn, "date"), 3, id(txn), "transaction_created", content);
        }
        ObjectNode customer = customers.get(txn.path("customer_id").asText());
        if (customer != null) {
            content.set("customer", customer.deepCopy());
        }
        return new Pending(time(txn, "date"), 3, id(txn), eventType, content);
    }

    private static Optional<ObjectNode> firstLinked(ObjectNode txn, String array, String idField,
            Map<String, ObjectNode> targets) {
        for (JsonNode link : txn.path(array)) {
            ObjectNode target = targets.get(link.path(idField).asText());
            if (target != null) {
                return Optional.of(target.deepCopy());
            }
        }
        return Optional.empty();
    }

    private static ObjectNode content(String key, ObjectNode resource) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set(key, resource.deepCopy());
        return content;
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> resources) {
        return resources.stream().collect(Collectors.toMap(EventDeriver::id, Function.identity(), (a, b) -> b,
                LinkedHashMap::new));
    }

    private static String id(ObjectNode resource) {
        return resource.path("id").asText();
    }

    /** The first present timestamp among {@code attributes}, falling back to {@code updated_at}, then 0. */
    private static long time(ObjectNode resource, String... attributes) {
        for (String attribute : attributes) {
            if (resource.path(attribute).isNumber()) {
                return resource.get(attribute).longValue();
            }
        }
        return resource.path("updated_at").asLong(0L);
    }
}
