package io.mlconnector.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.store.AuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak, outside the suite: {@code ./mvnw verify -Psoak -Dsoak.seeds=1000} runs seeds 1..N at 2, 4 and 10
 * workers and prints, per worker count, the seeds run and failed, the violations by invariant, and the calls each
 * posted document cost; {@code -Dsoak.seed=K} runs only seed K (to reproduce a failure), {@code -Dsoak.workers=2,4}
 * other worker counts. Fails when any seed fails, after printing them all.
 */
@Tag("soak")
@QuarkusTest
@TestProfile(SoakProfile.class)
class SoakTest {

    @Inject
    WorkerHandler worker;

    @Inject
    AuditLog audit;

    @Inject
    SoakPorts ports;

    @Inject
    SoakTime time;

    @Test
    void everySeed_shouldKeepTheLedgerExact_atEveryWorkerCount() {
        SeedRun run = new SeedRun(worker, audit, ports, time.clock());
        SoakReport report = new SoakReport();
        for (int workers : workerCounts()) {
            for (long seed : seeds()) {
                SeedResult result = run.run(seed, workers);
                report.add(result);
                if (!result.passed()) {
                    System.out.println(result.describe());
                }
            }
        }
        System.out.println(report.render());

        assertThat(report.failures()).as("failing seeds (see the report above)").isEmpty();
    }

    private static long[] seeds() {
        String one = System.getProperty("soak.seed");
        if (one != null && !one.isBlank()) {
            return new long[] {Long.parseLong(one.strip())};
        }
        return LongStream.rangeClosed(1, Long.getLong("soak.seeds", 20)).toArray();
    }

    private static List<Integer> workerCounts() {
        return Arrays.stream(System.getProperty("soak.workers", "2,4,10").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
    }
}
