package org.spineformer.cli;

import org.spineformer.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer version}: the project version and commit, the JVM and the machine. */
@Command(name = "version", description = "Print the Spineformer version and git commit, the JVM and the machine.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    static String version() {
        return Provenance.version();
    }

    @Override
    public void run() {
        spec.commandLine().getOut().printf("spineformer %s%ncommit %s%njava %s%nos %s %s, %d cores%n", version(),
                Provenance.commit(), Provenance.jvm(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    /** Supplies {@code --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spineformer " + version()};
        }
    }
}
