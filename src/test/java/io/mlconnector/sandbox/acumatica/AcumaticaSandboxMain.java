package io.mlconnector.sandbox.acumatica;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Acumatica sandbox on its own, for the demo and for trying the connector by hand. From the repository root:
 *
 * <pre>
 * infra/sandbox.sh acumatica --port 8085 [--instance /AcumaticaERP] [--config my-tenant.json] \
 *      [--api-users N] [--max-concurrent N] [--max-per-minute N] [--request-log target/acumatica-requests.jsonl]
 * </pre>
 *
 * ({@code infra/sandbox.sh} compiles the test classes and runs this class with Maven's {@code exec:java} on the
 * test class path.) Prints the base URL and the (fake, sandbox-only) OAuth client and user it accepts, then serves
 * until stopped (Ctrl+C). With {@code --request-log FILE} every request is appended to {@code FILE} as one JSON line
 * with its entity and action ({@link io.mlconnector.sandbox.RequestLogFile}); no credential is ever written there.
 */
public final class AcumaticaSandboxMain {

    private AcumaticaSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first HttpServer: without TCP_NODELAY each answer waits on a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AcumaticaSandboxOptions.Builder options = AcumaticaSandboxOptions.builder().port(8085);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> options.port(Integer.parseInt(value(args, ++i, arg)));
                case "--config" -> {
                    Path file = Path.of(value(args, ++i, arg));
                    if (!Files.isReadable(file)) {
                        fail("The seed file " + file + " cannot be read.");
                    }
                    options.seedFile(file);
                }
                case "--instance" -> options.instancePath(value(args, ++i, arg));
                case "--api-users" -> options.apiUserLimit(number(value(args, ++i, arg), arg));
                case "--max-concurrent" -> options.maxConcurrentRequests(number(value(args, ++i, arg), arg));
                case "--max-per-minute" -> options.maxRequestsPerMinute(number(value(args, ++i, arg), arg));
                case "--request-log" -> options.requestLog(Path.of(value(args, ++i, arg)));
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> fail("Unknown argument '" + arg + "'.\n" + usage());
            }
        }
        AcumaticaSandbox sandbox = AcumaticaSandbox.start(options.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "acumatica-sandbox-shutdown"));

        AcumaticaSandboxOptions effective = sandbox.options();
        System.out.println("Acumatica sandbox (Default/24.200.001) listening");
        System.out.println("  base URL        " + sandbox.baseUrl());
        System.out.println("  endpoint        " + sandbox.endpointUrl());
        System.out.println("  token endpoint  " + sandbox.tokenUrl());
        // These are the sandbox's own throwaway credentials, printed so a user can configure the connector.
        effective.clients().forEach(c -> System.out.println("  client_id       " + c.clientId()
                + "\n  client_secret   " + c.clientSecret()));
        effective.users().forEach(u -> System.out.println("  username        " + u.username()
                + "\n  password        " + u.password()));
        System.out.println("  scope           api offline_access");
        if (effective.requestLog() != null) {
            System.out.println("  request log     " + effective.requestLog().toAbsolutePath()
                    + "   (one JSON line a request)");
        }
        AcumaticaSandboxOptions.LicenceLimits licence = effective.licence();
        System.out.println("  licence         API users " + limit(licence.apiUsers()) + ", concurrent requests "
                + limit(licence.concurrentRequests()) + ", requests/minute " + limit(licence.requestsPerMinute()));
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail("Missing value after " + option + ".\n" + usage());
        }
        return args[i];
    }

    private static String usage() {
        return "Usage: AcumaticaSandboxMain --port N [--config FILE] [--instance /Path] [--api-users N]"
                + " [--max-concurrent N] [--max-per-minute N] (0 = no limit, the default) [--request-log FILE]";
    }

    private static int number(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("The value of " + option + " must be a whole number >= 0, was '" + text + "'.");
        return 0;
    }

    private static String limit(int value) {
        return value == 0 ? "unlimited" : Integer.toString(value);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
