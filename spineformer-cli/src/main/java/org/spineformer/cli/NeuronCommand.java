package org.spineformer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code bench --neuron-command}: a user's command that runs NEURON on the benchmark's trial and prints its run's
 * seconds as the last line of its standard output. Its standard error goes to ours, so NEURON's messages show.
 */
final class NeuronCommand {
    private NeuronCommand() {
    }

    /** Runs {@code command} with {@code /bin/sh -c} and returns the seconds it printed last. */
    static double run(String command) throws IOException, InterruptedException {
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
        double seconds;
        try {
            seconds = Double.parseDouble(last);
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("--neuron-command '" + command + "' must print its run's seconds as"
                    + " the last line of its output; its last line was '" + last + "'");
        }
        return seconds;
    }
}
