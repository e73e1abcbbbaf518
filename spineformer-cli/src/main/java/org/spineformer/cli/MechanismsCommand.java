package org.spineformer.cli;

import java.io.PrintWriter;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer mechanisms}: the catalogue, each mechanism with its fields, units and defaults. */
@Command(name = "mechanisms", description = "List every mechanism with its fields, units, defaults and valid ranges.")
final class MechanismsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "NAME", description = "Only these mechanisms.")
    private java.util.List<String> names = java.util.List.of();

    @Override
    public void run() {
        Catalogue catalogue = Catalogue.discover();
        PrintWriter out = spec.commandLine().getOut();
        for (Mechanism m : names.isEmpty() ? catalogue.all() : names.stream().map(catalogue::get).toList()) {
            out.printf("%s  (%s)  %s%n", m.name(), m.kind().name().toLowerCase().replace('_', ' '), m.description());
            for (FieldSpec f : m.fields()) {
                String dflt = f.role() == FieldRole.PARAMETER ? "default " + f.defaultValue() + "; " + f.rangeText() : "";
                out.printf("    %-28s %-9s %-9s %s%s%n", f.name(), f.role().name().toLowerCase(), "[" + f.unit() + "]",
                        f.description(), dflt.isEmpty() ? "" : " (" + dflt + ")");
            }
            out.println();
        }
        out.flush();
    }
}
