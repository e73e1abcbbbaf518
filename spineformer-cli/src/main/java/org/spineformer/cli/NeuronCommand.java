package org.spineformer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code bench --neuron-command}: a user's command that runs NEURON on the benchmark's trial and prints its run's
 * seconds as the last line of its standard output: its wall seconds, optionally followed by its CPU seconds over the
 * same run (e.g. Python's {@code time.process_time()}), which on a loaded machine compare fairly with our thread's
 * CPU time where wall times include waiting for a core. Its standard error goes to ours, so NEURON's messages show.
 */
final class NeuronCommand {
    private NeuronCommand() {
    }

    /** One NEURON run's seconds: wall, and CPU (NaN when the command printed only the wall seconds). */
    record Seconds(double wall, double cpu) {
    }

    /** Runs {@code command} with {@code /bin/sh -c} and returns the seconds it printed last. */
    static Seconds run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalArgumentException("--neuron-command '" + command + "' exited with status " + status);
        }
        List<String> lines = out.strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        String[] fields = last.split("\\s+");
        double wall = fields.length <= 2 ? positiveSeconds(fields[0]) : Double.NaN;
        double cpu = fields.length == 2 ? positiveSeconds(fields[1]) : Double.NaN;
        if (Double.isNaN(wall) || fields.length == 2 && Double.isNaN(cpu)) {
            throw new IllegalArgumentException("--neuron-command '" + command + "' must print its run's seconds as"
                    + " the last line of its output (wall seconds, optionally followed by CPU seconds); its last line"
                    + " was '" + last + "'");
        }
        return new Seconds(wall, cpu);
    }

    /** The number, or NaN unless it is a positive finite number. */
    private static double positiveSeconds(String text) {
        try {
            double seconds = Double.parseDouble(text);
            return seconds > 0 && Double.isFinite(seconds) ? seconds : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
