package org.spineformer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every command that writes makes before any work. Its output folder exists and is a writable folder, or
 * can be created: a run that would otherwise simulate for minutes and then fail to write fails at once, naming the
 * path; the check itself leaves nothing behind (no folder is created, the probe file is deleted). And the folder does
 * not hold the outputs of another command or of other input files ({@link #claim}), so that a folder's files always
 * come from one run.
 */
public final class OutputFolder {
    /** The files whose {@link Provenance} says what a folder holds. */
    private static final List<String> DESCRIBED_BY = List.of("result.json", "summary.json", "bench.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputFolder() {
    }

    /**
     * {@link #checkWritable}, and refuses a folder that holds the outputs of another kind ({@link Provenance#OUTPUT})
     * or of an input with another SHA-256 than {@code inputs}' (an input it did not have is fine).
     *
     * @param output what this run writes ("replay", "reproduce fig5")
     * @param inputs this run's input files by role, as its provenance will name them
     */
    public static void claim(Path dir, String option, String output, Map<String, Path> inputs) {
        checkWritable(dir, option);
        for (String name : DESCRIBED_BY) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + dir + " holds " + name + ", which is not readable"
                        + " JSON; choose another " + option);
            }
            String there = outputOf(json);
            if (there != null && !there.equals(output)) {
                throw new IllegalArgumentException(option + " " + dir + " holds the outputs of '" + there + "' ("
                        + name + "), not of '" + output + "'; choose another " + option);
            }
            JsonNode recorded = json.path(Provenance.KEY).path(Provenance.INPUTS);
            for (Map.Entry<String, Path> input : inputs.entrySet()) {
                JsonNode was = recorded.path(input.getKey());
                String sha = was.path("sha256").asText(null);
                if (sha != null && Files.isReadable(input.getValue())
                        && !sha.equals(Provenance.sha256(input.getValue()))) {
                    throw new IllegalArgumentException(option + " " + dir + " holds the outputs of '" + output
                            + "' on another " + input.getKey() + " (" + was.path("path").asText() + " with SHA-256 "
                            + sha + ", not " + input.getValue() + "); choose another " + option);
                }
            }
        }
    }

    /** What made a described file: its provenance says; older files without one, their panel or backend key. */
    private static String outputOf(JsonNode json) {
        JsonNode recorded = json.path(Provenance.KEY).path(Provenance.OUTPUT);
        if (recorded.isTextual()) {
            return recorded.asText();
        }
        if (json.path("panel").isTextual()) {
            return "reproduce " + json.path("panel").asText();
        }
        return json.has("backend") ? "attention" : null;
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
