package org.spineformer.nmodl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.check.IncludeOnlyVerbatim;
import org.spineformer.nmodl.check.IonCopyVerbatim;
import org.spineformer.nmodl.check.ReturnZeroIdiom;
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
        return report(file).problems();
    }

    /**
     * What {@code nmodl check} prints of a file: its problems ({@link #check}) and notes on what was recognized and
     * is compiled differently from its text (a VERBATIM of {@code #include} lines only and the VERBATIM {@code return
     * 0;} ending a PROCEDURE, left out; VERBATIM copies of ion variables, compiled as assignments; printf's
     * integer conversions, whose output NEURON leaves undefined).
     */
    public record Report(List<Diagnostic> problems, List<Diagnostic> notes) {
    }

    /** The file's problems and notes; no notes when it does not parse. */
    public static Report report(Path file) {
        ModFile mod;
        try {
            mod = Parser.parse(file);
        } catch (NmodlSyntaxException e) {
            return new Report(List.of(new Diagnostic(e.file(), e.pos(), e.getMessage().substring(e.getMessage()
                    .indexOf(": ") + 2))), List.of());
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            return new Report(List.of(new Diagnostic(file.toString(), Pos.NONE, "cannot read the file: " + reason)),
                    List.of());
        }
        List<Diagnostic> notes = new java.util.ArrayList<>(IncludeOnlyVerbatim.notes(mod));
        notes.addAll(ReturnZeroIdiom.notes(mod));
        notes.addAll(org.spineformer.nmodl.gen.CFormat.notes(mod));
        List<Diagnostic> problems = NmodlMechanism.problems(mod);
        if (problems.isEmpty()) {
            notes.addAll(IonCopyVerbatim.notes(mod)); // what is compiled: said only of a file that compiles
        }
        return new Report(problems, notes);
    }
}
