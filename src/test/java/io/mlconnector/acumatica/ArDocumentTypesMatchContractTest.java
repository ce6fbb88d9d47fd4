package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.acumatica.AcumaticaContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The enums the connector, its mappers and the Acumatica sandbox decide by name only what the vendored
 * Default/24.200.001 contract publishes: every entity has its schema and its PUT, every action its POST on that
 * entity, every document type and status lives in a field the entity declares (and, should the contract ever list
 * that field's values, is one of them). The contract types {@code Type} and {@code Status} as free strings, so each
 * wire name must also read back as its constant, and anything else must read as nothing.
 */
class ArDocumentTypesMatchContractTest {
    private static final JsonNode CONTRACT = load();

    @Test
    void everyEntity_shouldHaveItsSchemaAndPutInTheContract() {
        for (AcumaticaEntity entity : AcumaticaEntity.values()) {
            assertThat(schema(entity.wireName())).as("schema of %s", entity).isPresent();
            assertThat(CONTRACT.path("paths").path("/" + entity.wireName()).has("put"))
                    .as("PUT /%s in the contract", entity.wireName()).isTrue();
        }
    }

    @Test
    void everyAction_shouldBeOneTheContractPublishesOnItsEntity() {
        for (AcumaticaAction action : AcumaticaAction.values()) {
            String path = "/" + action.entity().wireName() + "/" + action.wireName();
            assertThat(CONTRACT.path("paths").path(path).has("post")).as("POST %s in the contract", path).isTrue();
        }
        for (AcumaticaEntity entity : AcumaticaEntity.values()) {
            entity.releaseAction().ifPresent(release -> assertThat(release.entity()).isEqualTo(entity));
        }
    }

    @Test
    void everyDocumentType_shouldBeAValueOfTheTypeFieldOfTheEntityThatCarriesIt() {
        for (ArDocumentType type : ArDocumentType.values()) {
            String entity = type.entity().wireName();
            assertThat(field(entity, "Type")).as("%s.Type", entity).isPresent();
            allowedValues(entity, "Type").ifPresent(allowed -> assertThat(allowed).contains(type.wireName()));
            assertThat(type.releaseAction().entity()).isEqualTo(type.entity());
        }
    }

    @Test
    void everyStatus_shouldBeAValueOfTheStatusFieldOfTheEntitiesItDescribes() {
        for (ArDocumentStatus status : ArDocumentStatus.values()) {
            assertStatusField(AcumaticaEntity.SALES_INVOICE, status.wireName());
            assertStatusField(AcumaticaEntity.PAYMENT, status.wireName());
        }
        for (CustomerStatus status : CustomerStatus.values()) {
            assertStatusField(AcumaticaEntity.CUSTOMER, status.wireName());
        }
        for (JournalStatus status : JournalStatus.values()) {
            assertStatusField(AcumaticaEntity.JOURNAL_TRANSACTION, status.wireName());
        }
    }

    @Test
    void everyWireName_shouldReadBackAsItsConstant() {
        assertRoundTrip(AcumaticaEntity.values(), AcumaticaEntity::fromWire);
        assertRoundTrip(AcumaticaAction.values(), AcumaticaAction::fromWire);
        assertRoundTrip(ArDocumentType.values(), ArDocumentType::fromWire);
        assertRoundTrip(ArDocumentStatus.values(), ArDocumentStatus::fromWire);
        assertRoundTrip(CustomerStatus.values(), CustomerStatus::fromWire);
        assertRoundTrip(JournalStatus.values(), JournalStatus::fromWire);
    }

    @Test
    void aNameAcumaticaDoesNotSpellThatWay_shouldReadAsNothing() {
        // "Refund" is the type's name on AR302000's code list, "CRM" its internal code, "invoice" a wrong case:
        // none is what the contract-based API sends, so none may be taken for a known type.
        for (String unknown : Arrays.asList("Refund", "CRM", "invoice", "Invoice ", "", null)) {
            assertThat(ArDocumentType.fromWire(unknown)).as("type '%s'", unknown).isEmpty();
        }
        for (String unknown : Arrays.asList("Hold", "open", "Released", "Pending Approval", null)) {
            assertThat(ArDocumentStatus.fromWire(unknown)).as("status '%s'", unknown).isEmpty();
        }
        assertThat(CustomerStatus.fromWire("Deleted")).isEmpty();
        assertThat(JournalStatus.fromWire("Open")).isEmpty();
        assertThat(AcumaticaEntity.fromWire("Invoice")).isEmpty();
        assertThat(AcumaticaAction.fromWire("Release")).isEmpty();
    }

    private static void assertStatusField(AcumaticaEntity entity, String wireName) {
        assertThat(field(entity.wireName(), "Status")).as("%s.Status", entity.wireName()).isPresent();
        allowedValues(entity.wireName(), "Status").ifPresent(allowed -> assertThat(allowed).contains(wireName));
    }

    private static <E extends Enum<E> & WireNamed> void assertRoundTrip(E[] constants,
                                                                        Function<String, Optional<E>> fromWire) {
        assertThat(Stream.of(constants).map(WireNamed::wireName).distinct().count())
                .as("distinct wire names of %s", constants[0].getDeclaringClass().getSimpleName())
                .isEqualTo(constants.length);
        for (E constant : constants) {
            assertThat(fromWire.apply(constant.wireName())).as(constant.wireName()).contains(constant);
        }
    }

    /** An entity's schema: the object part of its {@code allOf} (the other part is the common Entity). */
    private static Optional<JsonNode> schema(String entity) {
        JsonNode schema = CONTRACT.path("components").path("schemas").path(entity);
        if (schema.isMissingNode()) {
            return Optional.empty();
        }
        for (JsonNode part : schema.path("allOf")) {
            if (part.has("properties")) {
                return Optional.of(part);
            }
        }
        return Optional.of(schema);
    }

    /** A field's schema, with a {@code $ref} (e.g. to StringValue) followed. */
    private static Optional<JsonNode> field(String entity, String name) {
        return schema(entity).map(s -> s.path("properties").path(name)).filter(f -> !f.isMissingNode())
                .map(ArDocumentTypesMatchContractTest::resolve);
    }

    /** The values the contract allows in a field, if it lists them (on the field or on its {@code value}). */
    private static Optional<List<String>> allowedValues(String entity, String name) {
        return field(entity, name).flatMap(f -> Stream.of(f, resolve(f.path("properties").path("value")))
                .filter(node -> node.has("enum")).findFirst())
                .map(node -> {
                    List<String> values = new ArrayList<>();
                    node.path("enum").forEach(value -> values.add(value.asText()));
                    return values;
                });
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? CONTRACT.at(ref.substring(1)) : node;
    }

    private static JsonNode load() {
        try (InputStream in = ArDocumentTypesMatchContractTest.class
                .getResourceAsStream(AcumaticaContract.DEFAULT_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
