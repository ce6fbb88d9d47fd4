package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.oas.OpenApi30;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The official Acumatica contract (OpenAPI 3.0.1, endpoint Default/24.200.001) as an independent judge of JSON bodies.
 *
 * <p>Used two ways: the connector's tests validate the request bodies they send, and the sandbox's tests validate the
 * responses the sandbox returns, so both sides are held to Acumatica's own description rather than to each other.
 *
 * <p>The whole OpenAPI document is registered as one schema resource and each component is addressed by JSON pointer
 * ({@code #/components/schemas/SalesInvoice}); the document's internal {@code $ref}s then resolve against it. The
 * components are draft-04 style, so the OpenAPI 3.0 dialect of the validator (draft-04 plus {@code nullable},
 * {@code discriminator}, ...) is used to avoid "unknown keyword" noise.
 *
 * <p>What the contract can and cannot catch: every entity schema is open ({@code additionalProperties} is not
 * restricted) and declares no {@code required} fields, so unknown fields and missing keys pass. What it does catch is
 * the shape that matters most: a flat value where a value object ({@code {"value": ...}}) is expected, a string where a
 * number is expected, a detail that is not an array, a malformed GUID or date-time. Action invocations are the
 * exception to openness: their schemas ({@code {"entity": ..., "parameters": ...}}) name exactly what an action takes,
 * so a member an action does not declare (such as {@code "parameters"} for {@code ReleasePayment}) is reported too.
 *
 * <p>One deliberate reading of the contract: {@code format: date-time} (every {@code DateTimeValue}) also takes a
 * date-time without an offset, {@code 2026-01-31T00:00:00}, not only RFC 3339's {@code 2026-01-31T00:00:00Z}. The
 * contract's own C# client, generated from this document, serializes an unspecified-kind {@code DateTime} exactly so,
 * and that is how the connector sends document dates (a calendar date no time zone conversion can move). Anything
 * else (a bare date, another layout, an impossible date) is still reported.
 */
public final class AcumaticaContract {

    /** Classpath location of the bundled copy (MIT, see {@code LICENSE} next to it). */
    public static final String DEFAULT_RESOURCE = "/acumatica/contract/Default_24.200.001.json";

    /** Set this system property to a file path to validate against another copy of the contract. */
    public static final String LOCATION_PROPERTY = "acumatica.contract";

    /** A synthetic, never-fetched URI under which the document is registered so that pointers resolve. */
    private static final String DOCUMENT_URI = "https://contract.sandbox.invalid/acumatica/Default_24.200.001.json";

    private static final List<String> OPENAPI_ROOT_MEMBERS = List.of("openapi", "info", "servers", "paths",
            "components", "tags", "security", "externalDocs");

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private AcumaticaContract(String documentText, ObjectMapper mapper) throws IOException {
        this.document = mapper.readTree(documentText);
        // The document root is an OpenAPI object, not a schema: its members are declared as non-validating so the
        // validator neither warns about them nor treats them as constraints.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .keywords(OPENAPI_ROOT_MEMBERS.stream().map(NonValidationKeyword::new).toList())
                .format(new DateTimeValueFormat())
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                // The document is served from memory; the validator never goes to the network.
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, documentText))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(true)
                .build();
    }

    /**
     * Loads the contract from {@value #LOCATION_PROPERTY} if that system property is set, else from the bundled
     * classpath copy. Parsing takes a fraction of a second; share one instance across tests where it matters.
     */
    public static AcumaticaContract load() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            return load(Path.of(override));
        }
        try (InputStream in = AcumaticaContract.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Acumatica contract not found on the classpath at " + DEFAULT_RESOURCE
                        + "; copy it from the Acumatica REST client repository or set -D" + LOCATION_PROPERTY);
            }
            return new AcumaticaContract(new String(in.readAllBytes(), StandardCharsets.UTF_8), new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Acumatica contract from " + DEFAULT_RESOURCE, e);
        }
    }

    /** Loads the contract from a file (an OpenAPI 3.0 document of a Default endpoint). */
    public static AcumaticaContract load(Path file) {
        try {
            return new AcumaticaContract(Files.readString(file, StandardCharsets.UTF_8), new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Acumatica contract from " + file, e);
        }
    }

    /** The parsed OpenAPI document (read-only by convention; do not modify). */
    public JsonNode document() {
        return document;
    }

    /** The endpoint this contract describes, e.g. {@code Default/24.200.001}. */
    public String title() {
        return document.path("info").path("title").asText();
    }

    /** True if {@code #/components/schemas/<name>} exists. */
    public boolean hasSchema(String schemaName) {
        return document.path("components").path("schemas").has(schemaName);
    }

    /** True if the contract publishes a top-level entity (a {@code /<name>} path), e.g. {@code Payment}. */
    public boolean hasTopLevelEntity(String entityName) {
        return document.path("paths").has("/" + entityName);
    }

    /**
     * Validates a JSON body against {@code #/components/schemas/<schemaName>}.
     *
     * @return human-readable violations, each prefixed with the JSON pointer of the offending node; empty if valid
     * @throws IllegalArgumentException if the contract has no such schema (a typo in a test should fail loudly)
     */
    public List<String> validate(String schemaName, JsonNode body) {
        Objects.requireNonNull(body, "body");
        JsonSchema schema = compiled.computeIfAbsent(schemaName, this::compile);
        List<String> problems = new ArrayList<>(schema.validate(body).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList());
        problems.addAll(undeclaredActionMembers(schemaName, body));
        return List.copyOf(problems);
    }

    /**
     * An action's body may carry only what its schema declares: {@code entity}, and {@code parameters} where the
     * action has any. Entity schemas stay open (custom fields, system fields), so this applies to actions only.
     */
    private List<String> undeclaredActionMembers(String schemaName, JsonNode body) {
        JsonNode declared = document.path("components").path("schemas").path(schemaName).path("properties");
        if (!declared.has("entity") || !body.isObject()) {
            return List.of();
        }
        List<String> undeclared = new ArrayList<>();
        body.fieldNames().forEachRemaining(member -> {
            if (!declared.has(member)) {
                undeclared.add("/" + member + ": the action " + schemaName + " declares no member '" + member
                        + "' (it takes " + String.join(", ", iterable(declared.fieldNames())) + ")");
            }
        });
        return undeclared;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private JsonSchema compile(String schemaName) {
        if (!hasSchema(schemaName)) {
            throw new IllegalArgumentException("The contract " + title() + " has no schema named '" + schemaName + "'");
        }
        return factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "#/components/schemas/" + schemaName), config);
    }

    /** {@code date-time} as Acumatica takes it: RFC 3339, or a local date-time without an offset. */
    private static final class DateTimeValueFormat implements Format {
        private static final Format RFC_3339 = new DateTimeFormat();
        private static final Pattern LOCAL = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                + "(\\.[0-9]{1,7})?");

        @Override
        public String getName() {
            return "date-time";
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return RFC_3339.matches(executionContext, value) || isLocalDateTime(value);
        }

        private static boolean isLocalDateTime(String value) {
            if (!LOCAL.matcher(value).matches()) {
                return false;
            }
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException impossible) {
                return false;
            }
        }
    }
}
