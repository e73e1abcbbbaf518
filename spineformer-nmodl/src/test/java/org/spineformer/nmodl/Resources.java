package org.spineformer.nmodl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.parse.Parser;

/** The project's own mod files in the test resources. */
final class Resources {
    private Resources() {
    }

    static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code /mod/<path>}, named by its file name in messages. */
    static ModFile mod(String path) {
        return Parser.parse(path.substring(path.lastIndexOf('/') + 1), text("/mod/" + path));
    }
}
