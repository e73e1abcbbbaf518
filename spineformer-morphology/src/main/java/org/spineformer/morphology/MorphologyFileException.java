package org.spineformer.morphology;

/**
 * A morphology file that cannot be read: the message names the file, the line (when there is one) and the
 * offending value. Thrown before anything is built.
 */
public final class MorphologyFileException extends IllegalArgumentException {
    private final int line;

    /**
     * @param file    the file's name as the user gave it
     * @param line    1-based line number, or 0 when the problem is not on one line
     * @param message what is wrong, with the value
     */
    public MorphologyFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.line = line;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
