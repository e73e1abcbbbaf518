package org.spineformer.experiments.sweep;

/**
 * Trials of a sweep failed on an engine that retries them itself (Spark) and gave up; the trials that finished are
 * recorded, and running the same sweep again resumes from them.
 */
public final class SweepFailedException extends RuntimeException {
    public SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
