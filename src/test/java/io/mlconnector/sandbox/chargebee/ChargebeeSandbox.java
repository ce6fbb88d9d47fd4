package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.sandbox.RequestLogFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stateful HTTP simulator of one Chargebee site (API v2, Product Catalog 2.0), for tests and the demo.
 *
 * <p>It serves {@code GET /api/v2/{customers|invoices|credit_notes|transactions|events}[/{id}]} and
 * {@code GET /api/v2/configurations} on 127.0.0.1 with Chargebee's envelopes, paging, filters, errors and HTTP Basic
 * auth, holds its data as Chargebee-shaped JSON, injects faults on demand ({@link #faults()}), records every request
 * ({@link #requests()}) and delivers events as webhooks. Every instance is independent: no static state.
 *
 * <pre>{@code
 * try (ChargebeeSandbox cb = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
 *         .withDataDirectory(Path.of("src/test/resources/chargebee/minimal")))) {
 *     String baseUrl = cb.baseUrl();          // http://127.0.0.1:{port}/api/v2
 *     cb.faults().rateLimitNext(1, 2);        // next call: 429 with Retry-After: 2
 * }
 * }</pre>
 */
public final class ChargebeeSandbox implements AutoCloseable {

    private final ChargebeeSandboxOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SandboxStore store = new SandboxStore();
    private final ChargebeeFaults faults = new ChargebeeFaults(Clock.systemUTC());
    private final RequestLog requestLog;
    private final AtomicReference<Clock> clock;
    private final LineItemPager lineItems;
    private final WebhookSender webhooks;
    private final DataDirectory dataDirectory;
    private final HttpServer server;
    private final ExecutorService executor;

    private ChargebeeSandbox(ChargebeeSandboxOptions options) throws IOException {
        this.options = options;
        this.clock = new AtomicReference<>(options.clock());
        OffsetCodec offsets = new OffsetCodec(mapper);
        this.lineItems = new LineItemPager(offsets);
        this.webhooks = new WebhookSender(mapper);
        this.dataDirectory = new DataDirectory(mapper);
        ApiRoutes routes = new ApiRoutes(store, new ListQueryParser(mapper, offsets), new QueryEngine(offsets),
                lineItems, options::siteName);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        this.requestLog = openRequestLog(options, server);
        // Cached pool: a delayed request must not hold up the others.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext(ApiRoutes.API_PREFIX, new SandboxHttpHandler(routes, faults, requestLog, mapper,
                options.apiKey(), Clock.systemUTC()));
    }

    /** Starts a sandbox, seeded from {@code options.dataDirectory()} when given. */
    public static ChargebeeSandbox start(ChargebeeSandboxOptions options) {
        Objects.requireNonNull(options, "options");
        ChargebeeSandbox sandbox;
        try {
            sandbox = new ChargebeeSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Chargebee sandbox to port " + options.port(), e);
        }
        try {
            if (options.dataDirectory() != null) {
                sandbox.loadDirectory(options.dataDirectory());
            }
            sandbox.server.start();
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.stop(); // release the bound port
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:{port}/api/v2}: what a client uses in place of {@code https://{site}.chargebee.com/api/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + ApiRoutes.API_PREFIX;
    }

    public String siteName() {
        return options.siteName();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requestLog.close();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Clears all data, pending faults and the request log; settings (clock, line-item paging) are kept, and so is the
     * request-log file, which is append-only.
     */
    public void reset() {
        store.clear();
        faults.clear();
        requestLog.clear();
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    /**
     * Seeds from a data directory: {@code customers.json}, {@code invoices.json}, {@code credit_notes.json},
     * {@code transactions.json} and optional {@code events.json}, each a Chargebee list response
     * {@code {"list":[{"invoice":{...}}, ...]}}; a missing file means none of that resource. Without
     * {@code events.json}, the events real Chargebee would have sent for the loaded resources are derived
     * ({@code customer_created}, {@code invoice_generated} / {@code pending_invoice_created}, {@code invoice_updated}
     * for voids, {@code credit_note_created}, {@code payment_succeeded}, {@code payment_failed},
     * {@code payment_refunded}, else {@code transaction_created}) with {@code occurred_at} from the resource's dates.
     */
    public void loadDirectory(Path directory) {
        dataDirectory.loadInto(directory, store);
    }

    /** Stores a copy of the customer (replacing one with the same id) and returns the stored copy. */
    public ObjectNode putCustomer(ObjectNode customer) {
        return store.put(ResourceType.CUSTOMER, customer);
    }

    public ObjectNode putInvoice(ObjectNode invoice) {
        return store.put(ResourceType.INVOICE, invoice);
    }

    public ObjectNode putCreditNote(ObjectNode creditNote) {
        return store.put(ResourceType.CREDIT_NOTE, creditNote);
    }

    public ObjectNode putTransaction(ObjectNode transaction) {
        return store.put(ResourceType.TRANSACTION, transaction);
    }

    public Optional<ObjectNode> customer(String id) {
        return copyOf(ResourceType.CUSTOMER, id);
    }

    public Optional<ObjectNode> invoice(String id) {
        return copyOf(ResourceType.INVOICE, id);
    }

    public Optional<ObjectNode> creditNote(String id) {
        return copyOf(ResourceType.CREDIT_NOTE, id);
    }

    public Optional<ObjectNode> transaction(String id) {
        return copyOf(ResourceType.TRANSACTION, id);
    }

    public Optional<ObjectNode> event(String id) {
        return copyOf(ResourceType.EVENT, id);
    }

    /** Every customer as stored now (the state GET answers), in insertion order. */
    public List<ObjectNode> customers() {
        return copies(ResourceType.CUSTOMER);
    }

    /** Every invoice as stored now, in insertion order. */
    public List<ObjectNode> invoices() {
        return copies(ResourceType.INVOICE);
    }

    /** Every credit note as stored now, in insertion order. */
    public List<ObjectNode> creditNotes() {
        return copies(ResourceType.CREDIT_NOTE);
    }

    /** Every transaction as stored now, in insertion order. */
    public List<ObjectNode> transactions() {
        return copies(ResourceType.TRANSACTION);
    }

    /** Every event, ordered by {@code occurred_at} then id (the order {@link #deliverAll} uses). */
    public List<ObjectNode> events() {
        return store.snapshot(ResourceType.EVENT).stream()
                .sorted(Comparator.comparingLong((ObjectNode e) -> e.path("occurred_at").asLong())
                        .thenComparing(e -> e.path("id").asText()))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /**
     * Records an event {@code {id:"ev_sbx_…", occurred_at: now, source:"api", object:"event", api_version:"v2",
     * event_type, webhook_status:"scheduled", content}} and returns it. It does not change the resources: put the new
     * resource state yourself when the scenario needs both.
     *
     * @param content the affected resources keyed by name, e.g. {@code {"invoice":{...}}}
     */
    public ObjectNode addEvent(String eventType, ObjectNode content) {
        ObjectNode event = EventFactory.event(store.nextEventId(), eventType, clock.get().instant().getEpochSecond(),
                "api", content);
        return store.put(ResourceType.EVENT, event);
    }

    /**
     * Something happened at {@code occurredAt}, as a real site records it: each resource is stored as it is now (GET
     * and list answer this state until the next change) and an event is recorded whose {@code content} is a snapshot
     * of the resources at this moment. Later changes to the same records leave this event's content as it was, so a
     * scenario can move an invoice from {@code posted} to {@code paid}, or a payment from {@code success} to
     * {@code late_failure}, and every event keeps the state of its own time. Each resource names its kind in
     * {@code object} ({@code customer}, {@code invoice}, {@code credit_note} or {@code transaction}).
     *
     * @return the stored event
     */
    public ObjectNode recordEvent(String eventType, long occurredAt, ObjectNode... resources) {
        ObjectNode content = mapper.createObjectNode();
        for (ObjectNode resource : resources) {
            String objectName = resource.path("object").asText();
            ResourceType type = ResourceType.byObjectName(objectName).filter(t -> t != ResourceType.EVENT)
                    .orElseThrow(() -> new IllegalArgumentException("Cannot record a resource whose object is '"
                            + objectName + "'"));
            content.set(type.objectName(), store.put(type, resource));
        }
        return store.put(ResourceType.EVENT, EventFactory.event(store.nextEventId(), eventType, occurredAt, "system",
                content));
    }

    /** Records a complete event as given, filling only what is missing (id, occurred_at, object, api_version...). */
    public ObjectNode addEvent(ObjectNode fullEvent) {
        if (!fullEvent.hasNonNull("event_type") || !fullEvent.has("content")) {
            throw new IllegalArgumentException("An event needs event_type and content");
        }
        ObjectNode event = fullEvent.deepCopy();
        if (!event.hasNonNull("id")) {
            event.put("id", store.nextEventId());
        }
        if (!event.hasNonNull("occurred_at")) {
            event.put("occurred_at", clock.get().instant().getEpochSecond());
        }
        putIfAbsent(event, "source", "api");
        putIfAbsent(event, "object", "event");
        putIfAbsent(event, "api_version", "v2");
        putIfAbsent(event, "webhook_status", EventFactory.INITIAL_WEBHOOK_STATUS);
        return store.put(ResourceType.EVENT, event);
    }

    public Clock clock() {
        return clock.get();
    }

    /** Replaces the clock used for {@code occurred_at} of events added from now on. */
    public void setClock(Clock newClock) {
        clock.set(Objects.requireNonNull(newClock, "clock"));
    }

    // ---- behaviour switches ----------------------------------------------------------------------------------------

    public ChargebeeFaults faults() {
        return faults;
    }

    /**
     * Documents with more line items than this (default 100) are served truncated, with
     * {@code line_items_next_offset}, in lists, event content and retrieves without {@code line_items_limit}.
     */
    public void setLineItemsTruncateAt(int lineItems) {
        this.lineItems.setTruncateAt(lineItems);
    }

    /** When set, list responses carry an empty {@code line_items} for truncated documents. */
    public void setListsOmitTruncatedLineItems(boolean omit) {
        lineItems.setListsOmitTruncatedLineItems(omit);
    }

    // ---- request log -----------------------------------------------------------------------------------------------

    /** Every request so far, in completion order, including rejected and dropped ones. */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    // ---- webhooks --------------------------------------------------------------------------------------------------

    /** POSTs one event, once, with Basic auth (skipped when {@code basicUser} is null). */
    public WebhookDelivery deliver(String eventId, URI url, String basicUser, String basicPassword) {
        return deliver(eventId, WebhookTarget.of(url, basicUser, basicPassword));
    }

    /** POSTs one event with the target's retry policy, and records the outcome in the event's webhook_status. */
    public WebhookDelivery deliver(String eventId, WebhookTarget target) {
        ObjectNode event = store.find(ResourceType.EVENT, eventId)
                .orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
        WebhookDelivery delivery = webhooks.send(lineItems.forEvent(event.deepCopy()), target);
        store.update(ResourceType.EVENT, eventId,
                e -> e.put("webhook_status", delivery.succeeded() ? "succeeded" : "failed"));
        return delivery;
    }

    public List<WebhookDelivery> deliverAll(URI url, String basicUser, String basicPassword) {
        return deliverAll(WebhookTarget.of(url, basicUser, basicPassword));
    }

    /** Delivers every event in {@code occurred_at} order. */
    public List<WebhookDelivery> deliverAll(WebhookTarget target) {
        return deliverInOrder(events().stream().map(e -> e.path("id").asText()).toList(), target);
    }

    public List<WebhookDelivery> deliverShuffledWithDuplicates(long seed, URI url, String basicUser,
            String basicPassword) {
        return deliverShuffledWithDuplicates(seed, WebhookTarget.of(url, basicUser, basicPassword));
    }

    /**
     * Delivers every event at least once, about one in five twice, in an order shuffled by {@code seed}: the
     * "no ordering guarantee, may be delivered multiple times" contract Chargebee documents.
     */
    public List<WebhookDelivery> deliverShuffledWithDuplicates(long seed, WebhookTarget target) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(events().stream().map(e -> e.path("id").asText()).toList());
        int duplicates = ids.isEmpty() ? 0 : Math.max(1, ids.size() / 5);
        List<String> order = new ArrayList<>(ids);
        for (int i = 0; i < duplicates; i++) {
            order.add(ids.get(random.nextInt(ids.size())));
        }
        Collections.shuffle(order, random);
        return deliverInOrder(order, target);
    }

    private List<WebhookDelivery> deliverInOrder(List<String> eventIds, WebhookTarget target) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        eventIds.forEach(id -> deliveries.add(deliver(id, target)));
        return deliveries;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private List<ObjectNode> copies(ResourceType type) {
        return store.snapshot(type).stream().map(ObjectNode::deepCopy).toList();
    }

    private Optional<ObjectNode> copyOf(ResourceType type, String id) {
        return store.find(type, id).map(ObjectNode::deepCopy);
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    /** Opened once the port is bound (a busy port leaves no open file); an unwritable file releases the port. */
    private static RequestLog openRequestLog(ChargebeeSandboxOptions options, HttpServer boundServer) {
        try {
            return new RequestLog(RequestLogFile.appendingToOrDisabled(options.requestLog()));
        } catch (RuntimeException e) {
            boundServer.stop(0);
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chargebee-sandbox-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
