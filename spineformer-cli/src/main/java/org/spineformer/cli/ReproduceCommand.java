package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.ellwood2024.Panels;
import org.spineformer.experiments.ellwood2024.Request;
import org.spineformer.io.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spineformer reproduce PANEL}: one of the paper's figure panels, or all of them. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class, description = {
        "Reproduce a panel of Ellwood (2024)'s Figures 2-5 on this program's cell, or all of them.",
        "Runs its trials in parallel, analyses them as the paper does, and writes",
        "summary.json, the per-trial data (CSV, .npz), plots (PNG, SVG) and a table.",
        "An interrupted run resumes when the same command is run again.",
        "See docs/user/experiments.md.",
        "PANEL: fig2a fig2b fig2cd fig3a fig3be fig3fg fig4a fig4bef fig4c fig4d fig5, or all."})
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PANEL", description = "The panel (fig5 ...), or all.")
    private String panel;

    @Option(names = "--trials", paramLabel = "N", description = "Trials (runs) of the panel; default: the paper's.")
    private Integer trials;

    @Option(names = "--match-window", paramLabel = "SECONDS",
            description = "Match window of fig2a, fig3be, fig4bef, fig4c, fig4d, fig5 (the paper: 0.5, 1, 2 s); "
                    + "default 1.")
    private Double matchWindow;

    @Option(names = "--seed", paramLabel = "S", description = "The run's seed; default 0.")
    private Long seed;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private LanesOption lanes;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder; default reproduce-output/PANEL (all: reproduce-output).")
    private Path out;

    @Option(names = "--quick",
            description = "Reduced trial counts (printed); all panels in under 30 minutes on 2 cores.")
    private boolean quick;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The cell: a cell description file with an \"experiment\" part, or a bundled description's"
                    + " name; default: the paper's (ellwood2024). See docs/user/experiments.md.")
    private String model;

    @Mixin
    private MorphologyDirOption morphologyDir;

    @Override
    public Integer call() throws IOException {
        lanes.check();
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean all = "all".equals(panel);
        Panels.Panel chosen = all ? null : Panels.find(panel);
        if (!all) {
            Panels.requireUsed(chosen, trials, matchWindow, seed);
            if (model != null && chosen.name().equals("fig4a")) {
                throw new IllegalArgumentException("--model " + model + ": fig4a runs no cell (it plots the paper's"
                        + " potentiation rule); leave the option out");
            }
        }
        CellModel cell = morphologyDir.load(model);
        Path dir = out != null ? out : Path.of("reproduce-output").resolve(all ? "" : panel);
        OutputFolder.claim(dir, "--out", "reproduce " + panel, Map.of());
        Request request = new Request(dir, trials, matchWindow, seed,
                threads.count(), quick, console, quiet.progressTo(err),
                System.console() != null, cell, lanes.count());
        // A failed trial (TrialFailedException) is reported by Main, with the way to resume.
        if (all) {
            Panels.reproduceAll(request);
        } else {
            if (quick) {
                console.println(chosen.name() + " --quick: " + chosen.quickCounts());
            } else if (trials == null) {
                console.println(Panels.estimate(chosen, request.threads()));
            }
            console.flush();
            chosen.reproduction().reproduce(request);
        }
        console.println("Outputs in " + dir.toAbsolutePath().normalize());
        console.flush();
        return 0;
    }
}
