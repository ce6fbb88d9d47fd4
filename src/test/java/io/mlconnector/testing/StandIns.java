package io.mlconnector.testing;

/**
 * The stand-ins one test JVM shares across Quarkus restarts (each handler profile restarts the application): ElasticMQ
 * for SQS and dynalite for DynamoDB. Started on first use, stopped when the JVM exits; tests reset them.
 */
public final class StandIns {
    /** Low enough that a poison message reaches the DLQ quickly in tests; template.yaml defaults to 5. */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** Seconds a received message stays invisible; short so tests see redelivery quickly. */
    public static final int VISIBILITY_TIMEOUT_SECONDS = 1;

    private static StandIns shared;

    private final ElasticMq sqs;
    private final Dynalite dynamo;

    private StandIns(ElasticMq sqs, Dynalite dynamo) {
        this.sqs = sqs;
        this.dynamo = dynamo;
    }

    /** Test infrastructure only: one set per JVM, like a Testcontainers singleton. */
    public static synchronized StandIns shared() {
        if (shared == null) {
            StandIns started = new StandIns(ElasticMq.start(MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_SECONDS),
                    Dynalite.start());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            shared = started;
        }
        return shared;
    }

    public ElasticMq sqs() {
        return sqs;
    }

    public Dynalite dynamo() {
        return dynamo;
    }

    public void reset() {
        sqs.purge();
        dynamo.reset();
    }

    private void stop() {
        sqs.close();
        dynamo.close();
    }
}
