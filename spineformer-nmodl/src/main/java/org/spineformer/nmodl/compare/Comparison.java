package org.spineformer.nmodl.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.record.TraceDifference;
import org.spineformer.nmodl.NmodlCheck;
import org.spineformer.nmodl.NrnivmodlOrder;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.compare.ComparisonRow.Verdict;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * {@code nmodl compare}: mod files compiled here and by NEURON's nrnivmodl, each mechanism run by both under
 * {@link CompareProtocol}'s runs at each temperature, and every column NEURON recorded compared at a tolerance of its
 * trace's scale. NEURON's side lives in {@code OUT/neuron/NN-FOLDER/} (the folder's files that compile here,
 * nrnivmodl's build, each mechanism's generated script and its runs' CSVs), kept for reading.
 */
public final class Comparison {
    private final LiveNeuron neuron;
    private final List<Double> celsius;
    private final double tolerance;
    private final ParameterSettings settings;
    /** {@code --out} made absolute (NEURON's scripts run in folders of their own), and as given, for messages. */
    private final Path out, outGiven;
    private final PrintWriter console;

    /**
     * Runs at each of {@code celsius} with the mechanisms' fields given {@code settings}, columns within {@code
     * tolerance} of their scale matching, into {@code out}.
     */
    public Comparison(LiveNeuron neuron, List<Double> celsius, double tolerance, ParameterSettings settings, Path out,
                      PrintWriter console) {
        this.neuron = neuron;
        this.celsius = List.copyOf(celsius);
        this.tolerance = tolerance;
        this.settings = settings;
        this.out = out.toAbsolutePath();
        this.outGiven = out;
        this.console = console;
    }

    /**
     * The mod files named by {@code inputs}: a file as it is, a folder's {@code .mod} files in nrnivmodl's order; an
     * {@link IllegalArgumentException} naming the input that does not exist, is not a .mod file or is a folder
     * without one.
     */
    public static List<Path> modFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> mods;
                try (Stream<Path> list = Files.list(in)) {
                    mods = list.filter(f -> f.getFileName().toString().endsWith(".mod") && Files.isRegularFile(f))
                            .sorted(NrnivmodlOrder.FILES).toList();
                }
                if (mods.isEmpty()) {
                    throw new IllegalArgumentException(in + ": a folder without .mod files");
                }
                files.addAll(mods);
            } else if (!Files.isRegularFile(in)) {
                throw new IllegalArgumentException(in + ": no such file or folder");
            } else if (!in.getFileName().toString().endsWith(".mod")) {
                throw new IllegalArgumentException(in + ": not a .mod file");
            } else {
                files.add(in);
            }
        }
        return files;
    }

    /**
     * Compiles every file, checks the settings against the mechanisms (an {@link IllegalArgumentException} before
     * anything is written), then compares each folder's (one nrnivmodl per folder); writes comparison.csv and
     * returns its rows.
     */
    public List<ComparisonRow> run(List<Path> files) throws IOException {
        List<ComparisonRow> rows = new ArrayList<>();
        Map<Path, NmodlMechanism> compiled = new LinkedHashMap<>();
        Map<Path, ComparedMechanism> mechanisms = new LinkedHashMap<>();
        for (Path f : files) {
            NmodlCheck.Report report = NmodlCheck.report(f);
            String why = report.problems().stream().map(Diagnostic::toString).collect(Collectors.joining("; "));
            if (why.isEmpty()) {
                try {
                    NmodlMechanism m = NmodlMechanism.compile(f);
                    mechanisms.put(f, ComparedMechanism.of(f, Parser.parse(f)));
                    compiled.put(f, m);
                } catch (RuntimeException e) {
                    why = String.valueOf(e.getMessage());
                }
            }
            if (!why.isEmpty()) {
                rows.add(ComparisonRow.whole(f, null, "", Double.NaN, Verdict.NOT_COMPILED, why));
                console.println(f + ": not compiled: " + why);
            }
        }
        settings.check(List.copyOf(compiled.values()));
        Files.createDirectories(out);
        Set<String> builtIns = neuron.builtIns();
        for (Path f : List.copyOf(compiled.keySet())) {
            String name = mechanisms.get(f).name();
            if (builtIns.contains(name)) {
                compiled.remove(f);
                String why = "NEURON has a built-in mechanism " + name + ", which a library cannot define again (it"
                        + " would not load: 'The user defined name already exists'); rename it to compare";
                rows.add(ComparisonRow.whole(f, name, "", Double.NaN, Verdict.NEURON_FAILED, why));
                console.println(f + ": not compared: " + why);
            }
        }
        Map<Path, List<Path>> folders = compiled.keySet().stream().collect(Collectors.groupingBy(
                f -> f.toAbsolutePath().normalize().getParent(), LinkedHashMap::new, Collectors.toList()));
        int k = 0;
        for (Map.Entry<Path, List<Path>> folder : folders.entrySet()) {
            Path work = out.resolve("neuron").resolve(String.format("%02d-%s", ++k, folder.getKey().getFileName()));
            Map<Path, NmodlMechanism> its = new LinkedHashMap<>();
            folder.getValue().forEach(f -> its.put(f, compiled.get(f)));
            rows.addAll(folder(folder.getKey(), its, mechanisms, work));
        }
        Files.writeString(out.resolve("comparison.csv"), ComparisonRow.csv(rows));
        summary(files.size(), rows);
        return rows;
    }

    /** Whether every comparable column matched and at least one did: the command's exit 0. */
    public static boolean allMatch(List<ComparisonRow> rows) {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.MATCH)
                && rows.stream().noneMatch(r -> r.verdict().comparable() && r.verdict() != Verdict.MATCH);
    }

    /** A folder's compiled files built by one nrnivmodl and compared. */
    private List<ComparisonRow> folder(Path dir, Map<Path, NmodlMechanism> compiled,
                                       Map<Path, ComparedMechanism> mechanisms, Path work) throws IOException {
        List<ComparisonRow> rows = new ArrayList<>();
        deleteTree(work); // an earlier comparison's build and traces in the same --out
        Path library;
        try {
            library = neuron.build(copyForNrnivmodl(dir, compiled.keySet(), work.resolve("mod")), dir);
        } catch (IOException e) {
            // a file NEURON refuses that compiles here: the checker's gap (its reasons in nrnivmodl's output)
            for (Path f : compiled.keySet()) {
                rows.add(ComparisonRow.whole(f, mechanisms.get(f).name(), "", Double.NaN, Verdict.NEURON_FAILED,
                        e.getMessage()));
            }
            console.println(dir + ": NEURON failed: " + e.getMessage());
            return rows;
        }
        for (Path f : compiled.keySet()) {
            rows.addAll(mechanism(compiled.get(f), mechanisms.get(f), library, work.resolve("runs")));
        }
        return rows;
    }

    /**
     * {@code modDir} made with the folder's mod files among {@code files} and its other files (which INCLUDEs may
     * name; those elsewhere nocmodl finds through {@link LiveNeuron#build}'s MODL_INCLUDE), for nrnivmodl.
     */
    private static Path copyForNrnivmodl(Path dir, Set<Path> files, Path modDir) throws IOException {
        Set<Path> wanted = files.stream().map(f -> f.toAbsolutePath().normalize()).collect(Collectors.toSet());
        Files.createDirectories(modDir);
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().endsWith(".mod") || wanted.contains(f.toAbsolutePath().normalize())) {
                    Files.copy(f, modDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return modDir;
    }

    private List<ComparisonRow> mechanism(NmodlMechanism compiled, ComparedMechanism m, Path library, Path runsDir)
            throws IOException {
        Files.createDirectories(runsDir);
        List<NeuronScript.Run> runs = new ArrayList<>();
        for (CompareProtocol p : m.protocols()) {
            for (double c : celsius) {
                runs.add(new NeuronScript.Run(p, c, runsDir.resolve(m.name() + "_" + p.label() + "_" + c + ".csv")));
            }
        }
        Path script = runsDir.resolve(m.name() + ".py");
        Files.writeString(script, NeuronScript.generate(library, m, settings.of(m.name()), runs));
        LiveNeuron.Result result = neuron.runScript(script, runsDir);
        List<ComparisonRow> rows = new ArrayList<>();
        for (NeuronScript.Run run : runs) {
            String protocol = run.protocol().label();
            if (!Files.isRegularFile(run.csv())) {
                rows.add(ComparisonRow.whole(m.file(), m.name(), protocol, run.celsius(), Verdict.NEURON_FAILED,
                        "no trace (exit " + result.exit() + "): " + LiveNeuron.tail(result.output())));
                continue;
            }
            NeuronTrace trace = NeuronTrace.read(run.csv());
            try {
                Recorder rec = SpineformerRun.run(compiled, m, settings.of(m.name()), run.protocol(), run.celsius(),
                        List.copyOf(trace.columns().keySet()));
                Map<String, double[]> here = new LinkedHashMap<>();
                here.put("t", rec.time());
                rec.names().forEach(n -> here.put(n, rec.column(n)));
                rows.addAll(columns(m.file(), m.name(), protocol, run.celsius(), trace, here, tolerance));
            } catch (RuntimeException e) {
                // a run that blows up here as it does in NEURON (nan from a log of a negative concentration ...)
                // has nothing to compare; one NEURON ran to its end failed here
                boolean neuronNotFinite = trace.columns().values().stream().anyMatch(c -> firstNotFinite(c) >= 0);
                rows.add(ComparisonRow.whole(m.file(), m.name(), protocol, run.celsius(), neuronNotFinite
                        ? Verdict.NEURON_NOT_FINITE : Verdict.FAILED_HERE, neuronNotFinite ? "NEURON's run is not"
                        + " finite either; here: " + e.getMessage() : e.toString()));
            }
        }
        console.println(m.file() + ": " + m.name() + ", " + runs.size() + " runs: " + verdicts(rows));
        return rows;
    }

    /**
     * Each of NEURON's columns of one run against the column of that name {@code here} ("t" the time): its
     * largest difference and scale, matching within {@code tolerance} of the scale; one row "rows differ" when
     * the runs have different numbers of steps.
     */
    public static List<ComparisonRow> columns(Path file, String mechanism, String protocol, double celsius,
                                              NeuronTrace neuron, Map<String, double[]> here, double tolerance) {
        double[] neuronTime = neuron.columns().get("t");
        double[] time = here.get("t");
        if (neuronTime == null || time == null || neuronTime.length != time.length) {
            return List.of(ComparisonRow.whole(file, mechanism, protocol, celsius, Verdict.ROWS_DIFFER,
                    "NEURON " + (neuronTime == null ? "no t column" : neuronTime.length + " rows") + ", here "
                            + (time == null ? "no t column" : time.length + " rows")));
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> column : neuron.columns().entrySet()) {
            double[] expected = column.getValue();
            double[] actual = here.get(column.getKey());
            Verdict verdict;
            String detail = "";
            TraceDifference d = new TraceDifference(Double.NaN, 0, Double.NaN);
            if (actual == null) {
                verdict = Verdict.NOT_HERE;
            } else {
                d = TraceDifference.of(expected, actual);
                int bad = firstNotFinite(expected);
                if (bad >= 0) {
                    verdict = Verdict.NEURON_NOT_FINITE;
                    detail = "NEURON's " + expected[bad] + " at t = " + neuronTime[bad] + " ms";
                } else {
                    verdict = d.relative() <= tolerance ? Verdict.MATCH : Verdict.DIFFERS;
                    detail = verdict == Verdict.MATCH ? "" : "largest at t = " + neuronTime[d.row()] + " ms: NEURON "
                            + expected[d.row()] + ", here " + actual[d.row()];
                }
            }
            rows.add(new ComparisonRow(file, mechanism, protocol, celsius, column.getKey(), d.largest(), d.scale(),
                    verdict, detail));
        }
        return rows;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int firstNotFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** One mechanism's runs in words: how many match, differ, or could not be compared, and the worst column. */
    private static String verdicts(List<ComparisonRow> rows) {
        Map<String, List<ComparisonRow>> runs = rows.stream().collect(Collectors.groupingBy(
                r -> r.protocol() + " at " + r.celsius() + " degC", LinkedHashMap::new, Collectors.toList()));
        Map<String, Long> counts = runs.values().stream().collect(Collectors.groupingBy(
                Comparison::runVerdict, LinkedHashMap::new, Collectors.counting()));
        String worst = rows.stream().filter(r -> r.verdict() == Verdict.MATCH || r.verdict() == Verdict.DIFFERS)
                .max((a, b) -> Double.compare(a.relative(), b.relative()))
                .map(r -> r.relative() == 0 ? "; every column equal" : String.format(
                        "; largest %s, %.2g of its scale (%s at %s degC)", r.column(), r.relative(), r.protocol(),
                        r.celsius())).orElse("");
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + worst;
    }

    /** A run's verdict: its worst column's (a comparable one that does not match first, then NEURON's failures). */
    private static String runVerdict(List<ComparisonRow> run) {
        return run.stream().map(ComparisonRow::verdict).filter(v -> v.comparable() && v != Verdict.MATCH).findFirst()
                .or(() -> run.stream().map(ComparisonRow::verdict).filter(v -> v != Verdict.MATCH).findFirst())
                .orElse(Verdict.MATCH).text();
    }

    private void summary(int files, List<ComparisonRow> rows) {
        long notCompiled = rows.stream().filter(r -> r.verdict() == Verdict.NOT_COMPILED).count();
        Map<String, List<ComparisonRow>> runs = rows.stream().filter(r -> !r.protocol().isEmpty())
                .collect(Collectors.groupingBy(r -> r.file() + " " + r.protocol() + " " + r.celsius(),
                        LinkedHashMap::new, Collectors.toList()));
        Map<String, Long> counts = runs.values().stream().collect(Collectors.groupingBy(
                Comparison::runVerdict, LinkedHashMap::new, Collectors.counting()));
        console.printf("%d files, %d not compiled; %d runs: %s; comparison.csv in %s%n", files, notCompiled,
                runs.size(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")), outGiven);
        console.flush();
    }
}
