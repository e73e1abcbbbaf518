package org.spineformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spineformer} command. */
@Command(name = "spineformer", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Match-and-control attention in a biophysical pyramidal neuron (Ellwood 2024), NEURON-compatible.",
        subcommands = {VersionCommand.class, AttentionCommand.class, MechanismsCommand.class, ReplayCommand.class, DemoCommand.class, BenchCommand.class, ReproduceCommand.class, SweepCommand.class, NmodlCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                // bad input: the message names the file, field and value; a stack trace would bury it
                commandLine.getErr().println("spineformer: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
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
