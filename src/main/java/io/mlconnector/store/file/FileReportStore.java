package io.mlconnector.store.file;

import io.mlconnector.store.ReportStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes reports under a local directory (the demo, runs against the sandboxes); the key is the relative path. */
public class FileReportStore implements ReportStore {
    private final Path root;

    public FileReportStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public URI put(String key, String contentType, byte[] content) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Report key " + key + " leaves " + root);
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, content);
            // A reader never sees half a report: the file appears whole.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file.toUri();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write report " + file, e);
        }
    }
}
