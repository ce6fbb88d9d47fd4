package io.mlconnector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.lambda.command.PollerCommand;
import io.mlconnector.lambda.command.PollerCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * infra/connector.sh with a fake {@code aws} on PATH that records its arguments: the payload each subcommand sends
 * (and that the poller decodes it as a command), the function it finds, the retry settings, the exit status.
 */
class ConnectorScriptTest {
    private static final Path SCRIPT = Path.of("infra/connector.sh");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAKE_AWS = """
            #!/usr/bin/env bash
            n=$(ls "$FAKE_AWS_DIR"/call.* 2>/dev/null | wc -l)
            printf '%s\\n' "$@" > "$FAKE_AWS_DIR/call.$n"
            env | grep '^AWS_' > "$FAKE_AWS_DIR/env.$n"
            for arg in "$@"; do last=$arg; done
            case " $* " in
              *" describe-stack-resource "*) echo "ml-connector-PollerFunction-AbC123" ;;
              *" lambda invoke "*) cat "$FAKE_AWS_DIR/answer.json" > "$last"; echo None ;;
            esac
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, List<List<String>> calls) {}

    @BeforeEach
    void fakeAws() throws IOException {
        Path aws = dir.resolve("aws");
        Files.writeString(aws, FAKE_AWS);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("answer.json"), "{\"ok\":true}");
    }

    @Test
    void script_shouldBeValidBash() throws Exception {
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "ping | {\"ping\":true}",
            "preflight | {\"preflight\":true}",
            "backfill 2024-01-01T00:00:00Z 2025-01-01T00:00:00Z"
                    + " | {\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\"}}",
            "backfill 2024-01-01T00:00:00Z 2025-01-01T00:00:00Z --window-days 7 --types invoice,credit_note"
                    + " | {\"backfill\":{\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\","
                    + "\"window_days\":7,\"types\":[\"invoice\",\"credit_note\"]}}",
            "summary 2026-05 | {\"gl_summary\":{\"period\":\"2026-05\"}}",
            "summary previous --unless-posted | {\"gl_summary\":{\"period\":\"previous\",\"unless_posted\":true}}",
            "reconcile current | {\"reconcile\":{\"period\":\"current\"}}",
            "held list | {\"held\":{\"list\":{}}}",
            "held list --reason `account 4000` --limit 10"
                    + " | {\"held\":{\"list\":{\"reason\":\"account 4000\",\"limit\":10}}}",
            "held retry invoice inv_1 | {\"held\":{\"retry\":{\"type\":\"invoice\",\"id\":\"inv_1\"}}}",
            "held retry-all `account 4000` | {\"held\":{\"retry_all\":{\"reason\":\"account 4000\"}}}",
            "held skip transaction txn_1 `test \"payment\"` --by ana@example.com"
                    + " | {\"held\":{\"skip\":{\"type\":\"transaction\",\"id\":\"txn_1\","
                    + "\"reason\":\"test \\\"payment\\\"\",\"by\":\"ana@example.com\"}}}",
            "dry-run ev_123 | {\"dry_run\":{\"event_id\":\"ev_123\"}}",
            "dry-run --period 2026-05 --limit 20 | {\"dry_run\":{\"period\":\"2026-05\",\"limit\":20}}"})
    void subcommand_shouldInvokeThePollerAliasWithItsPayload(String arguments, String payload) throws Exception {
        Run run = run(words(arguments));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.calls()).hasSize(2);
        assertThat(run.calls().get(0)).containsSubsequence("--region", "eu-west-1", "cloudformation",
                "describe-stack-resource", "--stack-name", "ml-connector", "--logical-resource-id", "PollerFunction");
        List<String> invoke = run.calls().get(1);
        assertThat(invoke).containsSubsequence("lambda", "invoke", "--function-name",
                "ml-connector-PollerFunction-AbC123", "--qualifier", "live", "--cli-binary-format",
                "raw-in-base64-out");
        String sent = invoke.get(invoke.indexOf("--payload") + 1);
        assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(payload));
        PollerCommand command = new PollerCommands(JSON).decode(JSON.readValue(sent,
                new TypeReference<Map<String, Object>>() {}));
        assertThat(command).isNotInstanceOf(PollerCommand.Poll.class);
        assertThat(Files.readAllLines(dir.resolve("env.1"))).contains("AWS_RETRY_MODE=adaptive",
                "AWS_MAX_ATTEMPTS=10");
        assertThat(run.out()).contains("\"ok\": true");
    }

    @Test
    void anAnswerWithAnError_shouldBePrinted_andExitTwo() throws Exception {
        Files.writeString(dir.resolve("answer.json"), "{\"error\":\"held is not available in this build\"}");

        Run run = run(List.of("held", "list"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("held is not available in this build");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pong", "held skip invoice inv_1 dup", "held skip invoice inv_1 dup --who ana", "backfill 2024",
            "dry-run --period 2026-05 --limit all", "reconcile", "held requeue"})
    void wrongArguments_shouldExitOne_withoutInvokingAnything(String arguments) throws Exception {
        Run run = run(words(arguments));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("connector: ");
        assertThat(run.calls()).isEmpty();
    }

    /** Splits on spaces outside backquotes, as a shell would split the test's command lines. */
    private static List<String> words(String arguments) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : arguments.toCharArray()) {
            if (c == '`') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private Run run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--stack", "ml-connector",
                "--region", "eu-west-1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_DIR", dir.toString());
        builder.environment().remove("AWS_RETRY_MODE");
        builder.environment().remove("AWS_MAX_ATTEMPTS");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<List<String>> calls = new ArrayList<>();
        for (int n = 0; Files.exists(dir.resolve("call." + n)); n++) {
            calls.add(Files.readAllLines(dir.resolve("call." + n)));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), calls);
    }
}
