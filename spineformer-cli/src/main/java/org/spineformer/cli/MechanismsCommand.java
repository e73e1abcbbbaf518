package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.nmodl.gen.NmodlMechanism;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spineformer mechanisms}: the catalogue, each mechanism with its fields, units and defaults; with
 * {@code --mod DIR}, the mechanisms compiled from a folder's mod files instead.
 */
@Command(name = "mechanisms", description = "List every mechanism with its fields, units, defaults and valid ranges;"
        + " with --mod DIR, the mechanisms compiled from the folder's .mod files (the others with the reasons they do"
        + " not compile, on stderr, and exit code 2).")
final class MechanismsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "NAME", description = "Only these mechanisms.")
    private List<String> names = List.of();

    @CommandLine.Option(names = "--mod", paramLabel = "DIR", description = "List the mechanisms compiled from the"
            + " .mod files of this folder.")
    private Path modDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalogue catalogue = modDir == null ? Catalogue.discover() : new Catalogue();
        boolean allCompiled = modDir == null || compileFolder(catalogue);
        Collection<Mechanism> shown = names.isEmpty() ? catalogue.all() : names.stream().map(catalogue::get).toList();
        for (Mechanism m : shown) {
            out.printf("%s  (%s)  %s%n", m.name(), m.kind().name().toLowerCase().replace('_', ' '), m.description());
            for (FieldSpec f : m.fields()) {
                String dflt = f.role() == FieldRole.PARAMETER ? "default " + f.defaultValue() + "; " + f.rangeText() : "";
                out.printf("    %-28s %-9s %-9s %s%s%n", f.name(), f.role().name().toLowerCase(), "[" + f.unit() + "]",
                        f.description(), dflt.isEmpty() ? "" : " (" + dflt + ")");
            }
            out.println();
        }
        out.flush();
        return allCompiled ? 0 : 2;
    }

    /** Registers every mod file of the folder that compiles; reports the others on stderr. */
    private boolean compileFolder(Catalogue catalogue) {
        List<NmodlMechanism> compiled = new ArrayList<>();
        boolean all = ModFolder.compile(modDir, compiled, spec.commandLine().getErr());
        compiled.forEach(catalogue::register);
        return all;
    }
}
