package io.mlconnector.mapping.file;

import java.util.List;
import java.util.Optional;

/**
 * The parsed YAML document with a source position on every node and key. Jackson's own tree drops positions and
 * silently keeps the last of two duplicate keys; this one keeps both facts, so every problem can name its line.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.MapNode, YamlNode.Sequence {

    SourcePosition position();

    /** How a problem message describes what was found instead, e.g. "the number 40000". */
    String describe();

    /** What YAML made of a plain value; the original text is always kept. */
    enum ScalarType {
        STRING, INTEGER, FLOAT, TRUE, FALSE, NULL,
        /** Already reported while reading (e.g. an alias); readers skip it without a second message. */
        INVALID
    }

    record Scalar(String text, ScalarType type, SourcePosition position) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "the text \"" + text + "\"";
                case INTEGER, FLOAT -> "the number " + text;
                case TRUE, FALSE -> "'" + text + "', which YAML reads as " + (type == ScalarType.TRUE);
                case NULL -> "an empty value";
                case INVALID -> "an unusable value";
            };
        }
    }

    record MapNode(List<Entry> entries, SourcePosition position) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One {@code key: value} pair; {@code keyPosition} is where the key is written. */
    record Entry(String key, SourcePosition keyPosition, YamlNode value) {}
}
