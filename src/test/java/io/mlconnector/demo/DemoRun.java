package io.mlconnector.demo;

import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.testing.SqsEventSource;
import java.time.Duration;
import java.util.List;

/**
 * What one demo run did, phase by phase: the webhooks Chargebee delivered, the worker invocations that drained them,
 * the poll that enqueued every event again, and how long each phase took.
 */
record DemoRun(List<WebhookDelivery> deliveries, SqsEventSource.DrainResult fromWebhooks, EventPoller.PollResult poll,
               SqsEventSource.DrainResult fromPoller, Duration webhooksTook, Duration workerTook, Duration pollTook) {

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
