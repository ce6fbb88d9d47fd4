package io.mlconnector.store.s3;

import io.mlconnector.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The plain-SDK S3 client on the URL-connection HTTP client, like SQS; path-style against an endpoint override. */
@ApplicationScoped
public class S3ClientProducer {

    @Produces
    @ApplicationScoped
    S3Client s3Client(AwsConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.s3Endpoint().filter(url -> !url.isBlank()).ifPresent(url -> builder.endpointOverride(URI.create(url))
                .forcePathStyle(true));
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }
}
