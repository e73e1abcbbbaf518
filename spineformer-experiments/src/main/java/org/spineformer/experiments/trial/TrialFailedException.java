package org.spineformer.experiments.trial;

import org.spineformer.io.ErrorText;

/** A trial threw; the trials that finished are kept, and a rerun with the same arguments resumes from them. */
public final class TrialFailedException extends RuntimeException {
    private final int index;

    TrialFailedException(int index, Throwable cause) {
        super("trial " + index + " failed: " + ErrorText.of(cause), cause);
        this.index = index;
    }

    /** The failed trial's index. */
    public int index() {
        return index;
    }
}
