package org.spineformer.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files whole or not at all: the content goes to a hidden temporary sibling, which is flushed to disk and
 * then renamed over the target. Readers never see a half-written file, and a failed write leaves no file behind
 * (an existing target stays as it was).
 */
public final class AtomicFiles {

    /** Produces a file's content. It may close the stream it is given (to finish a gzip trailer, say). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} from {@code content}, creating its parent directories as needed. */
    public static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        // Same directory, so the rename cannot cross file systems. Not Files.createTempFile: its files are
        // owner-only (0600) and the rename would carry that mode over to the output.
        Path tmp = dir.resolve("." + file.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new CloseFlushes(out));
                out.flush();
                // Without this, a crash soon after the rename can leave an empty file under the final name.
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Lets content close its wrappers without closing the file, which is still to be forced and renamed. */
    private static final class CloseFlushes extends FilterOutputStream {
        CloseFlushes(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
