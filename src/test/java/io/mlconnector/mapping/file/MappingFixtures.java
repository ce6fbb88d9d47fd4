package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads mapping files from the test classpath under the name problems report them by. */
public final class MappingFixtures {
    public static final String DEFAULT_MAPPING = "mapping/default-mapping.yaml";

    private MappingFixtures() {}

    /** Parses {@code src/test/resources/mapping/<name>}, reported as {@code <name>}. */
    public static Mapping parse(String name) {
        return MappingFile.parse(text("mapping/" + name), name);
    }

    static MappingFileException parseFailure(String name) {
        return catchThrowableOfType(MappingFileException.class, () -> parse(name));
    }

    /** The bundled default mapping, as the connector reads it when no file or parameter is set. */
    public static Mapping defaultMapping() {
        return MappingFile.parse(text(DEFAULT_MAPPING), "default-mapping.yaml");
    }

    /**
     * The bundled default mapping with another {@code site.time_zone}, as a Chargebee site in that zone would
     * configure it.
     */
    public static Mapping defaultMappingInTimeZone(String timeZone) {
        String text = text(DEFAULT_MAPPING);
        String setting = "\n  time_zone: UTC ";
        if (!text.contains(setting)) {
            throw new IllegalStateException(DEFAULT_MAPPING + " no longer sets site.time_zone: UTC");
        }
        return MappingFile.parse(text.replace(setting, "\n  time_zone: " + timeZone + " "), "default-mapping.yaml");
    }

    /** A test-classpath resource as text, e.g. {@code mapping/default-mapping.yaml}. */
    public static String text(String resource) {
        try (InputStream in = MappingFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
