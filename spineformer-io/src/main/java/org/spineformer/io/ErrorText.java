package org.spineformer.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What an exception says to a user: its own message, looking through the wrappers that concurrency and reflection
 * put around it ({@code CompletionException}, {@code ExecutionException}, {@code InvocationTargetException},
 * {@code new RuntimeException(cause)}), whose messages are nothing but the Java class name and message of the cause;
 * and a file system's refusal as the path and the reason, which Java keeps in the exception's class name.
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
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(f);
        }
        return t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage()
                : "no description";
    }

    /** A file system's refusal in words; Java's own message is the bare path, its kind only in the class name. */
    private static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        return f instanceof NotDirectoryException ? "not a folder" : "refused by the file system";
    }
}
