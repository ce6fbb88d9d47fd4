package io.mlconnector.chargebee;

import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.chargebee.dto.SiteConfiguration;
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
    Page<ChargebeeEvent> eventsSince(Instant after, Set<String> eventTypes, Optional<String> offset);

    ChargebeeEvent event(String eventId);

    /** One page (up to 100) of a resource list. */
    <T> Page<T> list(ChargebeeResource<T> resource, ListQuery query, Optional<String> offset);

    ChargebeeCustomer customer(String customerId);

    /** The invoice with every line item, fetching the rest when Chargebee truncated them. */
    ChargebeeInvoice invoice(String invoiceId);

    ChargebeeCreditNote creditNote(String creditNoteId);

    ChargebeeTransaction transaction(String transactionId);

    /** The site's configuration ({@code GET /configurations}): product catalog version. */
    List<SiteConfiguration> configurations();
}
