package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.spineformer.engine.NonFiniteStateException;
import org.spineformer.experiments.sweep.SweepFailedException;
import org.spineformer.experiments.trial.TrialFailedException;
import org.spineformer.io.ErrorText;
import org.spineformer.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spineformer} command. */
// INHERIT: every command takes -h/--help and -V/--version. The commands are listed in the README's order.
@Command(name = "spineformer", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Match-and-control attention in a biophysical pyramidal neuron (Ellwood 2024), NEURON-compatible.",
        subcommands = {DemoCommand.class, ReproduceCommand.class, SweepCommand.class, ReplayCommand.class,
                AttentionCommand.class, BenchCommand.class, MorphologyCommand.class, ModelCommand.class,
                SimulateCommand.class, NmodlCommand.class, MechanismsCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Said after a failed trial: the journal keeps the finished ones. */
    static final String RESUME = "The finished trials are kept; rerun the same command to resume.";
    /** The environment variable that makes an internal error print its stack trace. */
    static final String DEBUG = "SPINEFORMER_DEBUG";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        InterruptNotice notice = new InterruptNotice(System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(notice::shuttingDown, "interrupt-notice"));
        int status = commandLine().execute(args);
        notice.finished();
        System.exit(status);
    }

    /** The configured command line, also used by the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionStrategy(parseResult -> {
            // Every output's provenance names the command line that made it.
            Provenance.recordCommandLine("spineformer", parseResult.originalArgs());
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                // bad input: the message names the file, field and value; a stack trace would bury it
                commandLine.getErr().println("spineformer: " + ErrorText.of(ex));
                commandLine.getErr().flush();
                return 2;
            }
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IOException) {
                // a file could not be read or written (a full disk, a folder removed under the run)
                err.println("spineformer: " + ErrorText.of(ex));
            } else if (ex instanceof NonFiniteStateException) {
                // the run blew up: the message says when and where; the inputs or parameters need changing
                err.println("spineformer: " + ex.getMessage());
            } else if (ex instanceof TrialFailedException || ex instanceof SweepFailedException) {
                // reproduce, sweep, attention: the message names the trial and says what went wrong in it
                err.println("spineformer: " + ex.getMessage());
                err.println(RESUME);
            } else {
                // a bug: one line for the user, the stack trace for the report when asked for
                err.println("spineformer: internal error: " + ErrorText.of(ex) + "; please report it with the command"
                        + " line (" + DEBUG + "=1 prints the details)");
                if (System.getenv(DEBUG) != null) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
