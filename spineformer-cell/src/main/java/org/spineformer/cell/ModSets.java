package org.spineformer.cell;

import java.util.List;
import java.util.function.Consumer;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.CellDescription;
import org.spineformer.nmodl.BundledMod;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The catalogue a cell description is lowered with: the built-in mechanisms and its mod sets, compiled. */
public final class ModSets {
    private ModSets() {
    }

    /**
     * {@code builtIns} with every mechanism of the description's {@code mod} sets ({@code bundled:NAME}, in order)
     * compiled in, each named like a built-in replacing it (the console hears one line per replacement). A set that
     * does not exist is an error naming the description and the bundled sets, before anything is compiled.
     */
    public static Catalogue catalogue(CellDescription description, Catalogue builtIns, Consumer<String> console) {
        List<String> sets = description.mod().stream().map(s -> s.substring(CellDescription.BUNDLED_MOD.length()))
                .toList();
        for (String set : sets) {
            if (!BundledMod.SETS.containsKey(set)) {
                throw new IllegalArgumentException("cell description " + description.name() + ": mod set '"
                        + CellDescription.BUNDLED_MOD + set + "': no such bundled set; bundled: "
                        + BundledMod.SETS.keySet());
            }
        }
        Catalogue catalogue = builtIns;
        for (String set : sets) {
            catalogue = NmodlMechanism.replacing(catalogue, BundledMod.compile(set), console);
        }
        return catalogue;
    }

    /** {@link #catalogue} on {@link Catalogue#discover()}, replacements unsaid. */
    public static Catalogue catalogue(CellDescription description) {
        return catalogue(description, Catalogue.discover(), line -> { });
    }
}
