package org.spineformer.io;

/**
 * What an exception says to a user: its own message, looking through the wrappers that concurrency and reflection
 * put around it ({@code CompletionException}, {@code ExecutionException}, {@code InvocationTargetException},
 * {@code new RuntimeException(cause)}), whose messages are nothing but the Java class name and message of the cause.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** The innermost message worth reading, or "no description" (a bug) if there is none. */
    public static String of(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        return t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage()
                : "no description";
    }
}
