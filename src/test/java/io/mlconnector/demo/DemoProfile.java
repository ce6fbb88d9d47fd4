package io.mlconnector.demo;

import io.mlconnector.lambda.HandlerProfiles;
import java.util.HashMap;
import java.util.Map;

/** The worker profile, quieter: the demo prints its own report. */
public class DemoProfile extends HandlerProfiles.Worker {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        // The demo shows the pace the default Chargebee budget sets, as the README says.
        config.remove("chargebee.rate-limit.requests");
        config.put("quarkus.log.level", "WARN");
        // The functions' metrics lines (one per webhook and per batch) would come before the report.
        config.put("metrics.enabled", "false");
        // The reconciliation's HTML and CSV next to the demo's page.
        config.put("reports.directory", "target/demo-report");
        config.put("quarkus.log.category.\"org.apache.pekko\".level", "ERROR");
        // Every test run ends with this warning; the demo's last lines are its report.
        config.put("quarkus.log.category.\"io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop\".level", "ERROR");
        return config;
    }
}
