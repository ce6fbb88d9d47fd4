package io.mlconnector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AWS SAM's published JSON schema (draft-04), vendored under {@code src/test/resources/sam} (Apache-2.0, with its
 * licence and origin) and used fully offline.
 *
 * <p>The schema's {@code $ref}s are all local ({@code #/definitions/...}) and the draft-04 meta-schema ships inside
 * the validator jar, so nothing needs the network. To keep it that way, a first schema loader refuses every
 * http(s) IRI: if a future schema version referenced a remote document, the test would fail loudly here instead
 * of hanging on, or silently depending on, a download.
 */
public final class SamSchema {

    private final JsonSchema schema;

    private SamSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** Classpath location of the vendored copy. */
    public static final String BUNDLED = "/sam/sam.schema.json";

    /** Set this system property to a file path to validate against another copy of the schema. */
    public static final String LOCATION_PROPERTY = "sam.schema";

    /** The vendored copy, or the file the {@value #LOCATION_PROPERTY} system property names. */
    public static SamSchema load() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override);
            try (InputStream in = Files.newInputStream(file)) {
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SAM schema " + file.toAbsolutePath(), e);
            }
        }
        try (InputStream in = SamSchema.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("SAM schema not on the test class path at " + BUNDLED);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SAM schema " + BUNDLED, e);
        }
    }

    private static SamSchema load(InputStream in) {
        // SAM's schema carries documentation keywords of its own; declaring them keeps the validator from
        // warning about unknown keywords on every load. They do not constrain anything.
        JsonMetaSchema draft04WithSamKeywords = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("__samPassThrough"))
                .keyword(new NonValidationKeyword("markdownDescription"))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(draft04WithSamKeywords)
                        .schemaLoaders(loaders -> loaders.add(SamSchema::refuseRemote)));
        return new SamSchema(factory.getSchema(in));
    }

    private static InputStreamSource refuseRemote(AbsoluteIri iri) {
        String scheme = iri.getScheme();
        if ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) {
            return () -> {
                throw new IOException("offline validation: refusing to fetch " + iri);
            };
        }
        return null; // not ours: let the validator's own (classpath) loaders answer
    }

    /** Validation errors, sorted by location for readable failure output; empty when the template is valid. */
    public List<ValidationMessage> validate(JsonNode template) {
        return schema.validate(template).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> String.valueOf(m.getInstanceLocation()))
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
    }

    /**
     * A readable digest of validation errors. The schema describes resources (and event sources) as an
     * {@code anyOf} of every type, so one mistake is reported once per non-matching branch, next to complaints
     * that only concern the other branches. The culprit is the deepest message repeated by the most branches (no
     * branch accepts it), so messages are ranked by depth, then by how many branches repeat them.
     */
    public static String describe(List<ValidationMessage> errors, int limit) {
        Map<String, Long> repeats = errors.stream()
                .collect(Collectors.groupingBy(ValidationMessage::getMessage, Collectors.counting()));
        Map<String, Integer> depths = errors.stream()
                .collect(Collectors.toMap(ValidationMessage::getMessage, SamSchema::depth, Math::max));
        List<String> ranked = repeats.keySet().stream()
                .sorted(Comparator.comparing((String message) -> depths.get(message)).reversed()
                        .thenComparing(Comparator.comparing((String message) -> repeats.get(message)).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
        return errors.size() + " schema error(s), " + repeats.size() + " distinct; most telling first:"
                + System.lineSeparator() + String.join(System.lineSeparator(), ranked);
    }

    private static int depth(ValidationMessage message) {
        return String.valueOf(message.getInstanceLocation()).split("\\.").length;
    }
}
