package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.OutputFolder;
import org.spineformer.nmodl.compare.ComparisonRow;
import org.spineformer.nmodl.compare.LiveNeuron;

/**
 * {@code nmodl compare}: its bad input refused before any work, and a run against a live NEURON 8.2 on the project's
 * own test mod files (a channel, a synapse with a NET_RECEIVE, a file that does not compile). The live test is
 * skipped, naming why, when no Python that imports {@code neuron} (the PATH's python3, then /usr/bin/python3) or no
 * nrnivmodl is found; {@code -Dspineformer.nrnivmodl.loadflags=...} is passed to nrnivmodl as -loadflags (Debian's
 * NEURON 8.2.2: {@code "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"}).
 */
class NmodlCompareCommandTest {
    private static final Path OWN_MODS = Path.of("..", "spineformer-nmodl", "src", "test", "resources", "mod",
            "features");
    private static final String LEAK = "NEURON { SUFFIX leak NONSPECIFIC_CURRENT i }\nASSIGNED { v (mV) i (mA/cm2) }"
            + "\nBREAKPOINT { i = 0.001*(v + 70) }\n";

    @Test
    void badOptionsAndInputsAreRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path leak = Files.writeString(dir.resolve("leak.mod"), LEAK);
        Path out = dir.resolve("out");
        assertRefused(out, "spineformer: --tolerance = 0.0 must be a finite number > 0", "nmodl", "compare",
                leak.toString(), "--out", out.toString(), "--tolerance", "0");
        assertRefused(out, "spineformer: --celsius NaN must be a finite number", "nmodl", "compare",
                leak.toString(), "--out", out.toString(), "--celsius", "6.3,NaN");
        assertRefused(out, "spineformer: --celsius 37.0 is given twice", "nmodl", "compare",
                leak.toString(), "--out", out.toString(), "--celsius", "37,6.3,37.0");
        assertRefused(out, "spineformer: " + dir.resolve("none.mod") + ": no such file or folder", "nmodl",
                "compare", dir.resolve("none.mod").toString(), "--out", out.toString());
        assertRefused(out, "spineformer: --set leak.g: expected MECHANISM.NAME=VALUE", "nmodl", "compare",
                leak.toString(), "--out", out.toString(), "--set", "leak.g");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "");
        assertRefused(out, "spineformer: " + notes + ": not a .mod file", "nmodl", "compare", notes.toString(),
                "--out", out.toString());
        assertRefused(out, "spineformer: --out " + leak + " is a file, not a folder", "nmodl", "compare",
                leak.toString(), "--out", leak.toString());
        // the settings are checked against the compiled files before NEURON is looked for
        assertRefused(out, "spineformer: --set K.g0: no file compared declares mechanism K", "nmodl", "compare",
                leak.toString(), "--out", out.toString(), "--set", "K.g0=1", "--python",
                dir.resolve("no-python").toString());
    }

    @Test
    void aFolderOfAnotherCommandOrOfUnrecordedComparisonFilesIsRefusedUntouched(@TempDir Path dir)
            throws IOException {
        Path leak = Files.writeString(dir.resolve("leak.mod"), LEAK);
        Path sweep = dir.resolve("sweep");
        OutputFolder.record(sweep, "sweep fig5", Map.of(), Map.of());
        String recorded = Files.readString(sweep.resolve(OutputFolder.COMMAND_FILE));
        CliRun other = CliRun.run("nmodl", "compare", leak.toString(), "--out", sweep.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err().strip()).isEqualTo("spineformer: --out " + sweep + " holds the outputs of 'sweep"
                + " fig5' (command.json), not of 'nmodl compare'; choose another --out");
        assertThat(sweep.resolve(OutputFolder.COMMAND_FILE)).hasContent(recorded);
        // a user's folder with a neuron/ of its own: a comparison there would delete it
        Path mine = Files.createDirectories(dir.resolve("mine").resolve("neuron"));
        CliRun unrecorded = CliRun.run("nmodl", "compare", leak.toString(), "--out", mine.getParent().toString());
        assertThat(unrecorded.exit()).isEqualTo(2);
        assertThat(unrecorded.err().strip()).isEqualTo("spineformer: --out " + mine.getParent() + " holds neuron"
                + " that no 'nmodl compare' recorded as its own (no command.json); choose another --out");
        assertThat(mine).isEmptyDirectory();
        assertThat(mine.getParent().resolve(OutputFolder.COMMAND_FILE)).doesNotExist();
    }

    @Test
    void aPythonWithoutNeuronIsNamedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path leak = Files.writeString(dir.resolve("leak.mod"), LEAK);
        Path out = dir.resolve("out");
        CliRun r = CliRun.run("nmodl", "compare", leak.toString(), "--out", out.toString(), "--python",
                dir.resolve("no-python").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: NEURON is missing: ");
        assertThat(out).doesNotExist();
        // a Python that runs but has no neuron module: Python's own last line, one line in all
        Path fakePython = Files.writeString(dir.resolve("python-without-neuron"),
                "#!/bin/sh\necho 'Traceback (most recent call last):' >&2\n"
                        + "echo \"ModuleNotFoundError: No module named 'neuron'\" >&2\nexit 1\n");
        assumeTrue(fakePython.toFile().setExecutable(true), "skipped: cannot make a script executable here");
        CliRun without = CliRun.run("nmodl", "compare", leak.toString(), "--out", out.toString(), "--python",
                fakePython.toString());
        assumeTrue(!without.err().contains("no nrnivmodl on the PATH"), "skipped: no nrnivmodl on the PATH");
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err().strip()).isEqualTo("spineformer: NEURON is missing: '" + fakePython + "' cannot"
                + " import neuron (give NEURON's Python with --python): ModuleNotFoundError: No module named 'neuron'");
        assertThat(out).doesNotExist();
    }

    /**
     * The project's gate_of_v (a channel with rate tables of v) and expsynapse (a NET_RECEIVE synapse), and a leak
     * whose rate function is INCLUDEd from the folder's parent (found by nrnivmodl through MODL_INCLUDE, as here),
     * run in NEURON and here: every column of every run matches, exit 0. Not compared, each named with its reason,
     * none changing the exit code: a file with VERBATIM and one whose LOCAL has its FUNCTION's argument's name,
     * which NEURON's C compiler refuses (both not compiled), and one named as NEURON's built-in hh. An earlier
     * comparison's comparison.csv and NEURON folder in the same --out are gone. In the validation tier, as the
     * exported cell's replay: it runs NEURON (`.ci/run` gives Debian's nrnivmodl its loadflags there).
     */
    @Test
    @Tag("validation")
    void theProjectsOwnFilesMatchALiveNeuron(@TempDir Path dir) throws IOException {
        String python = Stream.of("python3", "/usr/bin/python3").filter(LiveNeuron::available).findFirst()
                .orElse(null);
        assumeTrue(python != null, "skipped: no python3 imports neuron, or no nrnivmodl on the PATH");
        Path mods = Files.createDirectory(dir.resolve("mods"));
        for (String f : List.of("gate_of_v.mod", "exp_synapse.mod")) {
            Files.copy(OWN_MODS.resolve(f), mods.resolve(f));
        }
        Files.writeString(mods.resolve("c.mod"), "NEURON { SUFFIX c }\nVERBATIM\n;\nENDVERBATIM\n");
        Files.writeString(mods.resolve("hh.mod"), LEAK.replace("SUFFIX leak", "SUFFIX hh"));
        Files.writeString(mods.resolve("localarg.mod"), LEAK.replace("SUFFIX leak", "SUFFIX localarg")
                .replace("0.001*(v + 70)", "0.001*(v + 70)*f(1)") + "FUNCTION f(y) { LOCAL y\n f = y }\n");
        Files.writeString(dir.resolve("shift.inc"), "FUNCTION shift(x (mV)) (mV) { shift = x + 70 }\n");
        Files.writeString(mods.resolve("incparent.mod"), LEAK.replace("SUFFIX leak", "SUFFIX incparent")
                .replace("0.001*(v + 70)", "0.001*shift(v)") + "INCLUDE \"shift.inc\"\n");
        // a relative --out, as a user types it (NEURON's scripts run in folders of their own), holding an earlier
        // comparison's files, none of which may survive into this one's
        Path out = Path.of("").toAbsolutePath().relativize(dir.resolve("out"));
        OutputFolder.record(out, "nmodl compare", Map.of(), Map.of());
        Path stale = Files.createDirectories(out.resolve("neuron").resolve("02-old").resolve("runs"));
        Files.writeString(stale.resolve("gatev_iclamp_34.0.csv"), "t,v\n0,-70\n");
        Files.writeString(out.resolve("comparison.csv"), "an earlier comparison's\n");
        CliRun r = CliRun.run("nmodl", "compare", mods.toString(), "--out", out.toString(), "--celsius", "6.3,37",
                "--python", python, "--nrnivmodl-loadflags",
                System.getProperty("spineformer.nrnivmodl.loadflags", ""));
        // Debian's nrnivmodl links only with -loadflags: without them the live comparison is not possible here
        assumeTrue(r.exit() == 0 || System.getProperty("spineformer.nrnivmodl.loadflags") != null
                || !r.out().contains("cannot find -lnrniv"), "skipped: nrnivmodl cannot link NEURON's library"
                + " here; give -Dspineformer.nrnivmodl.loadflags (Debian's NEURON: \"-L/usr/lib/nrn"
                + " -Wl,-rpath,/usr/lib/nrn\")");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines()).contains(mods.resolve("c.mod")
                + ": not compiled: " + mods.resolve("c.mod") + ":2:1: VERBATIM is not supported: C code cannot run on"
                + " the JVM", mods.resolve("hh.mod") + ": not compared: NEURON has a built-in mechanism hh, which a"
                + " library cannot define again (it would not load: 'The user defined name already exists'); rename"
                + " it to compare");
        assertThat(r.out()).contains(mods.resolve("localarg.mod") + ": not compiled: " + mods.resolve("localarg.mod")
                + ":4:17: LOCAL y of FUNCTION f has the name of its argument y: NEURON cannot build it",
                mods.resolve("gate_of_v.mod") + ": gatev, 8 runs: 8 match",
                mods.resolve("exp_synapse.mod") + ": expsynapse, 2 runs: 2 match",
                mods.resolve("incparent.mod") + ": incparent, 8 runs: 8 match",
                "6 files, 2 not compiled; 18 runs: 18 match; comparison.csv in " + out);
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertThat(csv.get(0)).isEqualTo(ComparisonRow.HEADER);
        try (Stream<Path> files = Files.list(out); Stream<Path> neuron = Files.list(out.resolve("neuron"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("command.json",
                    "comparison.csv", "neuron");
            assertThat(neuron.map(f -> f.getFileName().toString())).containsExactly("01-mods");
        }
        // NEURON's output kept beside each script, the line saying it loaded the library in it
        assertThat(Files.readString(out.resolve("neuron/01-mods/runs/gatev.log")))
                .contains("nmodl compare: NEURON loaded the mechanism library");
        // the synapse's columns: t, v and what MechanismStandard lists (tau, e, i, g), at both temperatures
        assertThat(csv).filteredOn(l -> l.contains(",expsynapse,netstim,")).extracting(l -> l.split(",")[4])
                .containsExactly("t", "v", "tau", "e", "i", "g", "t", "v", "tau", "e", "i", "g");
        assertThat(csv).filteredOn(l -> l.contains(",expsynapse,netstim,") && l.split(",")[4].equals("g"))
                .allSatisfy(l -> assertThat(Double.parseDouble(l.split(",")[6])).as("g's scale").isPositive());
    }

    private static void assertRefused(Path out, String message, String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(message);
        assertThat(out).doesNotExist();
    }
}
