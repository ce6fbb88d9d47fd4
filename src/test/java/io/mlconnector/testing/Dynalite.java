package io.mlconnector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DynamoDB stand-in: dynalite (npm, installed by {@code npm ci}) run with node on 127.0.0.1, in memory. It has no
 * transactions, TTL or PartiQL, which the connector does not use.
 */
public final class Dynalite implements AutoCloseable {
    /** Same key schema as the table in template.yaml. */
    public static final String TABLE = "connector";

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Dynalite start() {
        Path cli = projectDir().resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci` in " + projectDir());
        }
        int port = freePort();
        try {
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitPort(port, process);
            Dynalite dynalite = new Dynalite(process, port);
            dynalite.createTable(TABLE);
            return dynalite;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start dynalite with node", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public void createTable(String name) {
        try (DynamoDbClient dynamo = client()) {
            dynamo.createTable(table -> table.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(List.of(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()))
                    .keySchema(List.of(
                            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())));
            awaitTable(dynamo, name, true);
        }
    }

    /** Drops and recreates the table: a clean store between tests. Both steps finish asynchronously in dynalite. */
    public void reset() {
        try (DynamoDbClient dynamo = client()) {
            dynamo.deleteTable(table -> table.tableName(TABLE));
            awaitTable(dynamo, TABLE, false);
        }
        createTable(TABLE);
    }

    /** The SDK's waiters poll every 20 s; dynalite settles in milliseconds. */
    private static void awaitTable(DynamoDbClient dynamo, String name, boolean active) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                TableStatus status = dynamo.describeTable(d -> d.tableName(name)).table().tableStatus();
                if (active && status == TableStatus.ACTIVE) {
                    return;
                }
            } catch (ResourceNotFoundException gone) {
                if (!active) {
                    return;
                }
            }
            sleep();
        }
        throw new IllegalStateException("Table " + name + (active ? " never became active" : " was never deleted"));
    }

    @Override
    public void close() {
        process.destroy();
    }

    static Path projectDir() {
        return Path.of(System.getProperty("user.dir"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPort(int port, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not open port " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
