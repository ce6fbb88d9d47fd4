package io.mlconnector.ingest;

import io.mlconnector.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The plain-SDK SQS client (no Quarkus SQS extension is served), on the URL-connection HTTP client. */
@ApplicationScoped
public class SqsClientProducer {

    @Produces
    @ApplicationScoped
    SqsClient sqsClient(AwsConfig config) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.sqsEndpoint().filter(url -> !url.isBlank()).ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder.build();
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }
}
