package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFile;
import io.mlconnector.secrets.CredentialsConfig;
import io.mlconnector.store.ObjectReader;
import io.mlconnector.secrets.LambdaExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the finance team's mapping file comes from, first match wins: an S3 object (deployed functions; any size), an
 * SSM parameter (deployed functions, read through the Parameters and Secrets Lambda extension; 4 KB standard, 8 KB
 * advanced), a file (local runs), or the documented default bundled in the zip. Parsed once and re-read after the
 * cache time, so a fixed mapping is picked up without a redeploy; a broken file is read again at every use.
 */
@ApplicationScoped
public class MappingSource {
    static final String DEFAULT_RESOURCE = "/mapping/default-mapping.yaml";

    private record Loaded(Mapping mapping, Instant at) {}

    private final SyncConfig.Mapping config;
    private final ObjectReader objects;
    private final CredentialsConfig extension;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Loaded loaded;

    public MappingSource(SyncConfig sync, ObjectReader objects, CredentialsConfig extension, ObjectMapper json,
                         Clock clock) {
        this.config = sync.mapping();
        this.objects = objects;
        this.extension = extension;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @throws io.mlconnector.mapping.file.MappingFileException listing every problem with its line
     * @throws MappingUnavailable when the file cannot be read at all
     */
    public Mapping current() {
        Loaded now = loaded;
        if (now == null || now.at().plus(extension.cacheTtl()).isBefore(clock.instant())) {
            now = new Loaded(load(), clock.instant());
            loaded = now;
        }
        return now.mapping();
    }

    /** Where the mapping is read from, as reports and problem lines name it. */
    public String describe() {
        return s3Uri().or(() -> parameter().map(name -> "ssm:" + name))
                .or(() -> file().map(file -> file.getFileName().toString()))
                .orElse("default-mapping.yaml");
    }

    private Mapping load() {
        try {
            return read();
        } catch (ObjectReader.ObjectReadException | UncheckedIOException | IllegalStateException unreadable) {
            throw new MappingUnavailable("the mapping file " + describe() + " cannot be read: "
                    + unreadable.getMessage());
        }
    }

    private Mapping read() {
        if (s3Uri().isPresent()) {
            return MappingFile.parse(objects.readText(s3Uri().get()), describe());
        }
        if (parameter().isPresent()) {
            return MappingFile.parse(fromParameter(parameter().get()), describe());
        }
        if (file().isPresent()) {
            Path file = file().get();
            try {
                return MappingFile.parse(Files.readString(file), describe());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the mapping file " + file, e);
            }
        }
        try (InputStream in = MappingSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return MappingFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), describe());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled default mapping", e);
        }
    }

    private Optional<String> s3Uri() {
        return config.s3Uri().map(String::strip).filter(uri -> !uri.isEmpty());
    }

    private Optional<String> parameter() {
        return config.parameter().map(String::strip).filter(name -> !name.isEmpty());
    }

    private Optional<Path> file() {
        return config.file().map(String::strip).filter(file -> !file.isEmpty()).map(Path::of);
    }

    private String fromParameter(String name) {
        return new LambdaExtension(extension.extensionPort(), json).get("/systemsmanager/parameters/get?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&withDecryption=true", "parameter " + name)
                .path("Parameter").path("Value").asText();
    }
}
