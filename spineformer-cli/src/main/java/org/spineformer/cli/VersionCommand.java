package org.spineformer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer version}: the project version, the JVM and the machine. */
@Command(name = "version", description = "Print the Spineformer version, the JVM and the machine.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/spineformer-version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void run() {
        spec.commandLine().getOut().printf("spineformer %s%njava %s (%s)%nos %s %s, %d cores%n", version(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    }

    /** Supplies {@code --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spineformer " + version()};
        }
    }
}
