package io.mlconnector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every Quarkus configuration property the extensions on the class path document, read from their own
 * {@code META-INF/quarkus-config-doc/quarkus-config-model.json}: the independent word on which environment variable
 * names a property and which properties are deprecated (and so log a warning at every cold start).
 */
final class QuarkusConfigModel {
    private static final String RESOURCE = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    /** One documented property; {@code deprecatedSince} is empty for a current one. */
    record Property(String name, String environmentVariable, Optional<String> deprecatedSince) {}

    private final Map<String, Property> byEnvironmentVariable;

    private QuarkusConfigModel(Map<String, Property> byEnvironmentVariable) {
        this.byEnvironmentVariable = byEnvironmentVariable;
    }

    static QuarkusConfigModel fromClassPath() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Property> properties = new HashMap<>();
        try {
            for (URL model : Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Quarkus config models", e);
        }
        return new QuarkusConfigModel(Map.copyOf(properties));
    }

    /** The property a variable such as {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED} sets, if any extension documents it. */
    Optional<Property> forEnvironmentVariable(String variable) {
        return Optional.ofNullable(byEnvironmentVariable.get(variable));
    }

    int size() {
        return byEnvironmentVariable.size();
    }

    /** Walks config roots, sections and items: every object with a {@code path.environmentVariable} is a property. */
    private static void collect(JsonNode node, Map<String, Property> into) {
        if (node.isObject()) {
            JsonNode path = node.path("path");
            if (path.hasNonNull("environmentVariable") && path.hasNonNull("property")) {
                Optional<String> deprecated = node.path("deprecation").isObject()
                        ? Optional.of(node.path("deprecation").path("since").asText("an earlier version"))
                        : Optional.empty();
                Property property = new Property(path.get("property").asText(),
                        path.get("environmentVariable").asText(), deprecated);
                // A property documented twice (once current, once deprecated) is deprecated.
                into.merge(property.environmentVariable(), property,
                        (a, b) -> a.deprecatedSince().isPresent() ? a : b);
            }
        }
        node.forEach(child -> collect(child, into));
    }
}
