package io.mlconnector.support;

import java.util.Set;

/**
 * The CloudWatch names the connector writes in Embedded Metric Format, in one place: the code that writes them,
 * template.yaml's alarms and dashboard, and OperatorSurfaceTemplateTest (which fails on a name used in the template
 * that is not one of these) all read them from here.
 */
public final class MetricNames {
    public static final String NAMESPACE = "MlConnector";

    /** Dimension on every line: the Lambda function's physical name ({@code local} outside Lambda). */
    public static final String FUNCTION_NAME = "FunctionName";
    /** Second dimension of the worker's outcome counts: {@code customer}, {@code invoice}, ... or {@code unknown}. */
    public static final String DOCUMENT_TYPE = "DocumentType";

    // Worker: one count per finished message, by outcome and document type.
    public static final String POSTED = "Posted";
    public static final String HELD = "Held";
    public static final String RETRIED = "Retried";
    public static final String SKIPPED = "Skipped";

    // Worker and poller: HTTP requests sent, and those answered 429, per invocation.
    public static final String CHARGEBEE_CALLS = "ChargebeeCalls";
    public static final String CHARGEBEE_429 = "Chargebee429";
    public static final String ACUMATICA_CALLS = "AcumaticaCalls";
    public static final String ACUMATICA_429 = "Acumatica429";

    // Poller: one line per poll.
    public static final String POLLER_MORE_PENDING = "PollerMorePending";
    public static final String POLLER_EVENTS_QUEUED = "PollerEventsQueued";
    /** How far the cursor is behind the time of the poll, in seconds. */
    public static final String POLLER_LAG_SECONDS = "PollerLagSeconds";

    // Ingest: one line per webhook request.
    public static final String WEBHOOK_REQUESTS = "WebhookRequests";
    public static final String WEBHOOK_UNAUTHORIZED = "WebhookUnauthorized";
    public static final String WEBHOOK_SERVER_ERRORS = "WebhookServerErrors";

    /** Reconciliation: documents and sums that differ between Chargebee and Acumatica in the period read. */
    public static final String RECONCILIATION_DIFFERENCES = "ReconciliationDifferences";

    /** Every metric name above (not the namespace or dimensions). */
    public static final Set<String> ALL = Set.of(POSTED, HELD, RETRIED, SKIPPED, CHARGEBEE_CALLS, CHARGEBEE_429,
            ACUMATICA_CALLS, ACUMATICA_429, POLLER_MORE_PENDING, POLLER_EVENTS_QUEUED, POLLER_LAG_SECONDS,
            WEBHOOK_REQUESTS, WEBHOOK_UNAUTHORIZED, WEBHOOK_SERVER_ERRORS, RECONCILIATION_DIFFERENCES);

    /** The dimension value for a function name that Lambda did not give (tests, local runs). */
    public static String functionName(String name) {
        return name == null || name.isBlank() ? "local" : name;
    }

    private MetricNames() {}
}
