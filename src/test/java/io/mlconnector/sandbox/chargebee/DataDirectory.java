package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a sandbox data directory: one file per resource ({@code customers.json}, {@code invoices.json},
 * {@code credit_notes.json}, {@code transactions.json}, optional {@code events.json}), each in Chargebee's list
 * response format {@code {"list":[{"invoice":{...}}, ...]}}, so a real API response can be dropped in unchanged.
 */
final class DataDirectory {

    private final ObjectMapper mapper;

    DataDirectory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Path fileFor(Path directory, ResourceType type) {
        return directory.resolve(type.pathSegment() + ".json");
    }

    /**
     * Loads every file present into {@code store}; a missing resource file means "none of those". Without
     * {@code events.json} the events are derived from the resources ({@link EventDeriver}).
     */
    void loadInto(Path directory, SandboxStore store) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Not a directory: " + directory);
        }
        Map<ResourceType, List<ObjectNode>> loaded = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            Path file = fileFor(directory, type);
            if (Files.isRegularFile(file)) {
                List<ObjectNode> resources = read(file, type);
                resources.forEach(resource -> store.put(type, resource));
                loaded.put(type, resources);
            }
        }
        if (!loaded.containsKey(ResourceType.EVENT)) {
            EventDeriver.deriveInto(store, loaded);
        }
    }

    List<ObjectNode> read(Path file, ResourceType type) {
        try {
            JsonNode root = mapper.readTree(file.toFile());
            JsonNode list = root.path("list");
            if (!list.isArray()) {
                throw new IllegalArgumentException(file + ": expected {\"list\":[...]}");
            }
            List<ObjectNode> resources = new ArrayList<>();
            for (JsonNode entry : list) {
                JsonNode resource = entry.get(type.objectName());
                if (!(resource instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + ": every entry must be {\"" + type.objectName()
                            + "\":{...}}");
                }
                resources.add(object);
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    void write(Path directory, ResourceType type, List<ObjectNode> resources) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("list");
        resources.forEach(resource -> list.addObject().set(type.objectName(), resource));
        try {
            Files.createDirectories(directory);
            mapper.writerWithDefaultPrettyPrinter().writeValue(fileFor(directory, type).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + fileFor(directory, type), e);
        }
    }
}
