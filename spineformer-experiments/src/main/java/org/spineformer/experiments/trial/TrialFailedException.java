package org.spineformer.experiments.trial;

/** A trial threw; the trials that finished are kept, and a rerun with the same arguments resumes from them. */
public final class TrialFailedException extends RuntimeException {
    private final int index;

    TrialFailedException(int index, Throwable cause) {
        super("trial " + index + " failed: " + reason(cause), cause);
        this.index = index;
    }

    /** The cause's own message, which says what went wrong; a Java class name only for a bug that has none. */
    private static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : "an internal error (" + cause + "); please report it";
    }

    /** The failed trial's index. */
    public int index() {
        return index;
    }
}
