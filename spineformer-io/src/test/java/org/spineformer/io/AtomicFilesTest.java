package org.spineformer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheContentAndCreatesParentDirectories() throws IOException {
        Path file = dir.resolve("a/b/out.txt");
        AtomicFiles.write(file, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(file).hasContent("hello");
        try (var listing = Files.list(dir.resolve("a/b"))) {
            assertThat(listing.toList()).containsExactly(file);
        }
    }

    @Test
    void aFailingWriterLeavesNoFileAndNoTemporary() {
        Path file = dir.resolve("out.txt");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(file).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFailingWriterLeavesAnExistingFileAsItWas() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(file).hasContent("old");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(file);
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old content, longer");
        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(file).hasContent("new");
    }

    @Test
    void contentMayCloseItsStreamToFinishAGzipTrailer() throws IOException {
        Path file = dir.resolve("out.txt.gz");
        AtomicFiles.write(file, out -> {
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
                w.write("compressed");
            }
        });
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("compressed");
        }
    }

    @Test
    void theFileGetsTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, out -> out.write(1));
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
