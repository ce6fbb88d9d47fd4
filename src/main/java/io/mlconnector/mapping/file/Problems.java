package io.mlconnector.mapping.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors and warnings of one parse, so that a single run reports everything wrong with the file. One
 * instance per parse; never shared.
 */
final class Problems {
    private static final Comparator<MappingProblem> FILE_ORDER = Comparator
            .comparingInt((MappingProblem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column());

    private final String sourceName;
    private final List<MappingProblem> errors = new ArrayList<>();
    private final List<MappingProblem> warnings = new ArrayList<>();

    Problems(String sourceName) {
        this.sourceName = sourceName;
    }

    void error(SourcePosition position, String keyPath, String message) {
        errors.add(new MappingProblem(sourceName, position, keyPath, message));
    }

    void warn(SourcePosition position, String keyPath, String message) {
        warnings.add(new MappingProblem(sourceName, position, keyPath, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors in file order (stable for problems on the same spot). */
    List<MappingProblem> errors() {
        return errors.stream().sorted(FILE_ORDER).toList();
    }

    List<MappingProblem> warnings() {
        return warnings.stream().sorted(FILE_ORDER).toList();
    }
}
