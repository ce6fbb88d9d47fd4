package io.mlconnector.support;

import org.jboss.logging.MDC;

/** MDC keys carried by every JSON log line of one unit of work; cleared in {@code finally}. */
public final class LogFields {
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String RESOURCE_ID = "resource_id";
    public static final String ACUMATICA_REF = "acumatica_ref";
    public static final String AWS_REQUEST_ID = "aws_request_id";

    private LogFields() {}

    public static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    public static void clearEvent() {
        MDC.remove(EVENT_ID);
        MDC.remove(EVENT_TYPE);
        MDC.remove(RESOURCE_ID);
        MDC.remove(ACUMATICA_REF);
    }
}
