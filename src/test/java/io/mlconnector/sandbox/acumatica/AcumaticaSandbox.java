package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.sandbox.RequestLogFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful HTTP simulator of one Acumatica ERP tenant's contract-based REST API, endpoint Default/24.200.001, for
 * the connector's tests and demo. Bound to 127.0.0.1.
 *
 * <pre>{@code
 * try (AcumaticaSandbox acumatica = AcumaticaSandbox.start(AcumaticaSandboxOptions.defaults())) {
 *     String base = acumatica.baseUrl();            // http://127.0.0.1:<port>[/instance]
 *     // POST base + "/identity/connect/token", then PUT base + "/entity/Default/24.200.001/Customer" ...
 *     acumatica.faults().failNext(1, 503, FaultScope.of("PUT", "SalesInvoice"));
 *     assertEquals(1, acumatica.salesInvoices().size());
 * }
 * }</pre>
 *
 * Simulated: {@code GET /entity}; OAuth password and refresh-token grants and the cookie sign-in/sign-out, with the
 * licence's API-user seats ({@link ApiSessionStore}); the licence's request queue, per-minute delays and 429
 * declines ({@link LicenceGate}); Customer (GET, PUT); SalesInvoice (GET, PUT, ReleaseSalesInvoice with 202/Location
 * polling, credit memo applications); Payment (GET, PUT, ReleasePayment, VoidPayment); JournalTransaction (GET, PUT,
 * ReleaseJournalTransaction); read-only reference entities (Account, Subaccount, Currency, NonStockItem, Tax,
 * PaymentMethod, CustomerClass). Anything else in the contract answers 501 so a gap in the simulator is never
 * mistaken for an Acumatica answer. See each endpoint class for the exact rules.
 *
 * <p>No static state: any number of sandboxes can run side by side. Thread-safe.
 */
public final class AcumaticaSandbox implements AutoCloseable {

    private final AcumaticaSandboxOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final SandboxClock clock;
    private final AcumaticaContract contract;
    private final Tenant tenant;
    private final EndpointContext context;
    private final CustomerEndpoint customerEndpoint;
    private final SalesInvoiceEndpoint salesInvoiceEndpoint;
    private final PaymentEndpoint paymentEndpoint;
    private final JournalTransactionEndpoint journalTransactionEndpoint;
    private final Map<String, ReferenceDataEndpoint> referenceEndpoints = new HashMap<>();
    private final Faults faults;
    private final RequestLog requestLog;
    private final LicenceGate licenceGate;
    private final ApiSessionStore apiSessions;

    private AcumaticaSandbox(AcumaticaSandboxOptions options) throws IOException {
        this.options = options;
        ObjectMapper mapper = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        this.contract = options.contract() != null ? options.contract() : AcumaticaContract.load();
        ContractShapes shapes = new ContractShapes(contract);
        TenantSeed seed = options.seedFile() != null ? TenantSeed.fromFile(options.seedFile(), mapper)
                : TenantSeed.bundled(mapper);
        this.clock = options.clock() != null ? options.clock() : SandboxClock.ticking();
        Ids ids = options.randomSeed() != null ? Ids.seeded(options.randomSeed()) : Ids.unpredictable();
        this.tenant = new Tenant(seed, shapes);

        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + options.instancePath();

        AcumaticaSandboxOptions.PublishedEndpoint simulated = AcumaticaSandboxOptions.SIMULATED_ENDPOINT;
        this.context = new EndpointContext(tenant, shapes, clock, ids, options.instancePath() + "/entity/"
                + simulated.name() + "/" + simulated.version(), options.releasePollsBeforeCompletion());
        PaymentCalculator paymentCalculator = new PaymentCalculator(tenant.referenceData, seed, context);
        ArApplications applications = new ArApplications(context, paymentCalculator);
        this.customerEndpoint = new CustomerEndpoint(context);
        this.salesInvoiceEndpoint = new SalesInvoiceEndpoint(context, applications);
        this.paymentEndpoint = new PaymentEndpoint(context, paymentCalculator, applications);
        this.journalTransactionEndpoint = new JournalTransactionEndpoint(context);
        List<EntityEndpoint> endpoints = new ArrayList<>(List.of(customerEndpoint, salesInvoiceEndpoint,
                paymentEndpoint, journalTransactionEndpoint));
        tenant.referenceData.entities().forEach(e -> referenceEndpoints.put(e, new ReferenceDataEndpoint(context, e)));
        endpoints.addAll(referenceEndpoints.values());

        AcumaticaSandboxOptions.LicenceLimits licence = options.licence();
        this.apiSessions = new ApiSessionStore(licence.apiUsers(), licence.sessionIdleTimeout(), clock);
        this.licenceGate = new LicenceGate(licence, clock);
        OAuthTokenService tokens = new OAuthTokenService(options, clock, ids, apiSessions);
        CookieSignIn signIn = new CookieSignIn(new UserDirectory(options.users()), seed.tenant(), apiSessions, tokens,
                ids, mapper);
        EntityApi entityApi = new EntityApi(options, contract, new ApiAuthentication(tokens, signIn), mapper,
                endpoints);
        this.faults = new Faults(tokens);
        this.requestLog = openRequestLog(mapper, options, server);
        server.createContext("/", new SandboxHttpHandler(new AcumaticaRouter(options, tokens, signIn, entityApi,
                baseUrl), faults, requestLog, clock, mapper, options.instancePath(), licenceGate));
        // Unbounded on purpose: a delay fault parks a thread, and a bounded pool would turn that into a queue
        // stall the real server would not have. Daemon threads never keep a test JVM alive.
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "acumatica-sandbox-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        seedCustomers();
        server.start();
    }

    /** Starts a sandbox; the port is bound when this returns. */
    public static AcumaticaSandbox start(AcumaticaSandboxOptions options) {
        try {
            return new AcumaticaSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Acumatica sandbox on port " + options.port(), e);
        }
    }

    /** Starts a sandbox with {@link AcumaticaSandboxOptions#defaults()}. */
    public static AcumaticaSandbox start() {
        return start(AcumaticaSandboxOptions.defaults());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The tenant's base URL including the instance path, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + "/entity/Default/24.200.001"}. */
    public String endpointUrl() {
        AcumaticaSandboxOptions.PublishedEndpoint simulated = AcumaticaSandboxOptions.SIMULATED_ENDPOINT;
        return baseUrl + "/entity/" + simulated.name() + "/" + simulated.version();
    }

    /** {@code baseUrl() + "/identity/connect/token"}. */
    public String tokenUrl() {
        return baseUrl + "/identity/connect/token";
    }

    public AcumaticaSandboxOptions options() {
        return options;
    }

    /** The clock behind token expiry and timestamps; advance it to expire tokens. */
    public SandboxClock clock() {
        return clock;
    }

    public AcumaticaContract contract() {
        return contract;
    }

    public Faults faults() {
        return faults;
    }

    /** Stops the server (in-flight requests get no answer) and closes the request-log file. Idempotent. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        requestLog.close();
    }

    /** Opened once the port is bound (a busy port leaves no open file); an unwritable file releases the port. */
    private static RequestLog openRequestLog(ObjectMapper mapper, AcumaticaSandboxOptions options,
                                             HttpServer boundServer) {
        try {
            return new RequestLog(mapper, RequestLogFile.appendingToOrDisabled(options.requestLog()));
        } catch (RuntimeException e) {
            boundServer.stop(0);
            throw e;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Back to the seed state: customers and documents dropped, reference data and numbering restored, faults
     * disarmed, request log cleared, licence statistics zeroed, release polls back to the configured value. Issued
     * tokens and open API sessions stay valid (use {@code faults().expireAllTokens()} for that), so a client can keep
     * its session across tests.
     */
    public void reset() {
        synchronized (tenant) {
            tenant.clearToSeedReferenceData();
            seedCustomers();
        }
        faults.clear();
        requestLog.clear();
        licenceGate.resetStatistics();
        context.releasePollsBeforeCompletion.set(options.releasePollsBeforeCompletion());
        context.releaseDuration.set(null);
        context.userTimeZone.set(java.time.ZoneOffset.UTC);
    }

    /**
     * The API user's time zone (its User Profile): a date-time sent without an offset is read in it, a document date
     * sent with an offset is converted to it before its time is dropped, and document dates are rendered as midnight
     * with its offset. UTC until set; {@link #reset()} goes back to UTC.
     */
    public void setUserTimeZone(java.time.ZoneId zone) {
        context.userTimeZone.set(java.util.Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Timed releases (the faithful mode): each release (and void) completes {@code duration} after it is accepted, on
     * the sandbox clock, however often it is polled; zero answers 204 at once; null goes back to counting polls
     * ({@link #setReleasePollsBeforeCompletion}). {@link #reset()} goes back to counting polls.
     */
    public void setReleaseDuration(java.time.Duration duration) {
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        context.releaseDuration.set(duration);
    }

    /** Changes how many status polls of a release answer 202 before 204 (0: the action answers 204 at once). */
    public void setReleasePollsBeforeCompletion(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be >= 0");
        }
        context.releasePollsBeforeCompletion.set(polls);
    }

    // ------------------------------------------------------------------ views for assertions

    /** All customers, in API shape with every linked/detail entity expanded (copies). */
    public List<JsonNode> customers() {
        return view(customerEndpoint, tenant.customers);
    }

    public Optional<JsonNode> customer(String customerId) {
        synchronized (tenant) {
            return tenant.customers.byKeys(List.of(customerId)).map(r -> expanded(customerEndpoint, r));
        }
    }

    /** All sales invoices and credit/debit memos, in API shape with Details and TaxDetails expanded (copies). */
    public List<JsonNode> salesInvoices() {
        return view(salesInvoiceEndpoint, tenant.salesInvoices);
    }

    public Optional<JsonNode> salesInvoice(String type, String referenceNbr) {
        synchronized (tenant) {
            return tenant.salesInvoices.byKeys(List.of(type, referenceNbr))
                    .map(r -> expanded(salesInvoiceEndpoint, r));
        }
    }

    /**
     * Changes a stored sales document's header {@code Amount} directly (no HTTP, not logged), as a person editing
     * the ledger behind the connector's back would leave it; its lines and balance stay as they were. For tests that
     * need Acumatica to disagree with Chargebee.
     *
     * @return whether the document exists
     */
    public boolean overwriteSalesInvoiceAmount(String type, String referenceNbr, java.math.BigDecimal amount) {
        synchronized (tenant) {
            Optional<com.fasterxml.jackson.databind.node.ObjectNode> stored =
                    tenant.salesInvoices.byKeys(List.of(type, referenceNbr));
            stored.ifPresent(record -> ValueObjects.set(record, "Amount", amount));
            return stored.isPresent();
        }
    }

    /** Removes a stored sales document directly (no HTTP, not logged; the real API refuses to delete a released one). */
    public boolean removeSalesInvoice(String type, String referenceNbr) {
        synchronized (tenant) {
            return tenant.salesInvoices.removeByKeys(List.of(type, referenceNbr));
        }
    }

    /** All payments (Payment, Prepayment, Customer Refund, Credit Memo, voids), details expanded (copies). */
    public List<JsonNode> payments() {
        return view(paymentEndpoint, tenant.payments);
    }

    public Optional<JsonNode> payment(String type, String referenceNbr) {
        synchronized (tenant) {
            return tenant.payments.byKeys(List.of(type, referenceNbr)).map(r -> expanded(paymentEndpoint, r));
        }
    }

    /** All GL batches, with Details expanded (copies). */
    public List<JsonNode> journalTransactions() {
        return view(journalTransactionEndpoint, tenant.journalTransactions);
    }

    public Optional<JsonNode> journalTransaction(String module, String batchNbr) {
        synchronized (tenant) {
            return tenant.journalTransactions.byKeys(List.of(module, batchNbr))
                    .map(r -> expanded(journalTransactionEndpoint, r));
        }
    }

    /** What the licence gate did so far: processed, delayed and declined requests, highest concurrency, load now. */
    public LicenceStatistics licenceStatistics() {
        return licenceGate.statistics();
    }

    /** API sessions holding a licence seat now (OAuth grants and cookie sign-ins; expired ones not counted). */
    public int openApiSessions() {
        return apiSessions.openCount();
    }

    /** Requests received so far, oldest first (credentials removed). */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    // ------------------------------------------------------------------ reference data

    public List<JsonNode> accounts() {
        return referenceRecords("Account");
    }

    public List<JsonNode> subaccounts() {
        return referenceRecords("Subaccount");
    }

    public List<JsonNode> currencies() {
        return referenceRecords("Currency");
    }

    public List<JsonNode> nonStockItems() {
        return referenceRecords("NonStockItem");
    }

    public List<JsonNode> taxes() {
        return referenceRecords("Tax");
    }

    public List<JsonNode> paymentMethods() {
        return referenceRecords("PaymentMethod");
    }

    public List<JsonNode> customerClasses() {
        return referenceRecords("CustomerClass");
    }

    /**
     * Records of a reference entity (Account, Subaccount, Currency, NonStockItem, Tax, PaymentMethod,
     * CustomerClass), in API shape with details expanded (copies).
     */
    public List<JsonNode> referenceRecords(String entity) {
        ReferenceDataEndpoint endpoint = referenceEndpoints.get(entity);
        if (endpoint == null) {
            throw new IllegalArgumentException("Not a reference entity of the sandbox: " + entity
                    + " (known: " + referenceEndpoints.keySet() + ")");
        }
        return view(endpoint, tenant.referenceData.store(entity));
    }

    /**
     * Adds or replaces a reference record given as flat contract fields, e.g.
     * {@code addReferenceRecord("Account", Map.of("AccountCD", "40200", "Type", "Income", "Active", true))}.
     * Unknown field names are rejected.
     */
    public JsonNode addReferenceRecord(String entity, Map<String, ?> fields) {
        ObjectNode flat = ValueObjects.NODES.objectNode();
        fields.forEach((name, value) -> flat.set(name, toNode(value)));
        synchronized (tenant) {
            ObjectNode record = tenant.referenceData.add(entity, flat);
            return expanded(referenceEndpoints.get(entity), record);
        }
    }

    public boolean removeReferenceRecord(String entity, String key) {
        synchronized (tenant) {
            return tenant.referenceData.remove(entity, key);
        }
    }

    public JsonNode addAccount(String accountCd, String type, String description) {
        return addReferenceRecord("Account", Map.of("AccountCD", accountCd, "Type", type,
                "Description", description, "Active", true));
    }

    public JsonNode addSubaccount(String subaccountCd, String description) {
        return addReferenceRecord("Subaccount", Map.of("SubaccountCD", subaccountCd, "Description", description,
                "Active", true));
    }

    public JsonNode addCurrency(String currencyId, int decimalPrecision) {
        return addReferenceRecord("Currency", Map.of("CurrencyID", currencyId, "DecimalPrecision", decimalPrecision,
                "Description", currencyId, "Active", true));
    }

    public JsonNode addNonStockItem(String inventoryId, String description, String salesAccount) {
        return addReferenceRecord("NonStockItem", Map.of("InventoryID", inventoryId, "Description", description,
                "SalesAccount", salesAccount, "SalesSubaccount", tenant.seed.defaultSubaccount(),
                "ItemStatus", "Active", "BaseUnit", "EA"));
    }

    public JsonNode addTax(String taxId, String description, String taxPayableAccount) {
        return addReferenceRecord("Tax", Map.of("TaxID", taxId, "Description", description,
                "TaxPayableAccount", taxPayableAccount, "TaxPayableSubaccount", tenant.seed.defaultSubaccount(),
                "TaxType", "Sales"));
    }

    public JsonNode addCustomerClass(String classId, String currencyId, String arAccount, String salesAccount) {
        return addReferenceRecord("CustomerClass", Map.of("ClassID", classId, "CurrencyID", currencyId,
                "ARAccount", arAccount, "SalesAccount", salesAccount, "Description", classId));
    }

    /** Adds a customer directly (no HTTP, not logged), with the same defaults and validation as a PUT. */
    public JsonNode addCustomer(String customerId, String customerName, String currencyId) {
        ObjectNode body = ValueObjects.NODES.objectNode();
        body.set("CustomerID", ValueObjects.wrap(customerId));
        body.set("CustomerName", ValueObjects.wrap(customerName));
        if (currencyId != null) {
            body.set("CurrencyID", ValueObjects.wrap(currencyId));
        }
        return insertCustomer(body);
    }

    // ------------------------------------------------------------------ internals

    private void seedCustomers() {
        for (JsonNode flat : tenant.seed.customers()) {
            insertCustomer(FlatRecords.toApiShape(context.shapes, CustomerEndpoint.ENTITY, flat));
        }
    }

    private JsonNode insertCustomer(ObjectNode body) {
        SandboxResponse response = customerEndpoint.put(body, QueryOptions.none(),
                EntityEndpoint.WriteCondition.ANY);
        if (response.status() != 200) {
            throw new IllegalArgumentException("Customer rejected by the sandbox (" + response.status() + "): "
                    + response.json());
        }
        return response.json();
    }

    private List<JsonNode> view(StoredEntityEndpoint endpoint, EntityStore store) {
        synchronized (tenant) {
            return store.all().stream().map(r -> expanded(endpoint, r)).toList();
        }
    }

    private static JsonNode expanded(StoredEntityEndpoint endpoint, ObjectNode record) {
        return endpoint.render(record, QueryOptions.expandAll(), 1);
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return ValueObjects.NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return ValueObjects.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ValueObjects.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return ValueObjects.NODES.numberNode(new BigDecimal(n.toString()));
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return ValueObjects.NODES.textNode(value.toString());
    }
}
