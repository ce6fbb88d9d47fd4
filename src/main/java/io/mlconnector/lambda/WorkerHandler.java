package io.mlconnector.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.support.LogFields;
import io.mlconnector.sync.WorkerBatch;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.MDC;

/** SQS batch → {@link WorkerBatch}; failed message ids go back as partial batch failures. */
@Named("worker")
public class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final WorkerBatch batch;
    private final Clock clock;
    private final WorkerMetrics metrics;

    public WorkerHandler(WorkerBatch batch, Clock clock, WorkerMetrics metrics) {
        this.batch = batch;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            LogFields.put(LogFields.AWS_REQUEST_ID, context == null ? null : context.getAwsRequestId());
            List<WorkerBatch.Message> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                    .map(record -> new WorkerBatch.Message(record.getMessageId(), record.getBody(),
                            record.getReceiptHandle(), receiveCount(record), parkedFor(record))).toList();
            Optional<Instant> invocationEnds = context == null || context.getRemainingTimeInMillis() <= 0
                    ? Optional.empty() : Optional.of(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
            List<SQSBatchResponse.BatchItemFailure> failures = batch.process(messages, invocationEnds).stream()
                    .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList();
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        } finally {
            metrics.record(context == null ? null : context.getFunctionName()); // once per batch
            MDC.remove(LogFields.AWS_REQUEST_ID);
        }
    }

    /** The held document a message was parked for, when it is a DLQ message moved back (a redrive or a retry). */
    private static String parkedFor(SQSEvent.SQSMessage record) {
        SQSEvent.MessageAttribute document = record.getMessageAttributes() == null ? null
                : record.getMessageAttributes().get(EventQueue.DOCUMENT);
        return document == null ? null : document.getStringValue();
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        try {
            return record.getAttributes() == null ? 1
                    : Integer.parseInt(record.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
