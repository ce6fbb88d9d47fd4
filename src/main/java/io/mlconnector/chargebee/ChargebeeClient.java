package io.mlconnector.chargebee;

import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.EventPage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the reads the connector makes from Chargebee. Nothing is ever written back. */
public interface ChargebeeClient {

    /** The events with these ids, in one list call ({@code id[in]}); ids Chargebee does not know are simply absent. */
    List<ChargebeeEvent> eventsByIds(Collection<String> eventIds);

    /** Events that occurred after {@code after}, oldest first, optionally only of the given types. */
    EventPage eventsSince(Instant after, Set<String> eventTypes, Optional<String> offset);

    ChargebeeCustomer customer(String customerId);

    ChargebeeInvoice invoice(String invoiceId);
}
