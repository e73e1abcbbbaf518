package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.ellwood2024.PanelSweeps;
import org.spineformer.experiments.sweep.Sweep;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepEngines;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spineformer sweep EXPERIMENT}: a panel over a grid of its config's values, here or on a Spark cluster. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class, description = {
        "Run a panel of Ellwood (2024) over a grid of its config's values, here or on a Spark cluster.",
        "Every combination of the --param values gets its own folder DIR/name=value/...",
        "holding what 'reproduce' writes for the panel. Trial i is the same on any engine;",
        "a rerun computes only the missing trials. --engine spark needs",
        "spineformer-spark.jar (docs/user/spark.md).",
        "EXPERIMENT: fig2a fig2b fig2cd fig3a fig3be fig3fg fig4bef fig4c fig4d fig5."})
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "The panel (fig3be ...).")
    private String experiment;

    @Option(names = "--param", paramLabel = "NAME=V1,V2,...",
            description = "A config component of the panel and its values (repeatable; e.g. runs=100, "
                    + "matchWindowS=0.5,1,2). Unset components keep the paper's values.")
    private List<String> parameters = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "ENGINE", description = "local (default) or spark.")
    private String engine = SweepEngines.DEFAULT;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[*], spark://host:7077, yarn ...); default: spark-submit's.")
    private String master;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads of the local engine; default: all "
            + "cores.")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep's output folder.")
    private Path out;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private LanesOption lanes;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The cell: a cell description file with an \"experiment\" part, or a bundled description's"
                    + " name; default: the paper's (ellwood2024).")
    private String model;

    @Mixin
    private MorphologyDirOption morphologyDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        lanes.check();
        if (master != null && engine.equals(SweepEngines.DEFAULT)) {
            throw new IllegalArgumentException("--master " + master + " is for --engine spark");
        }
        SweepEngine chosen = SweepEngines.find(engine);
        CellModel cell = morphologyDir.load(model);
        // The --param values, in their order (it nests the point folders), and the cell determine what it writes.
        Map<String, String> settings = new LinkedHashMap<>();
        if (!parameters.isEmpty()) {
            settings.put("--param", String.join(" ", parameters));
        }
        if (!cell.isPaper()) {
            settings.put("--model", cell.name() + " (sha256 " + cell.sha256() + ")");
            MorphologyDirOption.record(cell, settings);
        }
        OutputFolder.claim(out, "--out", "sweep " + experiment, Map.of(), settings);
        SweepEngine.Options options = new SweepEngine.Options(threads != null ? threads : TrialRunner.allCores(),
                master, console, quiet.progressTo(err), System.console() != null, lanes.count());
        Sweep<?, ?, ?> sweep = Sweep.prepare(PanelSweeps.find(experiment, cell), parameters, out, options);
        OutputFolder.record(out, "sweep " + experiment, Map.of(), settings);
        console.println(experiment + ": " + sweep.points().size() + " grid point(s), engine " + chosen.name());
        console.flush();
        chosen.run(sweep, options); // a failed trial is reported by Main, with the way to resume
        console.println("Outputs in " + out.toAbsolutePath().normalize());
        console.flush();
        return 0;
    }
}
