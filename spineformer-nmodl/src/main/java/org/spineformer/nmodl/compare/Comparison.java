package org.spineformer.nmodl.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spineformer.engine.NonFiniteStateException;
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
 * nrnivmodl's build and its output, each mechanism's generated script, its output and its runs' CSVs), kept for
 * reading.
 */
public final class Comparison {
    /** The comparison's table, in the output folder. */
    public static final String CSV = "comparison.csv";
    /** NEURON's side, in the output folder: a folder {@code NN-FOLDER} per input folder. */
    public static final String NEURON_FOLDER = "neuron";
    /**
     * Half a step: a time here and NEURON's are the same step within it (both sums of dt, rounded differently).
     */
    private static final double SAME_TIME_MS = CompareProtocol.DT_MS / 2;

    private final LiveNeuron neuron;
    private final List<Double> celsius;
    private final double tolerance;
    private final ParameterSettings settings;
    /** {@code --out} made absolute (NEURON's scripts run in folders of their own), and as given, for messages. */
    private final Path out, outGiven;
    private final PrintWriter console;

    /**
     * The files of a comparison compiled here: each compiled file's mechanism and what the comparison needs of it,
     * and a row for each file that does not compile.
     */
    public record Compiled(Map<Path, NmodlMechanism> mechanisms, Map<Path, ComparedMechanism> compared,
                           List<ComparisonRow> notCompiled) {
    }

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
     * {@code files} compiled here, and {@code settings} checked against their mechanisms: an {@link
     * IllegalArgumentException} naming the first setting that is not one, before NEURON is looked for or anything
     * written. A file that does not compile is a row, "not compiled", with nmodl check's reasons.
     */
    public static Compiled compile(List<Path> files, ParameterSettings settings) throws IOException {
        Map<Path, NmodlMechanism> compiled = new LinkedHashMap<>();
        Map<Path, ComparedMechanism> mechanisms = new LinkedHashMap<>();
        List<ComparisonRow> notCompiled = new ArrayList<>();
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
                notCompiled.add(ComparisonRow.whole(f, null, "", Double.NaN, Verdict.NOT_COMPILED, why));
            }
        }
        settings.check(List.copyOf(compiled.values()));
        return new Compiled(compiled, mechanisms, notCompiled);
    }

    /**
     * Compares each folder's compiled files (one nrnivmodl per folder) into {@code OUT/neuron/}, an earlier run's
     * {@code neuron/} and {@link #CSV} deleted first (so that a run that stops leaves none of an earlier one's);
     * the rows, for the caller to write as {@link #CSV}.
     */
    public List<ComparisonRow> run(Compiled files) throws IOException {
        Files.createDirectories(out);
        Folders.delete(out.resolve(NEURON_FOLDER));
        Files.deleteIfExists(out.resolve(CSV));
        List<ComparisonRow> rows = new ArrayList<>(files.notCompiled());
        files.notCompiled().forEach(r -> console.println(r.file() + ": not compiled: " + r.detail()));
        Map<Path, NmodlMechanism> compiled = new LinkedHashMap<>(files.mechanisms());
        Set<String> builtIns = neuron.builtIns();
        for (Path f : List.copyOf(compiled.keySet())) {
            String name = files.compared().get(f).name();
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
            Path work = out.resolve(NEURON_FOLDER).resolve(String.format("%02d-%s", ++k,
                    folder.getKey().getFileName()));
            Map<Path, NmodlMechanism> its = new LinkedHashMap<>();
            folder.getValue().forEach(f -> its.put(f, compiled.get(f)));
            rows.addAll(folder(folder.getKey(), its, files.compared(), work));
        }
        return rows;
    }

    /**
     * Whether every row that {@linkplain Verdict#decidesExit decides the exit code} matched and at least one did:
     * the command's exit 0.
     */
    public static boolean allMatch(List<ComparisonRow> rows) {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.MATCH)
                && rows.stream().noneMatch(r -> r.verdict().decidesExit() && r.verdict() != Verdict.MATCH);
    }

    /** A folder's compiled files built by one nrnivmodl and compared. */
    private List<ComparisonRow> folder(Path dir, Map<Path, NmodlMechanism> compiled,
                                       Map<Path, ComparedMechanism> mechanisms, Path work) throws IOException {
        List<ComparisonRow> rows = new ArrayList<>();
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

    /**
     * One mechanism's runs in NEURON (one script, in {@code runsDir}) and here, compared: a run without NEURON's
     * trace is "NEURON's run failed" when NEURON loaded the library, else "NEURON failed" (also when its Python
     * could not start or did not finish).
     */
    List<ComparisonRow> mechanism(NmodlMechanism compiled, ComparedMechanism m, Path library, Path runsDir)
            throws IOException {
        Files.createDirectories(runsDir);
        List<CompareScript.Run> runs = new ArrayList<>();
        for (CompareProtocol p : m.protocols()) {
            for (double c : celsius) {
                runs.add(new CompareScript.Run(p, c, runsDir.resolve(m.name() + "_" + p.label() + "_" + c + ".csv")));
            }
        }
        Path script = runsDir.resolve(m.name() + ".py");
        Files.writeString(script, CompareScript.generate(library, m, settings.of(m.name()), runs));
        boolean loaded;
        String neuronSaid;
        try {
            LiveNeuron.Result result = neuron.runScript(script, runsDir);
            loaded = result.output().lines().anyMatch(CompareScript.LOADED::equals);
            neuronSaid = "exit " + result.exit() + ": " + LiveNeuron.tail(result.output());
        } catch (IOException e) {
            loaded = false;
            neuronSaid = e.getMessage();
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (CompareScript.Run run : runs) {
            String protocol = run.protocol().label();
            NeuronTrace trace = null;
            String noTrace = "no trace (" + neuronSaid + ")";
            try {
                if (Files.isRegularFile(run.csv())) {
                    trace = NeuronTrace.read(run.csv());
                }
            } catch (IOException e) {
                noTrace = e.getMessage();
            }
            if (trace == null) {
                rows.add(ComparisonRow.whole(m.file(), m.name(), protocol, run.celsius(), loaded
                        ? Verdict.NEURON_RUN_FAILED : Verdict.NEURON_FAILED, noTrace));
                continue;
            }
            try {
                Recorder rec = SpineformerRun.run(compiled, m, settings.of(m.name()), run.protocol(), run.celsius(),
                        List.copyOf(trace.columns().keySet()));
                Map<String, double[]> here = new LinkedHashMap<>();
                here.put("t", rec.time());
                rec.names().forEach(n -> here.put(n, rec.column(n)));
                rows.addAll(columns(m.file(), m.name(), protocol, run.celsius(), trace, here, tolerance));
            } catch (RuntimeException e) {
                rows.add(failedHere(m.file(), m.name(), protocol, run.celsius(), trace, e));
            }
        }
        console.println(m.file() + ": " + m.name() + ", " + runs.size() + " runs: " + verdicts(rows));
        return rows;
    }

    /**
     * The row of a run that threw {@code e} here: "NEURON not finite" when it is a {@link NonFiniteStateException}
     * seen no earlier than NEURON's first nan or inf (it blew up in both: a log of a negative concentration ...),
     * else "failed here", an error of ours.
     */
    static ComparisonRow failedHere(Path file, String mechanism, String protocol, double celsius, NeuronTrace neuron,
                                    RuntimeException e) {
        NotFinite first = NotFinite.first(neuron);
        double[] t = neuron.columns().get("t");
        if (e instanceof NonFiniteStateException blewUp && first != null && t != null
                && blewUp.timeMs() >= t[first.row()] - SAME_TIME_MS) {
            return ComparisonRow.whole(file, mechanism, protocol, celsius, Verdict.NEURON_NOT_FINITE, "NEURON's "
                    + first.describe(neuron, t) + "; here: " + e.getMessage());
        }
        return ComparisonRow.whole(file, mechanism, protocol, celsius, Verdict.FAILED_HERE, e.toString());
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
        NotFinite first = NotFinite.first(neuron);
        int compared = first == null ? neuronTime.length : first.row();
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
                d = TraceDifference.of(Arrays.copyOf(expected, compared), Arrays.copyOf(actual, compared));
                if (!(d.relative() <= tolerance)) { // a NaN here differs
                    verdict = Verdict.DIFFERS;
                    detail = "largest at t = " + neuronTime[d.row()] + " ms: NEURON " + expected[d.row()] + ", here "
                            + actual[d.row()];
                } else if (first != null) {
                    verdict = Verdict.NEURON_NOT_FINITE;
                    detail = "NEURON's " + first.describe(neuron, neuronTime) + "; the rows before match";
                } else {
                    verdict = Verdict.MATCH;
                }
            }
            rows.add(new ComparisonRow(file, mechanism, protocol, celsius, column.getKey(), d.largest(), d.scale(),
                    verdict, detail));
        }
        return rows;
    }

    /** NEURON's first nan or inf in a run: its row (the first of any column) and the first column holding one. */
    private record NotFinite(int row, String column) {
        /** The first in {@code trace}, or null when it is finite throughout. */
        static NotFinite first(NeuronTrace trace) {
            NotFinite first = null;
            for (Map.Entry<String, double[]> column : trace.columns().entrySet()) {
                double[] values = column.getValue();
                for (int i = 0; i < values.length && (first == null || i < first.row()); i++) {
                    if (!Double.isFinite(values[i])) {
                        first = new NotFinite(i, column.getKey());
                        break;
                    }
                }
            }
            return first;
        }

        /** "-Infinity in ica at t = 36.75 ms". */
        String describe(NeuronTrace trace, double[] time) {
            return trace.columns().get(column)[row] + " in " + column + " at t = " + time[row] + " ms";
        }
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

    /**
     * A run's verdict: its worst column's (one deciding the exit code that does not match first, then NEURON's
     * failures).
     */
    private static String runVerdict(List<ComparisonRow> run) {
        return run.stream().map(ComparisonRow::verdict).filter(v -> v.decidesExit() && v != Verdict.MATCH).findFirst()
                .or(() -> run.stream().map(ComparisonRow::verdict).filter(v -> v != Verdict.MATCH).findFirst())
                .orElse(Verdict.MATCH).text();
    }

    /** The console's last line: how many of {@code files} did not compile, how many runs had which verdict. */
    public void summary(int files, List<ComparisonRow> rows) {
        long notCompiled = rows.stream().filter(r -> r.verdict() == Verdict.NOT_COMPILED).count();
        Map<String, List<ComparisonRow>> runs = rows.stream().filter(r -> !r.protocol().isEmpty())
                .collect(Collectors.groupingBy(r -> r.file() + " " + r.protocol() + " " + r.celsius(),
                        LinkedHashMap::new, Collectors.toList()));
        Map<String, Long> counts = runs.values().stream().collect(Collectors.groupingBy(
                Comparison::runVerdict, LinkedHashMap::new, Collectors.counting()));
        console.printf("%d files, %d not compiled; %d runs: %s; " + CSV + " in %s%n", files, notCompiled,
                runs.size(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")), outGiven);
        console.flush();
    }
}
