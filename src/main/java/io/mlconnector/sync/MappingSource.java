package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFile;
import io.mlconnector.secrets.CredentialsConfig;
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

/**
 * Where the finance team's mapping file comes from: an SSM parameter (deployed functions, read through the Parameters
 * and Secrets Lambda extension), a file (local runs), or the documented default bundled in the zip. Parsed once and
 * re-read after the cache time, so a fixed mapping is picked up without a redeploy.
 */
@ApplicationScoped
public class MappingSource {
    static final String DEFAULT_RESOURCE = "/mapping/default-mapping.yaml";

    private record Loaded(Mapping mapping, Instant at) {}

    private final SyncConfig.Mapping config;
    private final CredentialsConfig extension;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Loaded loaded;

    public MappingSource(SyncConfig sync, CredentialsConfig extension, ObjectMapper json, Clock clock) {
        this.config = sync.mapping();
        this.extension = extension;
        this.json = json;
        this.clock = clock;
    }

    /** @throws io.mlconnector.mapping.file.MappingFileException listing every problem with its line */
    public Mapping current() {
        Loaded now = loaded;
        if (now == null || now.at().plus(extension.cacheTtl()).isBefore(clock.instant())) {
            now = new Loaded(load(), clock.instant());
            loaded = now;
        }
        return now.mapping();
    }

    private Mapping load() {
        if (config.parameter().filter(name -> !name.isBlank()).isPresent()) {
            String name = config.parameter().get();
            return MappingFile.parse(fromParameter(name), "ssm:" + name);
        }
        if (config.file().filter(file -> !file.isBlank()).isPresent()) {
            Path file = Path.of(config.file().get());
            try {
                return MappingFile.parse(Files.readString(file), file.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the mapping file " + file, e);
            }
        }
        try (InputStream in = MappingSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return MappingFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-mapping.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled default mapping", e);
        }
    }

    private String fromParameter(String name) {
        return new LambdaExtension(extension.extensionPort(), json).get("/systemsmanager/parameters/get?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&withDecryption=true", "parameter " + name)
                .path("Parameter").path("Value").asText();
    }
}
