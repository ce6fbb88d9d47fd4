package io.mlconnector.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Points the application at the shared stand-ins and sandboxes; the REST-client and AWS endpoints come from here. */
public class StandInsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        StandIns standIns = StandIns.shared();
        // The plain-SDK SQS client uses the default credential chain, as in Lambda; give it dummy keys.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.dynamodb.endpoint-override", standIns.dynamo().endpoint());
        config.put("quarkus.dynamodb.aws.region", "us-east-1");
        config.put("quarkus.dynamodb.aws.credentials.type", "static");
        config.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "test");
        config.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "test");
        config.put("connector.sqs-endpoint", standIns.sqs().endpoint());
        config.put("connector.region", "us-east-1");
        config.put("connector.queue-url", standIns.sqs().queueUrl());
        config.put("connector.dlq-url", standIns.sqs().dlqUrl());
        config.put("store.table", Dynalite.TABLE);
        config.putAll(Sandboxes.shared().config());
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by a shutdown hook.
    }
}
