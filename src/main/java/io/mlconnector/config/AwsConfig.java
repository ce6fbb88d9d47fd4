package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The AWS resources the functions use; SAM passes them as environment variables. */
@ConfigMapping(prefix = "connector")
public interface AwsConfig {

    /** URL of the SQS queue between ingest/poller and the worker. */
    String queueUrl();

    /** URL of the dead-letter queue where held documents are parked until replay. */
    String dlqUrl();

    /** SQS endpoint override (ElasticMQ in tests); the regional endpoint when empty. */
    Optional<String> sqsEndpoint();

    /** AWS region for the SQS client; the Lambda's region when empty. */
    Optional<String> region();
}
