package io.mlconnector.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.SeededBillingHistory;
import io.mlconnector.store.AuditLog;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One seed, start to end: a clean slate, the seed's billing history recorded in the Chargebee sandbox, its faults
 * armed, its deliveries queued, the fleet of workers draining the queue (then the late deliveries, then a DLQ redrive
 * if the seed says so), and the invariants checked.
 */
public final class SeedRun {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final WorkerHandler worker;
    private final AuditLog audit;
    private final KillSwitch kills;
    private final SoakPorts ports;
    private final VirtualClock clock;

    public SeedRun(WorkerHandler worker, AuditLog audit, SoakPorts ports, VirtualClock clock) {
        this.worker = worker;
        this.audit = audit;
        this.kills = ports.kills();
        this.ports = ports;
        this.clock = clock;
    }

    public SeedResult run(long seed, int workers) {
        long started = System.nanoTime();
        if (SoakPorts.storesInMemory()) {
            StandIns.shared().sqs().purge();
            ports.freshStores();
        } else {
            StandIns.shared().reset();
        }
        Sandboxes.shared().reset();
        kills.arm(List.of());
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        AcumaticaSandbox acumatica = Sandboxes.shared().acumatica();
        ElasticMq sqs = StandIns.shared().sqs();

        SeededBillingHistory.Summary history = SeededBillingHistory.recordInto(chargebee, seed);
        Map<String, String> typeOf = chargebee.events().stream().collect(Collectors.toMap(
                e -> e.path("id").asText(), e -> e.path("event_type").asText()));
        DeliverySchedule schedule = DeliverySchedule.draw(seed, List.copyOf(chargebee.events().stream()
                .map(e -> e.path("id").asText()).toList()));
        FaultPlan faults = FaultPlan.draw(seed);
        faults.armOn(acumatica, chargebee);
        kills.arm(faults.kills());

        WorkerFleet fleet = new WorkerFleet(sqs.client(), sqs.queueUrl(), worker, clock, workers,
                schedule.batchSize(), Duration.ofSeconds(SoakProfile.VISIBILITY_TIMEOUT_SECONDS));
        send(sqs, schedule.firstWave().stream().map(id -> body(id, typeOf.get(id))).toList());
        WorkerFleet.Drained drained = fleet.drain();
        send(sqs, schedule.lateWave().stream().map(id -> body(id, typeOf.get(id))).toList());
        drained = plus(drained, fleet.drain());
        if (schedule.redriveDlq()) {
            send(sqs, takeAll(sqs, sqs.dlqUrl()).stream().map(Message::body).toList());
            drained = plus(drained, fleet.drain());
        }
        acumatica.faults().clear();
        chargebee.faults().clear();

        List<Message> dlq = takeAll(sqs, sqs.dlqUrl());
        Set<String> dlqEventIds = dlq.stream().map(m -> eventIdOf(m.body())).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>(LedgerInvariants.check(ChargebeeBooks.of(chargebee),
                AcumaticaBooks.of(acumatica), audit::forEvent, dlqEventIds));
        String scenario = history.stories() + ", " + history.renames() + " renames, " + history.events()
                + " events; " + schedule + "; " + faults;
        List<String> dlqReasons = dlq.stream().map(m -> eventIdOf(m.body()) + " " + typeOf.get(eventIdOf(m.body()))
                + ": " + (m.messageAttributes().containsKey("held_reason")
                ? m.messageAttributes().get("held_reason").stringValue() : "(receive count exceeded)")).toList();
        return new SeedResult(seed, workers, violations, scenario, kills.fired(), drained, dlqReasons,
                acumatica.requests().size(), chargebee.requests().size(), AcumaticaBooks.of(acumatica).posted(),
                ChargebeeBooks.of(chargebee).documents(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static WorkerFleet.Drained plus(WorkerFleet.Drained a, WorkerFleet.Drained b) {
        return new WorkerFleet.Drained(a.invocations() + b.invocations(), a.killed() + b.killed(),
                a.crashed() + b.crashed(), a.failuresReported() + b.failuresReported(),
                a.reappearances() + b.reappearances());
    }

    private static String body(String eventId, String eventType) {
        try {
            return JSON.writeValueAsString(QueuedEvent.chargebeeEvent(eventId, eventType, java.time.Instant.now(),
                    QueuedEvent.FROM_WEBHOOK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eventIdOf(String body) {
        try {
            JsonNode queued = JSON.readTree(body);
            return queued.path("event_id").asText();
        } catch (IOException e) {
            return body;
        }
    }

    private static void send(ElasticMq sqs, List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
            }
            sqs.client().sendMessageBatch(b -> b.queueUrl(sqs.queueUrl()).entries(entries));
        }
    }

    /** Receives and deletes every message of a queue. */
    private static List<Message> takeAll(ElasticMq sqs, String url) {
        List<Message> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            List<Message> batch = sqs.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (Message message : batch) {
                if (seen.add(message.messageId())) {
                    all.add(message);
                }
                sqs.client().deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
