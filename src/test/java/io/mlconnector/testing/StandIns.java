package io.mlconnector.testing;

/**
 * The stand-ins one test JVM shares across Quarkus restarts (each handler profile restarts the application): ElasticMQ
 * for SQS and dynalite for DynamoDB. Each starts on first use (the store contract tests need dynalite only), and both
 * stop when the JVM exits; tests reset them.
 */
public final class StandIns {
    /** Low enough that a poison message reaches the DLQ quickly in tests; template.yaml defaults to 5. */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** Seconds a received message stays invisible; short so tests see redelivery quickly. */
    public static final int VISIBILITY_TIMEOUT_SECONDS = 1;

    private static StandIns shared;

    private ElasticMq sqs;
    private Dynalite dynamo;

    private StandIns() {}

    /** Test infrastructure only: one set per JVM, like a Testcontainers singleton. */
    public static synchronized StandIns shared() {
        if (shared == null) {
            StandIns standIns = new StandIns();
            Runtime.getRuntime().addShutdownHook(new Thread(standIns::stop));
            shared = standIns;
        }
        return shared;
    }

    public synchronized ElasticMq sqs() {
        if (sqs == null) {
            sqs = ElasticMq.start(MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_SECONDS);
        }
        return sqs;
    }

    public synchronized Dynalite dynamo() {
        if (dynamo == null) {
            dynamo = Dynalite.start();
        }
        return dynamo;
    }

    public void reset() {
        sqs().purge();
        dynamo().reset();
    }

    private synchronized void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
