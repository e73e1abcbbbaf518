package org.spineformer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

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
