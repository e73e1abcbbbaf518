package org.spineformer.cell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;
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

    /**
     * The mod files {@code model export --neuron} writes beside its script, file name to text: every file of the
     * description's bundled sets and, with {@code projectMods}, the project's own mod file of each other mechanism
     * the cell uses ({@link BundledMod#projectFile}: the paper's channels and spine mechanisms, which the engine has
     * built in), so that nrnivmodl on that one folder gives NEURON every mechanism of the cell.
     */
    public static Map<String, String> exportFiles(CellDescription description, AssembledCell cell,
                                                  boolean projectMods) {
        Map<String, String> files = new TreeMap<>();
        for (String set : description.mod()) {
            String name = set.substring(CellDescription.BUNDLED_MOD.length());
            for (String f : BundledMod.files(name)) {
                files.put(f, BundledMod.text(name, f));
            }
        }
        if (projectMods) {
            Set<String> used = new LinkedHashSet<>(cell.mechanismOrder());
            cell.synapses().forEach(s -> used.add(s.mechanism()));
            cell.pointProcesses().forEach(p -> used.add(p.mechanism()));
            for (String mechanism : used) {
                String[] own = BundledMod.projectFile(mechanism);
                if (own != null) {
                    files.putIfAbsent(own[1], BundledMod.text(own[0], own[1]));
                }
            }
        }
        return files;
    }

    /** {@link #catalogue} on {@link Catalogue#discover()}, replacements unsaid. */
    public static Catalogue catalogue(CellDescription description) {
        return catalogue(description, Catalogue.discover(), line -> { });
    }
}
