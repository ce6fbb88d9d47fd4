package io.mlconnector.mapping.file;

/** A place in the mapping file, 1-based like editors and {@code grep -n} show it. */
public record SourcePosition(int line, int column) {
    /** Where problems about the file as a whole are reported. */
    public static final SourcePosition START = new SourcePosition(1, 1);

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }
}
