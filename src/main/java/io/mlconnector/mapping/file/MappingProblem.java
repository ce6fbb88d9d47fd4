package io.mlconnector.mapping.file;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a mapping file, formatted like a compiler message so editors and CI logs can
 * jump to it: {@code <source>:<line>:<column>: <dotted.key.path>: <what is wrong and how to fix it>}.
 */
public record MappingProblem(String sourceName, SourcePosition position, String keyPath, String message) {
    public MappingProblem {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
    }

    public String format() {
        return sourceName + ":" + position.line() + ":" + position.column() + ": " + keyPath + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
