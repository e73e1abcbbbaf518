package org.spineformer.nmodl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own mod files shipped in this module's resources ({@code mod/SET/}),
 * written from the mechanisms' equations, by set: a cell description names a set as {@code "mod":
 * ["bundled:SET"]} so that it runs with no mod file of the user's.
 */
public final class BundledMod {
    /** Each set's files, without {@code .mod}. */
    public static final Map<String, List<String>> SETS = new TreeMap<>(Map.of(
            "hay2011", List.of("CaDynamics_E2", "Ca_HVA", "Ca_LVAst", "Ih", "Im", "K_Pst", "K_Tst", "NaTa_t",
                    "NaTs2_t", "Nap_Et2", "SK_E2", "SKv3_1", "epsp")));

    /**
     * The folders of the project's own mod files: the sets, and the mechanisms the engine has hand-written (the
     * paper's Bahl et al. channels and spine mechanisms), kept as mod files for NEURON cross-checks.
     */
    private static final List<String> FOLDERS = List.of("hay2011", "bahl2012", "ellwood2024");

    private BundledMod() {
    }

    /**
     * The project's own mod file of a mechanism, as {@code {folder, name.mod}}, found by file name (each file is
     * named for the SUFFIX or POINT_PROCESS it declares); null when the project has none.
     */
    public static String[] projectFile(String mechanism) {
        for (String folder : FOLDERS) {
            if (BundledMod.class.getResource("/mod/" + folder + "/" + mechanism + ".mod") != null) {
                return new String[] {folder, mechanism + ".mod"};
            }
        }
        return null;
    }

    /** The files of a set, as {@code name.mod}; an error naming the known sets if there is no such set. */
    public static List<String> files(String set) {
        List<String> names = SETS.get(set);
        if (names == null) {
            throw new IllegalArgumentException("no bundled mod set '" + set + "'; bundled: " + SETS.keySet());
        }
        return names.stream().map(n -> n + ".mod").toList();
    }

    /** The text of one file of a set (or of a folder of {@link #projectFile}). */
    public static String text(String set, String file) {
        String resource = "/mod/" + set + "/" + file;
        try (InputStream in = BundledMod.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled mod file " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every mechanism of a set, compiled (once per process: compiled classes are cached by text), in nrnivmodl's
     * order of the set's files ({@link NrnivmodlOrder}), their order among NEURON's mechanism types.
     */
    public static List<NmodlMechanism> compile(String set) {
        List<NmodlMechanism> out = new ArrayList<>();
        for (String file : files(set).stream().sorted(NrnivmodlOrder.NAMES).toList()) {
            out.add(NmodlMechanism.compile("bundled:" + set + "/" + file, text(set, file)));
        }
        return out;
    }
}
