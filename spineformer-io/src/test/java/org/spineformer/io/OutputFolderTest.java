package org.spineformer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.json.JsonFiles;

class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aNewFolderUnderAWritableOneIsFineAndIsNotCreated() throws IOException {
        Path dir = tmp.resolve("a").resolve("b");
        OutputFolder.checkWritable(dir, "--out");
        assertThat(tmp.resolve("a")).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the probe file is gone").isEmpty();
        }
    }

    @Test
    void anExistingFolderIsFine() {
        OutputFolder.checkWritable(tmp, "--out");
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> OutputFolder.checkWritable(file, "--out"))
                .hasMessage("--out " + file + " is a file, not a folder");
        assertThatThrownBy(() -> OutputFolder.checkWritable(file.resolve("sub"), "--out"))
                .hasMessage("--out " + file.resolve("sub") + ": " + file + " is a file, so no folder can be made"
                        + " under it");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFolderOfAnotherKindOrInputIsRefused() throws IOException {
        Path stim = Files.writeString(tmp.resolve("stim.json"), "abc");
        Path other = Files.writeString(tmp.resolve("other.json"), "abd");
        Path dir = Files.createDirectories(tmp.resolve("out"));
        JsonFiles.write(dir.resolve("result.json"), Map.of("provenance", Provenance.of("replay",
                Map.of("stimulus", stim))));
        OutputFolder.claim(dir, "--out", "replay", Map.of("stimulus", stim));
        OutputFolder.claim(dir, "--out", "replay", Map.of("thresholds", other)); // an input it did not have
        assertThatThrownBy(() -> OutputFolder.claim(dir, "--out", "demo", Map.of()))
                .hasMessage("--out " + dir + " holds the outputs of 'replay' (result.json), not of 'demo'; choose"
                        + " another --out");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "--out", "replay", Map.of("stimulus", other)))
                .hasMessageStartingWith("--out " + dir + " holds the outputs of 'replay' on another stimulus ("
                        + stim + " with SHA-256 ba7816bf");
    }

    @Test
    void olderSummariesWithoutProvenanceAreKnownByTheirPanelOrBackend() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fig5"));
        Files.writeString(dir.resolve("summary.json"), "{\"panel\": \"fig5\"}");
        OutputFolder.claim(dir, "--out", "reproduce fig5", Map.of());
        assertThatThrownBy(() -> OutputFolder.claim(dir, "--out", "attention", Map.of()))
                .hasMessageContaining("holds the outputs of 'reproduce fig5' (summary.json)");
        Files.writeString(dir.resolve("summary.json"), "{\"backend\": \"reduced\"}");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "--out", "reproduce fig5", Map.of()))
                .hasMessageContaining("holds the outputs of 'attention' (summary.json)");
        Files.writeString(dir.resolve("summary.json"), "{not json");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "--out", "reproduce fig5", Map.of()))
                .hasMessage("--out " + dir + " holds summary.json, which is not readable JSON; choose another --out");
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> OutputFolder.checkWritable(Path.of(""), "--out"))
                .hasMessage("--out is empty: give the output folder");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderThatCannotBeWrittenIsNamed() {
        // /proc refuses new files even to root.
        assertThatThrownBy(() -> OutputFolder.checkWritable(Path.of("/proc/x"), "--out"))
                .hasMessageStartingWith("--out /proc/x: cannot write in /proc (");
    }
}
