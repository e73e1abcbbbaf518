package org.spineformer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process invocation of the command line: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {
    static CliRun run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** With {@code command} added to the command line, to drive Main's error handling through a test's command. */
    static CliRun runWith(Object command, String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(command);
        return run(cl, args);
    }

    private static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
