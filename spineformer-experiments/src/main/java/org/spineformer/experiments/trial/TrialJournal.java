package org.spineformer.experiments.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spineformer.io.AtomicFiles;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonErrors;

/**
 * The record of a run's finished trials in its output directory:
 * <ul>
 * <li>{@code run.json}: what the run is (its seed and the experiment's settings); a later run into the same directory
 * must match it, or its trials would mix with different ones. It also holds the {@link Provenance} of the run that
 * started it, which the match ignores;</li>
 * <li>{@code trials.jsonl}: one line {@code {"trial": i, "result": {...}}} per finished trial, appended and flushed
 * as each finishes ({@link JournalJson}: NaN as null, infinities as +-1e999), under a lock, so lines never interleave. A process killed while writing can leave a last line
 * without its newline; it is ignored and cut off when the run resumes, and that trial runs again. If a trial appears
 * twice (it should not), its first line counts.</li>
 * <li>{@code .lock}: held while a run writes, so two processes cannot share the directory.</li>
 * </ul>
 *
 * <p>{@link TrialRunner} keeps it; an engine that computes the trials elsewhere (a cluster) records them here with
 * {@link #open(Path, Object, long)} and {@link #append}, and {@link TrialRunner#run} then finds them all.
 */
public final class TrialJournal implements AutoCloseable {
    public static final String RUN_FILE = "run.json";
    public static final String TRIALS_FILE = "trials.jsonl";
    static final String LOCK_FILE = ".lock";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FORMAT = "spineformer-trials/1";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel trials;
    private final Map<Integer, JsonNode> finished;
    /** The line of trials.jsonl each finished trial was read from, for error messages. */
    private final Map<Integer, Integer> lines;

    private TrialJournal(Path dir, FileChannel lockChannel, FileLock lock, FileChannel trials,
                         Map<Integer, JsonNode> finished, Map<Integer, Integer> lines) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.trials = trials;
        this.finished = finished;
        this.lines = lines;
    }

    /**
     * Opens (creating if need be) the journal in {@code dir} of the run that {@link TrialRunner#run} makes with
     * these arguments.
     *
     * @throws IllegalArgumentException if the directory belongs to a run with another experiment or seed, or is in use
     */
    public static TrialJournal open(Path dir, Object experiment, long seed) throws IOException {
        ObjectNode identity = MAPPER.createObjectNode();
        identity.put("format", FORMAT);
        identity.put("seed", seed);
        identity.set("experiment", MAPPER.valueToTree(experiment));
        return open(dir, identity, MAPPER);
    }

    /**
     * Opens (creating if need be) the journal in {@code dir} for the run described by {@code identity}.
     *
     * @throws IllegalArgumentException if the directory belongs to a run with another identity, or is in use
     */
    private static TrialJournal open(Path dir, ObjectNode identity, ObjectMapper mapper) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalArgumentException("output directory " + dir + " is in use by another run (it holds "
                    + dir.resolve(LOCK_FILE) + ")");
        }
        try {
            checkOrWriteIdentity(dir, identity, mapper);
            Path file = dir.resolve(TRIALS_FILE);
            FileChannel trials = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Map<Integer, Integer> lines = new TreeMap<>();
            Map<Integer, JsonNode> finished = readAndTrim(file, trials, lines);
            return new TrialJournal(dir, lockChannel, lock, trials, finished, lines);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /**
     * Whether another run holds {@code dir}'s journal now (its lock), without creating anything in it: a folder
     * without a lock file is not in use.
     */
    static boolean inUse(Path dir) {
        Path file = dir.resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** The results of the finished trials by index, as written. */
    public Map<Integer, JsonNode> finished() {
        return finished;
    }

    /** Where trial {@code index}'s recorded result is: "DIR/trials.jsonl line N". */
    public String where(int index) {
        return dir.resolve(TRIALS_FILE) + " line " + lines.get(index);
    }

    /** Appends trial {@code index}'s result (its JSON text, one line) and flushes it to the operating system. */
    public synchronized void append(int index, String resultJson) {
        byte[] line = ("{\"trial\":" + index + ",\"result\":" + resultJson + "}\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                trials.write(buffer, trials.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(TRIALS_FILE), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            trials.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static void checkOrWriteIdentity(Path dir, ObjectNode identity, ObjectMapper mapper) throws IOException {
        Path runFile = dir.resolve(RUN_FILE);
        if (!Files.exists(runFile)) {
            Path trialsFile = dir.resolve(TRIALS_FILE);
            if (Files.exists(trialsFile) && Files.size(trialsFile) > 0) {
                throw new IllegalArgumentException(trialsFile + " exists without " + runFile
                        + ": it was not written by this program's runs; use another output directory");
            }
            ObjectNode written = identity.deepCopy();
            written.putPOJO(Provenance.KEY, Provenance.of(null, Map.of()));
            AtomicFiles.write(runFile, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, written));
            return;
        }
        JsonNode existing;
        try {
            existing = mapper.readTree(runFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(runFile + " is not readable JSON (" + JsonErrors.describe(e)
                    + "); use another output directory", e);
        }
        // Where the run came from is not what it is: a resume by another build or command line is the same run.
        if (existing instanceof ObjectNode o) {
            o.remove(Provenance.KEY);
        }
        // Compare what the files say: both sides parsed from text, so 3 and 3L, or 1.0 written twice, agree.
        JsonNode wanted = mapper.readTree(mapper.writeValueAsString(identity));
        if (!wanted.equals(existing)) {
            throw new IllegalArgumentException("output directory " + dir + " holds a run with other arguments ("
                    + String.join("; ", differences("", existing, wanted)) + "). Rerun with the original arguments "
                    + "to resume it, or choose another --out");
        }
    }

    /**
     * The command-line options that set settings of these names, wherever they sit in a run's identity: a difference
     * is named by the option the user typed, not by a field of the program's config.
     */
    private static final Map<String, String> OPTIONS = Map.of("seed", "--seed", "matchWindowS", "--match-window",
            "match_window_s", "--match-window", "model", "--model", "model_sha256", "--model (its SHA-256)",
            "morphology_sha256", "--model's morphology file (its SHA-256)");

    /** Human-readable differences, "key: X there, Y here", the key an option where one sets it. */
    static List<String> differences(String path, JsonNode there, JsonNode here) {
        List<String> out = new ArrayList<>();
        if (there != null && here != null && there.isObject() && here.isObject()) {
            Map<String, Boolean> keys = new LinkedHashMap<>();
            there.fieldNames().forEachRemaining(k -> keys.put(k, true));
            here.fieldNames().forEachRemaining(k -> keys.put(k, true));
            for (String k : keys.keySet()) {
                out.addAll(differences(path.isEmpty() ? k : path + "." + k, there.get(k), here.get(k)));
            }
            return out;
        }
        if (there == null ? here != null : !there.equals(here)) {
            String name = OPTIONS.getOrDefault(path.substring(path.lastIndexOf('.') + 1), path);
            out.add(name + ": " + brief(there) + " there, " + brief(here) + " here");
        }
        return out;
    }

    private static String brief(JsonNode node) {
        if (node == null) {
            return "absent";
        }
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Reads the complete lines, cuts off a torn last line, and returns the first result of each trial. */
    private static Map<Integer, JsonNode> readAndTrim(Path file, FileChannel channel, Map<Integer, Integer> lines) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            channel.truncate(end);
        }
        Map<Integer, JsonNode> finished = new TreeMap<>();
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JournalJson.tree(line);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.path("trial").canConvertToInt() || !node.has("result")) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " is not a trial record "
                        + "{\"trial\": i, \"result\": ...}; the file was changed by hand or by another program");
            }
            if (finished.putIfAbsent(node.get("trial").asInt(), node.get("result")) == null) {
                lines.put(node.get("trial").asInt(), lineNumber);
            }
        }
        return finished;
    }
}
