package io.mlconnector.soak;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.mlconnector.lambda.WorkerHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * Lambda's SQS event source mapping with ReportBatchItemFailures, run against ElasticMQ by up to {@code workers}
 * concurrent invocations of the real {@link WorkerHandler} bean, each on a fresh thread as a fresh container would.
 * Messages an invocation reports as failed, or all of a killed invocation's batch, stay in flight until the
 * (virtual) visibility timeout; when nothing is visible and no invocation runs, the clock jumps to the next
 * reappearance instead of waiting for it. Receive counts and the move to the DLQ are ElasticMQ's own.
 */
public final class WorkerFleet {
    /** What one drain did. */
    public record Drained(int invocations, int killed, int crashed, int failuresReported, int reappearances) {}

    private record InFlight(String receiptHandle, Instant visibleAt) {}

    private record Finished(List<Message> batch, Set<String> failed, boolean killed, Throwable crash) {}

    /** The real receive timeout: long enough that only the harness makes a message visible again. */
    private static final int REAL_VISIBILITY_SECONDS = 600;
    private static final Duration REAL_TIME_LIMIT = Duration.ofSeconds(90);
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();

    private final SqsClient sqs;
    private final String queueUrl;
    private final WorkerHandler worker;
    private final VirtualClock clock;
    private final int workers;
    private final int batchSize;
    private final Duration visibilityTimeout;

    public WorkerFleet(SqsClient sqs, String queueUrl, WorkerHandler worker, VirtualClock clock, int workers,
                       int batchSize, Duration visibilityTimeout) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.worker = worker;
        this.clock = clock;
        this.workers = workers;
        this.batchSize = batchSize;
        this.visibilityTimeout = visibilityTimeout;
    }

    /** Runs until the queue is empty with nothing in flight; throws if that takes more than 90 s of real time. */
    public Drained drain() {
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        List<InFlight> inFlight = new ArrayList<>();
        long giveUp = System.nanoTime() + REAL_TIME_LIMIT.toNanos();
        int running = 0;
        int invocations = 0;
        int killed = 0;
        int crashed = 0;
        int failures = 0;
        int reappearances = 0;
        while (true) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the queue did not settle within " + REAL_TIME_LIMIT.toSeconds() + " s");
            }
            boolean queueEmpty = false;
            while (running < workers) {
                List<Message> batch = receive();
                if (batch.isEmpty()) {
                    queueEmpty = true;
                    break;
                }
                start(batch, finished);
                running++;
                invocations++;
            }
            if (running == 0 && queueEmpty) {
                if (inFlight.isEmpty()) {
                    return new Drained(invocations, killed, crashed, failures, reappearances);
                }
                reappearances += reappear(inFlight);
                continue;
            }
            Finished done = next(finished);
            running--;
            Instant comesBack = clock.instant().plus(visibilityTimeout);
            for (Message message : done.batch()) {
                if (done.killed() || done.crash() != null || done.failed().contains(message.messageId())) {
                    inFlight.add(new InFlight(message.receiptHandle(), comesBack));
                } else {
                    sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
            killed += done.killed() ? 1 : 0;
            crashed += done.crash() != null ? 1 : 0;
            failures += done.failed().size();
        }
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize).waitTimeSeconds(0)
                .visibilityTimeout(REAL_VISIBILITY_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /** Moves the clock to the earliest reappearance and makes every message due by then visible again. */
    private int reappear(List<InFlight> inFlight) {
        Instant earliest = inFlight.stream().map(InFlight::visibleAt).min(Instant::compareTo).orElseThrow();
        clock.advance(Duration.between(clock.instant(), earliest));
        Instant now = clock.instant();
        List<InFlight> due = inFlight.stream().filter(m -> !m.visibleAt().isAfter(now)).toList();
        for (InFlight message : due) {
            try {
                sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } catch (ReceiptHandleIsInvalidException cameBackAlready) {
                // The worker shortened its visibility (a busy document) and it was received again: nothing to do.
            }
        }
        inFlight.removeAll(due);
        return due.size();
    }

    private void start(List<Message> batch, BlockingQueue<Finished> finished) {
        SQSEvent event = event(batch);
        String requestId = "soak-" + INVOCATIONS.incrementAndGet();
        Thread invocation = new Thread(() -> {
            try {
                SQSBatchResponse response = worker.handleRequest(event, context(requestId));
                finished.add(new Finished(batch, response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet()),
                        false, null));
            } catch (WorkerKilled killed) {
                finished.add(new Finished(batch, Set.of(), true, null));
            } catch (Throwable crash) {
                finished.add(new Finished(batch, Set.of(), false, crash));
            }
        }, requestId);
        invocation.setDaemon(true);
        invocation.start();
    }

    private static Finished next(BlockingQueue<Finished> finished) {
        try {
            Finished done = finished.poll(REAL_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (done == null) {
                throw new IllegalStateException("an invocation ran longer than " + REAL_TIME_LIMIT.toSeconds() + " s");
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:connector-events");
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The Lambda context of an invocation that has the whole worker timeout ahead of it. */
    private static Context context(String requestId) {
        int remaining = SoakProfile.WORKER_TIMEOUT_SECONDS * 1000;
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> remaining;
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "connector-worker";
                    default -> null;
                });
    }
}
