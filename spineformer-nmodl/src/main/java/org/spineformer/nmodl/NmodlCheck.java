package org.spineformer.nmodl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.NmodlSyntaxException;
import org.spineformer.nmodl.parse.Parser;

/** What {@code spineformer nmodl check} reports for one file: every reason it would not compile. */
public final class NmodlCheck {
    private NmodlCheck() {
    }

    /**
     * The file's problems: a syntax error, or the checker's findings, or else what the compiler does not support
     * yet; empty when the file would compile.
     */
    public static List<Diagnostic> check(Path file) {
        ModFile mod;
        try {
            mod = Parser.parse(file);
        } catch (NmodlSyntaxException e) {
            return List.of(new Diagnostic(e.file(), e.pos(), e.getMessage().substring(e.getMessage()
                    .indexOf(": ") + 2)));
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            return List.of(new Diagnostic(file.toString(), Pos.NONE, "cannot read the file: " + reason));
        }
        return NmodlMechanism.problems(mod);
    }
}
