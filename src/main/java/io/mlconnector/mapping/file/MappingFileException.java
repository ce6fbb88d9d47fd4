package io.mlconnector.mapping.file;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The mapping file cannot be used. The message lists every problem found, one per line in file order, so the finance
 * team can fix them all in one pass instead of one per deployment; nothing from the file is applied.
 */
public final class MappingFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public MappingFileException(String sourceName, List<MappingProblem> problems) {
        super(message(sourceName, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a MappingFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order. */
    public List<MappingProblem> problems() {
        return problems;
    }

    private static String message(String sourceName, List<MappingProblem> problems) {
        String lines = problems.stream().map(MappingProblem::format).collect(Collectors.joining("\n"));
        int count = problems.size();
        return lines + "\n" + count + (count == 1 ? " problem" : " problems") + " in mapping file " + sourceName
                + "; it was not loaded";
    }
}
