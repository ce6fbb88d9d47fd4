package io.mlconnector.demo;

import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.testing.SqsEventSource;
import java.time.Duration;
import java.util.List;

/**
 * What one demo run did, phase by phase: the webhooks Chargebee delivered, the worker invocations that drained them,
 * the poll that enqueued every event again, how long each phase took, and how many Chargebee calls fetched the rest
 * of an invoice whose line items Chargebee truncated ({@code line_items_offset}).
 */
record DemoRun(List<WebhookDelivery> deliveries, SqsEventSource.DrainResult fromWebhooks, EventPoller.PollResult poll,
               SqsEventSource.DrainResult fromPoller, Duration webhooksTook, Duration workerTook, Duration pollTook,
               long lineItemPageCalls) {

    DemoRun {
        deliveries = List.copyOf(deliveries);
    }

    long answered200() {
        return deliveries.stream().filter(d -> d.status() == 200).count();
    }

    Duration took() {
        return webhooksTook.plus(workerTook).plus(pollTook);
    }
}
