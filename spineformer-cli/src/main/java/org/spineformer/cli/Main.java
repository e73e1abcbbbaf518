package org.spineformer.cli;

import org.spineformer.engine.NonFiniteStateException;
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
                NmodlCommand.class, MechanismsCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
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
                commandLine.getErr().println("spineformer: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            if (ex instanceof NonFiniteStateException) {
                // the run blew up: the message says when and where; the inputs or parameters need changing
                commandLine.getErr().println("spineformer: " + ex.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
