package io.mlconnector.sandbox.chargebee;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link ChargebeeSandbox} on its own, e.g. for the demo or a manual trial.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:$(cat target/cp.txt) io.mlconnector.sandbox.chargebee.ChargebeeSandboxMain \
 *      --port 8089 --data src/test/resources/chargebee/demo-cycle [--site acme-test] [--api-key test_key]
 * </pre>
 *
 * Prints the base URL ({@code http://127.0.0.1:8089/api/v2}) and serves until the process is stopped. Call it with
 * {@code curl -u test_key: http://127.0.0.1:8089/api/v2/invoices?limit=2}. Without {@code --api-key} the key is
 * {@value ChargebeeSandboxOptions#DEFAULT_API_KEY}.
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
            System.err.println("usage: ChargebeeSandboxMain --port N --data DIR [--site S] [--api-key K]");
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
