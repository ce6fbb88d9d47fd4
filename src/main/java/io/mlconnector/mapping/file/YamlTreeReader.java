package io.mlconnector.mapping.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree with positions, reporting what YAML itself gets wrong: syntax errors,
 * duplicate keys (which YAML parsers silently resolve to one of the values), aliases and extra documents. One instance
 * per parse.
 */
final class YamlTreeReader {
    /** The format nests four levels deep; anything much deeper is a mistake, not a mapping. */
    private static final int MAX_DEPTH = 12;
    private static final String DOCUMENT = "(document)";

    private final Problems problems;
    /** Where reading had got to, so a syntax error can name the key it happened under. */
    private String currentPath = DOCUMENT;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root node, or empty when the text is not YAML we can read (the problem is recorded). */
    Optional<YamlNode> read(String text) {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (YAMLParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                problems.error(SourcePosition.START, DOCUMENT,
                        "the file has no content; it must start with 'version: 1' (see default-mapping.yaml)");
                return Optional.empty();
            }
            YamlNode root = readValue(parser, "", 0);
            if (parser.nextToken() != null) {
                problems.error(position(parser.currentTokenLocation()), DOCUMENT,
                        "a second YAML document starts here (after '---'); keep the whole mapping in one document");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            reportSyntaxError(e);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private YamlNode readValue(YAMLParser parser, String path, int depth) throws IOException {
        currentPath = path.isEmpty() ? DOCUMENT : path;
        SourcePosition position = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            problems.error(position, currentPath, "nested more than " + MAX_DEPTH + " levels deep; the mapping format"
                    + " is at most four levels deep, so check the indentation");
            parser.skipChildren();
            return new YamlNode.Scalar("", YamlNode.ScalarType.INVALID, position);
        }
        return switch (token) {
            case START_OBJECT -> readMap(parser, path, depth, position);
            case START_ARRAY -> readSequence(parser, path, depth, position);
            default -> readScalar(parser, token, position);
        };
    }

    private YamlNode readMap(YAMLParser parser, String path, int depth, SourcePosition position) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, YamlNode.Entry> firstByKey = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePosition keyPosition = position(parser.currentTokenLocation());
            String childPath = KeyPaths.child(path, key);
            parser.nextToken();
            YamlNode value = readValue(parser, childPath, depth + 1);
            currentPath = path.isEmpty() ? DOCUMENT : path;
            YamlNode.Entry entry = new YamlNode.Entry(key, keyPosition, value);
            YamlNode.Entry first = firstByKey.putIfAbsent(key, entry);
            if (first == null) {
                entries.add(entry);
            } else {
                // YAML parsers keep one of the two values without a word; an accounting mapping must not guess.
                problems.error(keyPosition, childPath, "duplicate key: '" + key + "' is already defined at line "
                        + first.keyPosition().line() + "; delete one of them or merge them into one entry");
            }
        }
        return new YamlNode.MapNode(entries, position);
    }

    private YamlNode readSequence(YAMLParser parser, String path, int depth, SourcePosition position)
            throws IOException {
        List<YamlNode> items = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, path + "[" + index++ + "]", depth + 1));
        }
        return new YamlNode.Sequence(items, position);
    }

    private YamlNode readScalar(YAMLParser parser, JsonToken token, SourcePosition position) throws IOException {
        String text = parser.getText();
        if (parser.isCurrentAlias()) {
            // Jackson hands an alias over as its anchor's name, which would silently become an account code.
            problems.error(position, currentPath, "YAML aliases (*" + text + ") and merge keys (<<) are not"
                    + " supported; write the value out in full");
            return new YamlNode.Scalar(text, YamlNode.ScalarType.INVALID, position);
        }
        YamlNode.ScalarType type = switch (token) {
            case VALUE_NUMBER_INT -> YamlNode.ScalarType.INTEGER;
            case VALUE_NUMBER_FLOAT -> YamlNode.ScalarType.FLOAT;
            case VALUE_TRUE -> YamlNode.ScalarType.TRUE;
            case VALUE_FALSE -> YamlNode.ScalarType.FALSE;
            case VALUE_NULL -> YamlNode.ScalarType.NULL;
            default -> YamlNode.ScalarType.STRING;
        };
        return new YamlNode.Scalar(text == null ? "" : text, type, position);
    }

    /** SnakeYAML's own mark points at the offending character; Jackson's location can be one token earlier. */
    private void reportSyntaxError(JsonProcessingException e) {
        SourcePosition position = SourcePosition.START;
        String problem = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            position = new SourcePosition(marked.getProblemMark().getLine() + 1,
                    marked.getProblemMark().getColumn() + 1);
            problem = marked.getProblem();
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            position = position(e.getLocation());
        }
        String firstLine = problem == null ? "unreadable YAML" : problem.lines().findFirst().orElse(problem);
        problems.error(position, currentPath, "YAML syntax error: " + firstLine + " (check the indentation, which"
                + " must be spaces, and quote values that contain ': ', ' #', '{' or '[')");
    }

    private static SourcePosition position(JsonLocation location) {
        return new SourcePosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
