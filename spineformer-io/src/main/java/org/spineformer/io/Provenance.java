package org.spineformer.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where an output came from, written into every result.json, summary.json and run.json under {@link #KEY}: the
 * Spineformer version and git commit it was built from, the JVM, the command line, and the SHA-256 of every input
 * file, so that an output folder can be traced a year later.
 */
public final class Provenance {
    /** The key of the provenance object in the JSON outputs. */
    public static final String KEY = "provenance";
    /** What a build without git history (a source archive) records as its commit. */
    public static final String UNKNOWN = "unknown";
    /** The key of what made an output ("replay", "reproduce fig5"). */
    public static final String OUTPUT = "output";
    /** The key of the input files, each with its "path" and "sha256". */
    public static final String INPUTS = "inputs";

    private static final Properties BUILD = load();
    /** Arguments a shell passes through unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private static volatile String commandLine = UNKNOWN;

    private Provenance() {
    }

    /** The project version (0.1.0-SNAPSHOT). */
    public static String version() {
        return BUILD.getProperty("version");
    }

    /** The git commit the build was made from, "+dirty" when it had uncommitted changes, or {@link #UNKNOWN}. */
    public static String commit() {
        String id = BUILD.getProperty("commit", "");
        if (id.isEmpty() || id.startsWith("${")) {
            return UNKNOWN;
        }
        return "true".equals(BUILD.getProperty("dirty")) ? id + "+dirty" : id;
    }

    /** The running JVM: version, name and vendor. */
    public static String jvm() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    /** Records this process's command line, once it is known (the command-line tool does, on start). */
    public static void recordCommandLine(String program, List<String> args) {
        StringBuilder s = new StringBuilder(program);
        for (String a : args) {
            s.append(' ').append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        commandLine = s.toString();
    }

    /** The command line as a shell would take it back, or {@link #UNKNOWN} outside the command-line tool. */
    public static String commandLine() {
        return commandLine;
    }

    /**
     * The provenance object: what made the output, version, commit, JVM, command line and {@code inputs}, each
     * input's path with the SHA-256 of its content (null for a file that cannot be read any more: the outputs of a
     * finished run are worth more than this one line, so it does not fail the run).
     *
     * @param output what the folder holds, in the command's words ("replay", "reproduce fig5"): a later run of
     *     another kind refuses the folder ({@link OutputFolder#claim}); null for a file that does not say (run.json)
     * @param inputs a name for each input file (its role: "stimulus", "bap_delays") and the file
     */
    public static Map<String, Object> of(String output, Map<String, Path> inputs) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (output != null) {
            p.put(OUTPUT, output);
        }
        p.put("spineformer_version", version());
        p.put("git_commit", commit());
        p.put("java", jvm());
        p.put("command_line", commandLine());
        Map<String, Object> files = new LinkedHashMap<>();
        inputs.forEach((role, file) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", file.toAbsolutePath().normalize().toString());
            f.put("sha256", Files.isReadable(file) ? sha256(file) : null);
            files.put(role, f);
        });
        p.put(INPUTS, files);
        return p;
    }

    /** The SHA-256 of a file's content, in lowercase hex (as sha256sum prints it). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to record its SHA-256: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
