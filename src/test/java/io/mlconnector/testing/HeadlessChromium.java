package io.mlconnector.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for tests that check what a browser makes of a page: {@link #dumpDom} loads a local
 * file and returns the DOM as Chromium built it ({@code --dump-dom}). Looks at {@code $CHROMIUM}, then
 * {@code /usr/bin/chromium}. Each run gets its own new profile directory (deleted afterwards) and no network features,
 * so nothing is shared between runs or fetched from outside.
 */
public final class HeadlessChromium {
    private static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, if one is installed where this looks. */
    public static Optional<HeadlessChromium> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Optional.of(new HeadlessChromium(Path.of(configured)));
        }
        return Files.isExecutable(DEBIAN) ? Optional.of(new HeadlessChromium(DEBIAN)) : Optional.empty();
    }

    /** The serialized DOM of a local HTML file once Chromium has loaded it. */
    public String dumpDom(Path page, Duration timeout) {
        Path profile = null;
        Path errors = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            errors = Files.createTempFile("chromium", ".stderr");
            Process process = new ProcessBuilder(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--dump-dom",
                    page.toAbsolutePath().toUri().toString()))
                    .redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            byte[] dom = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within " + timeout);
            }
            if (process.exitValue() != 0 || dom.length == 0) {
                throw new IllegalStateException("Chromium exited " + process.exitValue() + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).lines().limit(20).toList());
            }
            return new String(dom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(profile);
            deleteQuietly(errors);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
