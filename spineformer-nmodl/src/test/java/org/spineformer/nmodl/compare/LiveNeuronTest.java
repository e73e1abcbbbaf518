package org.spineformer.nmodl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code nmodl compare} runs NEURON's programs, shown with shell commands and a shell script standing in for
 * NEURON's Python: no NEURON needed.
 */
@EnabledOnOs(OS.LINUX)
class LiveNeuronTest {
    /**
     * Far longer than a shell command that ends at once takes to start and end on a loaded machine, far shorter than
     * the 30 s the commands' leftover children (or a wait for stdin) would hold the run.
     */
    private static final long PROMPT_MS = 15_000;
    /** The timeout the tests give a command that would run on: long enough for sh to start its children. */
    private static final long SHORT_TIMEOUT_S = 2;

    @TempDir
    Path dir;

    @Test
    void aChildLeftRunningDoesNotHoldTheWaitAndStdinIsClosed() throws IOException {
        long start = System.nanoTime();
        // a forked process keeping the output open (a pipe read to its end would wait for it)
        LiveNeuron.Result r = LiveNeuron.run(List.of("sh", "-c", "sleep 30 & echo $! > child.pid; echo started"), dir,
                dir.resolve("out.log"), 60, Map.of());
        ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("child.pid")).strip()))
                .ifPresent(ProcessHandle::destroyForcibly);
        assertThat(r).isEqualTo(new LiveNeuron.Result(0, "started\n"));
        // cat reads stdin to its end: it ends at once only when stdin is closed
        assertThat(LiveNeuron.run(List.of("cat"), dir, dir.resolve("cat.log"), 60, Map.of()))
                .isEqualTo(new LiveNeuron.Result(0, ""));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to run both").isLessThan(PROMPT_MS);
    }

    @Test
    void aCommandPastItsTimeIsKilledWithWhatItStarted() throws Exception {
        assertThatThrownBy(() -> LiveNeuron.run(List.of("sh", "-c", "(sleep 3; touch late) & sleep 30"), dir,
                dir.resolve("out.log"), SHORT_TIMEOUT_S, Map.of()))
                .isInstanceOf(IOException.class).hasMessageEndingWith(": did not finish in 2 s");
        Thread.sleep(3_000); // past the moment the subshell would touch its file
        assertThat(dir.resolve("late")).as("the subshell was killed too").doesNotExist();
    }

    @Test
    void neuronsOwnMechanismsAreListedInAnEmptyFolderOfTheirOwn() throws IOException {
        // a model folder's library would be loaded by `import neuron` in it
        Files.createDirectories(dir.resolve("x86_64"));
        Path python = Files.writeString(dir.resolve("python"), "#!/bin/sh\necho \"mechanism: in $(pwd)\"\n"
                + "for f in *; do echo \"mechanism: file $f\"; done\n"
                + "echo \"mechanism: NRN_NMODL_PATH ${NRN_NMODL_PATH-unset}\"\n");
        assertThat(python.toFile().setExecutable(true)).isTrue();
        Set<String> listed = new LiveNeuron(python.toString(), dir.resolve("nrnivmodl"), "").builtIns();
        String in = listed.stream().filter(l -> l.startsWith("in ")).findFirst().orElseThrow().substring(3);
        assertThat(Path.of(in)).isNotEqualTo(Path.of("").toAbsolutePath()).as("deleted after").doesNotExist();
        // nothing there but the output (the JVM's environment has NRN_NMODL_PATH only where a user set it)
        assertThat(listed).containsExactlyInAnyOrder("in " + in, "file output.log", "NRN_NMODL_PATH unset");
    }
}
