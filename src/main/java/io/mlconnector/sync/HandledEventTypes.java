package io.mlconnector.sync;

import java.util.Set;

/** The Chargebee event types that reach the ledger (listed once, in {@link DocumentKind}); the rest are ignored. */
public final class HandledEventTypes {
    public static final Set<String> ALL = DocumentKind.handledEventTypes();

    private HandledEventTypes() {}

    public static boolean isHandled(String eventType) {
        return ALL.contains(eventType);
    }
}
