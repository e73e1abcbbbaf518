package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spineformer.io.AtomicFiles;
import org.spineformer.io.OutputFolder;
import org.spineformer.nmodl.NmodlCheck;
import org.spineformer.nmodl.compare.Comparison;
import org.spineformer.nmodl.compare.ComparisonRow;
import org.spineformer.nmodl.compare.LiveNeuron;
import org.spineformer.nmodl.compare.ParameterSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer nmodl}: NMODL (.mod) files. */
@Command(name = "nmodl", description = "Work with NMODL (.mod) files.",
        subcommands = {NmodlCommand.Check.class, NmodlCommand.Compare.class, CommandLine.HelpCommand.class})
final class NmodlCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code spineformer nmodl check FILE.mod...}: each file OK or its errors; exit 0 only when all pass. */
    @Command(name = "check", description = "Report, for each .mod file, OK or why it would not compile"
            + " (file:line:column: message), and notes on what it recognized (file:line:column: note: ...). Exit 0 only when every file passes, 2 otherwise.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE.mod", description = "The mod files.")
        private List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            for (Path f : files) {
                NmodlCheck.Report report = NmodlCheck.report(f);
                if (report.problems().isEmpty()) {
                    out.println(f + ": OK");
                } else {
                    failed++;
                    report.problems().forEach(out::println);
                }
                report.notes().forEach(out::println);
            }
            if (files.size() > 1) {
                out.printf("%d of %d files OK%n", files.size() - failed, files.size());
            }
            out.flush();
            return failed == 0 ? 0 : 2;
        }
    }

    /**
     * {@code spineformer nmodl compare FILE_OR_DIR... --out DIR}: each file that compiles run here and in a live
     * NEURON under the same protocols, every column compared ({@link Comparison}); exit 0 only when every column that
     * could be compared matches and every run of a library NEURON loaded wrote its trace.
     */
    @Command(name = "compare", description = "Run each .mod file that compiles both here and in NEURON (nrnivmodl and"
            + " NEURON's Python) under voltage clamps, a current clamp or a NetStim, and compare every variable at"
            + " every step, writing comparison.csv; exit 0 only when every comparable column matches and NEURON made"
            + " every run of each library it loaded, 2 otherwise.")
    static final class Compare implements Callable<Integer> {
        /** What its output folder holds, in {@link OutputFolder}'s records. */
        private static final String OUTPUT = "nmodl compare";

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR",
                description = "Mod files, or folders whose .mod files are compared (one nrnivmodl per folder).")
        private List<Path> inputs;

        @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Where comparison.csv and NEURON's side (neuron/: builds, scripts, traces) are written.")
        private Path out;

        @CommandLine.Option(names = "--celsius", split = ",", paramLabel = "DEGC", defaultValue = "6.3,34,37",
                description = "The temperatures each protocol runs at (default: ${DEFAULT-VALUE}).")
        private List<Double> celsius;

        @CommandLine.Option(names = "--python", paramLabel = "PYTHON", defaultValue = "python3",
                description = "The Python that imports NEURON's neuron module (default: ${DEFAULT-VALUE}).")
        private String python;

        @CommandLine.Option(names = "--nrnivmodl-loadflags", paramLabel = "FLAGS", defaultValue = "",
                description = "Passed to nrnivmodl as -loadflags (Debian's NEURON 8.2.2: \"-L/usr/lib/nrn"
                        + " -Wl,-rpath,/usr/lib/nrn\").")
        private String loadflags;

        @CommandLine.Option(names = "--set", paramLabel = "MECHANISM.NAME=VALUE",
                description = "Gives a mechanism's field a value in both simulators (repeatable; NAME[K] for an array"
                        + " element), as a model would where the file's defaults leave its rates 0.")
        private List<String> sets = List.of();

        @CommandLine.Option(names = "--tolerance", paramLabel = "FRACTION", defaultValue = "1e-6",
                description = "A column matches when its largest difference is at most this fraction of NEURON's"
                        + " trace's largest magnitude (default: ${DEFAULT-VALUE}).")
        private double tolerance;

        @Override
        public Integer call() throws IOException {
            OptionChecks.positive("--tolerance", tolerance);
            Set<Double> temperatures = new HashSet<>();
            for (double c : celsius) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("--celsius " + c + " must be a finite number");
                }
                if (!temperatures.add(c)) {
                    throw new IllegalArgumentException("--celsius " + c + " is given twice");
                }
            }
            ParameterSettings settings = ParameterSettings.parse(sets);
            List<Path> files = Comparison.modFiles(inputs);
            OutputFolder.claim(out, "--out", OUTPUT, Map.of());
            refuseUnrecorded(out);
            Comparison.Compiled compiled = Comparison.compile(files, settings);
            LiveNeuron neuron = LiveNeuron.find(python, loadflags);
            // no inputs or settings recorded: a rerun replaces the folder's comparison whatever it compares
            OutputFolder.record(out, OUTPUT, Map.of(), Map.of());
            Comparison comparison = new Comparison(neuron, celsius, tolerance, settings, out,
                    spec.commandLine().getOut());
            List<ComparisonRow> rows = comparison.run(compiled);
            AtomicFiles.write(out.resolve(Comparison.CSV),
                    o -> o.write(ComparisonRow.csv(rows).getBytes(StandardCharsets.UTF_8)));
            comparison.summary(files.size(), rows);
            return Comparison.allMatch(rows) ? 0 : 2;
        }

        /**
         * Refuses a folder holding what a comparison writes ({@link Comparison#CSV}, {@link
         * Comparison#NEURON_FOLDER}) that no comparison recorded as its own: the run deletes those of an earlier
         * comparison, never a user's.
         */
        private static void refuseUnrecorded(Path out) {
            if (Files.exists(out.resolve(OutputFolder.COMMAND_FILE))) {
                return; // claim has checked that it records nmodl compare
            }
            for (String name : List.of(Comparison.CSV, Comparison.NEURON_FOLDER)) {
                if (Files.exists(out.resolve(name))) {
                    throw new IllegalArgumentException("--out " + out + " holds " + name + " that no '" + OUTPUT
                            + "' recorded as its own (no " + OutputFolder.COMMAND_FILE + "); choose another --out");
                }
            }
        }
    }
}
