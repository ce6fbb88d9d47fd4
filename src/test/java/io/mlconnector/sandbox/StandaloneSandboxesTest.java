package io.mlconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented commands of the sandbox README, run as separate processes, serve what they were given. */
class StandaloneSandboxesTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void chargebeeSandboxMain_shouldServeTheFilesOfItsDataDirectory_andLogEachRequestToAFile(@TempDir Path data,
            @TempDir Path logs) throws Exception {
        Files.writeString(data.resolve("customers.json"), """
                {"list":[{"customer":{"id":"cust_standalone","first_name":"Grace","email":"grace@example.com",
                 "object":"customer","created_at":1790000000,"updated_at":1790000000,"resource_version":1790000000000,
                 "deleted":false,"preferred_currency_code":"EUR"}}]}
                """);
        int port = freePort();

        Process sandbox = start("io.mlconnector.sandbox.chargebee.ChargebeeSandboxMain", "--port", Integer.toString(port),
                "--data", data.toString(), "--site", "acme-test", "--api-key", "standalone_key",
                "--request-log", logs.resolve("chargebee.jsonl").toString());
        try {
            assertThat(firstLine(sandbox)).contains("http://127.0.0.1:" + port + "/api/v2");
            HttpResponse<String> response = get("http://127.0.0.1:" + port + "/api/v2/customers?limit=10",
                    "Basic " + Base64.getEncoder().encodeToString("standalone_key:".getBytes(StandardCharsets.UTF_8)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"cust_standalone\"", "grace@example.com");
            assertThat(get("http://127.0.0.1:" + port + "/api/v2/customers", null).statusCode()).isEqualTo(401);
            assertThat(Files.readAllLines(logs.resolve("chargebee.jsonl"))).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("\"path\":\"/api/v2/customers\""))
                    .noneSatisfy(line -> assertThat(line).contains("standalone_key"));
        } finally {
            stop(sandbox);
        }
    }

    @Test
    void acumaticaSandboxMain_shouldPublishItsEndpointUnderTheInstancePath_andLogEachRequestToAFile(
            @TempDir Path logs) throws Exception {
        int port = freePort();

        Process sandbox = start("io.mlconnector.sandbox.acumatica.AcumaticaSandboxMain", "--port", Integer.toString(port),
                "--instance", "/AcumaticaERP", "--request-log", logs.resolve("acumatica.jsonl").toString());
        try {
            assertThat(firstLine(sandbox)).contains("http://127.0.0.1:" + port + "/AcumaticaERP");
            HttpResponse<String> response = get("http://127.0.0.1:" + port + "/AcumaticaERP/entity", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"Default\"", "\"24.200.001\"");
            assertThat(Files.readAllLines(logs.resolve("acumatica.jsonl"))).singleElement().asString()
                    .contains("\"path\":\"/AcumaticaERP/entity\"", "\"status\":200");
        } finally {
            stop(sandbox);
        }
    }

    private Process start(String mainClass, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The first line the sandbox prints names its base URL once it is listening. */
    private static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.contains("http://")) {
            line = out.readLine();
        }
        return String.valueOf(line);
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
