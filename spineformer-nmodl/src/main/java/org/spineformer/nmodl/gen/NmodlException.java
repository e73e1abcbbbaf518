package org.spineformer.nmodl.gen;

import java.util.List;
import java.util.stream.Collectors;
import org.spineformer.nmodl.check.Diagnostic;

/** A mod file that cannot be compiled: every reason, each with file, line and column. */
public final class NmodlException extends IllegalArgumentException {
    private final List<Diagnostic> problems;

    public NmodlException(List<Diagnostic> problems) {
        super(problems.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Diagnostic> problems() {
        return problems;
    }
}
