package org.spineformer.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The check every command that writes makes before any work: its output folder exists and is a writable folder, or
 * can be created. A run that would otherwise simulate for minutes and then fail to write fails at once, naming the
 * path; the check itself leaves nothing behind (no folder is created, the probe file is deleted).
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Checks that {@code dir} is, or can become, a folder this process can write in.
     *
     * @param option the command-line option that named it ({@code --out}), for the message
     * @throws IllegalArgumentException one line naming the option, the path and what is wrong
     */
    public static void checkWritable(Path dir, String option) {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty: give the output folder");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(option + " " + dir + ": no part of this path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(existing.equals(absolute)
                    ? option + " " + dir + " is a file, not a folder"
                    : option + " " + dir + ": " + existing + " is a file, so no folder can be made under it");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".spineformer-probe", ".tmp"));
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof AccessDeniedException ? "permission denied" : "refused by the file system";
            throw new IllegalArgumentException(option + " " + dir + ": cannot write in " + existing + " ("
                    + reason.toLowerCase(Locale.ROOT) + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot write in " + existing + " ("
                    + e.getMessage() + ")");
        }
    }
}
