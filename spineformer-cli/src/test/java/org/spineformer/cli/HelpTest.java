package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** -h, --help and --version on every command, and the top-level command list. */
class HelpTest {
    /** The README's order. */
    /** Every command of the top level, in its order (a new command is covered without touching this test). */
    static final List<String> COMMANDS = Main.commandLine().getSubcommands().keySet().stream()
            .filter(c -> !c.equals("help")).toList();

    static List<String> commands() {
        return COMMANDS;
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandTakesHelpAndH(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            CliRun r = run(command, flag);
            assertThat(r.exit()).as(command + " " + flag + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: spineformer " + command);
            assertThat(r.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandTakesVersion(String command) {
        CliRun r = run(command, "--version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("spineformer " + VersionCommand.version());
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("spineformer " + VersionCommand.version());
        assertThat(VersionCommand.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void topLevelHelpListsEveryCommandInOrderWithItsWholeSummary() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        String text = r.out().replaceAll("\\s+", " ");
        int last = -1;
        CommandLine cl = Main.commandLine();
        for (String command : COMMANDS) {
            String summary = cl.getSubcommands().get(command).getCommandSpec().usageMessage().description()[0];
            assertThat(summary).as(command + "'s summary is a sentence").endsWith(".");
            int at = text.indexOf(" " + command + " " + summary);
            assertThat(at).as(command + " listed with its whole summary after the previous command")
                    .isGreaterThan(last);
            last = at;
        }
    }
}
