package io.mlconnector.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS stand-in: ElasticMQ embedded in the test JVM, with the connector's queue and its DLQ wired by a redrive policy
 * like template.yaml's (same maxReceiveCount semantics; StartMessageMoveTask works).
 */
public final class ElasticMq implements AutoCloseable {
    public static final String QUEUE = "connector-events";
    public static final String DLQ = "connector-events-dlq";

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;
    private final String queueUrl;
    private final String dlqUrl;

    private ElasticMq(SQSRestServer server, int port, int maxReceiveCount, int visibilityTimeoutSeconds) {
        this.server = server;
        this.port = port;
        this.client = SqsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.dlqUrl = client.createQueue(q -> q.queueName(DLQ)).queueUrl();
        String dlqArn = client.getQueueAttributes(a -> a.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.queueUrl = client.createQueue(q -> q.queueName(QUEUE).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"" + maxReceiveCount + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")))
                .queueUrl();
    }

    public static ElasticMq start(int maxReceiveCount, int visibilityTimeoutSeconds) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, port, maxReceiveCount, visibilityTimeoutSeconds);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public SqsClient client() {
        return client;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String dlqUrl() {
        return dlqUrl;
    }

    public String arn(String queueUrl) {
        return client.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Receives up to ten messages, waiting briefly; they stay in flight for the queue's visibility timeout. */
    public List<Message> receive(String url, int waitSeconds) {
        return client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageAttributeNames("All").attributeNamesWithStrings("All")).messages();
    }

    /** Empties both queues between tests. */
    public void purge() {
        client.purgeQueue(p -> p.queueUrl(queueUrl));
        client.purgeQueue(p -> p.queueUrl(dlqUrl));
    }

    public int approximateCount(String url) {
        Map<String, String> attributes = client.getQueueAttributes(a -> a.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
