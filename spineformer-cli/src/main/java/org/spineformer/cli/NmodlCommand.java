package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spineformer.nmodl.NmodlCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer nmodl}: NMODL (.mod) files. */
@Command(name = "nmodl", description = "Work with NMODL (.mod) files.",
        subcommands = {NmodlCommand.Check.class, CommandLine.HelpCommand.class})
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
}
