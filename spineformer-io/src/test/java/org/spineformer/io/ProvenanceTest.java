package org.spineformer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void theBuildIsNamed() {
        assertThat(Provenance.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Provenance.commit()).matches("[0-9a-f]{40}(\\+dirty)?|unknown");
        assertThat(Provenance.jvm()).startsWith(System.getProperty("java.version") + " (");
    }

    /**
     * The commit is the HEAD of the checkout the module was built in, a clone or a linked worktree (git worktree
     * add: the build once recorded the main checkout's commit there), as git itself reads it. Skipped where git or
     * the project's own repository is missing (a source archive, perhaps unpacked inside another repository).
     */
    @Test
    void theCommitIsTheHeadOfTheCheckoutBuilt() throws IOException, InterruptedException {
        Path module = Path.of("").toRealPath();
        List<String> git = git(module, "rev-parse", "--show-toplevel", "HEAD");
        assumeTrue(git.size() == 2 && Path.of(git.get(0)).equals(module.getParent()),
                "not built in the project's own git checkout");
        assertThat(Provenance.commit()).matches(git.get(1) + "(\\+dirty)?");
    }

    /** git's output lines, run in the folder; none where git is missing or fails. */
    private static List<String> git(Path folder, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return p.waitFor() == 0 ? lines : List.of();
        } catch (IOException noGit) {
            return List.of();
        }
    }

    @Test
    void fileHashesAreThoseOfSha256sum() throws IOException {
        // sha256sum of the three bytes "abc" (FIPS 180-2's first example).
        Path abc = Files.writeString(tmp.resolve("abc.txt"), "abc");
        assertThat(Provenance.sha256(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) Provenance.of("replay",
                Map.of("stimulus", abc)).get("inputs")).get("stimulus");
        assertThat(input).containsEntry("path", abc.toString())
                .containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theCommandLineReadsBackInAShell() {
        Provenance.recordCommandLine("spineformer", List.of("replay", "my stim.json", "--out", "it's", "--quiet"));
        assertThat(Provenance.commandLine()).isEqualTo("spineformer replay 'my stim.json' --out 'it'\\''s' --quiet");
    }
}
