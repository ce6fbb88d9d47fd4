package io.mlconnector.sandbox.chargebee;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link ChargebeeSandbox} on its own, e.g. for the demo or a manual trial. From the repository root:
 *
 * <pre>
 * infra/sandbox.sh chargebee --port 8089 --data src/test/resources/chargebee/demo-cycle \
 *      [--site acme-test] [--api-key test_key] [--request-log target/chargebee-requests.jsonl]
 * </pre>
 *
 * ({@code infra/sandbox.sh} compiles the test classes and runs this class with Maven's {@code exec:java} on the
 * test class path.) Prints the base URL ({@code http://127.0.0.1:8089/api/v2}) and the API key it accepts, then
 * serves until the process is stopped (Ctrl+C). Call it with
 * {@code curl -u test_key: http://127.0.0.1:8089/api/v2/invoices?limit=2}. Without {@code --api-key} the key is
 * {@value ChargebeeSandboxOptions#DEFAULT_API_KEY}. With {@code --request-log FILE} every request is appended to
 * {@code FILE} as one JSON line ({@link io.mlconnector.sandbox.RequestLogFile}).
 */
public final class ChargebeeSandboxMain {

    private ChargebeeSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first HttpServer: without TCP_NODELAY each answer waits on a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ChargebeeSandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ChargebeeSandboxMain --port N --data DIR [--site S] [--api-key K]"
                    + " [--request-log FILE]");
            System.exit(2);
            return;
        }
        ChargebeeSandbox sandbox = ChargebeeSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "chargebee-sandbox-shutdown"));
        System.out.println("Chargebee sandbox for site '" + sandbox.siteName() + "' listening at " + sandbox.baseUrl());
        // The sandbox's own throwaway key, printed so a user can configure the connector.
        System.out.println("  API key         " + options.apiKey() + "   (HTTP Basic user name, empty password)");
        if (options.requestLog() != null) {
            System.out.println("  request log     " + options.requestLog().toAbsolutePath()
                    + "   (one JSON line a request)");
        }
        System.out.println("  try             curl -u " + options.apiKey() + ": \"" + sandbox.baseUrl()
                + "/invoices?limit=2\"");
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    static ChargebeeSandboxOptions parse(String[] args) {
        ChargebeeSandboxOptions options = ChargebeeSandboxOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            options = switch (flag) {
                case "--port" -> options.withPort(parsePort(value));
                case "--data" -> options.withDataDirectory(Path.of(value));
                case "--site" -> options.withSiteName(value);
                case "--api-key" -> options.withApiKey(value);
                case "--request-log" -> options.withRequestLog(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        }
        return options;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got " + value);
        }
    }
}
