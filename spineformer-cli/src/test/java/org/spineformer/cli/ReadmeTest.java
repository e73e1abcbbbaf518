package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's commands table is what a user can paste, in the order of the top-level help. */
class ReadmeTest {
    /** Tests run in the module's folder; the README is the repository's. */
    private static final Path ROOT = Path.of("..");

    @Test
    void theCommandsTableUsesTheLauncherInTheHelpsOrder() throws IOException {
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.startsWith("| `") && line.contains("spineformer ")) {
                assertThat(line).startsWith("| `bin/spineformer ");
                String command = line.substring("| `bin/spineformer ".length()).split("[ `]")[0];
                if (commands.isEmpty() || !commands.get(commands.size() - 1).equals(command)) {
                    commands.add(command); // a subcommand's row (attention capacity) follows its command's
                }
            }
        }
        List<String> help = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
        help.remove("help");
        assertThat(commands).isEqualTo(help);
    }

    @Test
    void theBadInputPageHasASectionPerCommand() throws IOException {
        List<String> headings = Files.readAllLines(ROOT.resolve("docs/user/bad-input.md")).stream()
                .filter(l -> l.startsWith("## ")).toList();
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertThat(headings).as(command).contains("## " + command);
            }
        }
    }

    @Test
    void theDefaultOutputFoldersAreIgnoredByGit() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore")))
                .contains("demo-output/", "reproduce-output/", "attention-output/");
    }
}
