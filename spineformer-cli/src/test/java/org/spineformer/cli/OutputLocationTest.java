package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that writes checks its --out before any work: a folder it cannot write, a file, a path under a
 * file and an empty path are one line naming the path, exit 2, and nothing written.
 */
class OutputLocationTest {
    @TempDir
    static Path tmp;

    /** Each writing command with the arguments it needs besides --out (a stimulus for replay). */
    static Stream<List<String>> commands() throws IOException {
        Path stim = tmp.resolve("stim.json");
        Files.writeString(stim, "{\"v_init\": -70, \"tstop\": 5, \"pre\": ["
                + String.join(",", Collections.nCopies(1500, "[]")) + "], \"post\": []}");
        return Stream.of(List.of("replay", stim.toString(), "--quiet"), List.of("demo", "--quiet"),
                List.of("reproduce", "fig4a"), List.of("reproduce", "fig5", "--trials", "1", "--quiet"),
                List.of("sweep", "fig3be", "--quiet"), List.of("attention", "--keys", "5", "--queries", "1"),
                List.of("attention", "capacity", "--n", "10", "--queries", "5", "--quiet"),
                List.of("bench", "--repeat", "1", "--warmup", "0"));
    }

    private static CliRun runWithOut(List<String> command, String out) {
        List<String> args = new ArrayList<>(command);
        args.add("--out=" + out);
        return run(args.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("spineformer: " + expected);
        assertThat(r.out()).as("nothing simulated").doesNotContain("Simulating").doesNotContain("wrote");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aFileIsNotAFolderAndIsLeftAlone(List<String> command) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "mine");
        assertOneLineError(runWithOut(command, file.toString()), "--out " + file + " is a file, not a folder");
        assertOneLineError(runWithOut(command, file + "/sub"),
                "--out " + file + "/sub: " + file + " is a file, so no folder can be made under it");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anEmptyOutIsRefused(List<String> command) {
        assertOneLineError(runWithOut(command, ""), "--out is empty: give the output folder");
    }

    @ParameterizedTest
    @MethodSource("commands")
    @EnabledOnOs(OS.LINUX)
    void aFolderThatCannotBeWrittenIsNamed(List<String> command) {
        CliRun r = runWithOut(command, "/proc/x");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("spineformer: --out /proc/x: cannot write in /proc (")
                .doesNotContain("\n");
    }
}
