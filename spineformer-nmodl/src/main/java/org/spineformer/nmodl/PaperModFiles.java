package org.spineformer.nmodl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own mod files for the 12 mechanisms of Ellwood 2024's cell (every one but {@code pas}, which is the
 * engine's), written from their equations and bundled in this module's resources under {@code mod/}: compiled, they
 * replace the hand-written kernels of the same names (the validation tier and {@code bench --compiled}).
 */
public final class PaperModFiles {
    /**
     * Resource paths under {@code /mod/}, in the order nrnivmodl registers the paper's own files they stand for (its
     * folder's file names sorted: BahlEtAl_2012_IKM.mod for BahlEtAl_2012_km, BahlEtAl_2012_h.mod for
     * BahlEtAl_2012_ih, ..., HayEtAl_2011_cadspine.mod), so that compiled in this order ({@link
     * org.spineformer.engine.mech.Catalogue#withReplacements}) they take the type order of the hand-written kernels
     * they replace ({@link org.spineformer.engine.mech.Mechanism#neuronType()}).
     */
    public static final List<String> FILES = List.of(
            "bahl2012/BahlEtAl_2012_km.mod", "bahl2012/BahlEtAl_2012_ih.mod", "bahl2012/BahlEtAl_2012_kfast.mod",
            "bahl2012/BahlEtAl_2012_kslow.mod", "bahl2012/BahlEtAl_2012_nap.mod", "bahl2012/BahlEtAl_2012_nat.mod",
            "ellwood2024/AMPA_WITH_CA.mod", "ellwood2024/NMDA.mod",
            "hay2011/Im.mod", "hay2011/NaTa_t.mod", "hay2011/SKv3_1.mod", "ellwood2024/cadspine.mod");

    private PaperModFiles() {
    }

    /** The text of one bundled file, {@code path} one of {@link #FILES}. */
    public static String text(String path) {
        String resource = "/mod/" + path;
        try (InputStream in = PaperModFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled mod file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + resource, e);
        }
    }

    /** All 12, compiled (once per JVM: {@link NmodlMechanism} caches by text), each named {@code mod/<path>}. */
    public static List<NmodlMechanism> compile() {
        List<NmodlMechanism> compiled = new ArrayList<>();
        for (String path : FILES) {
            compiled.add(NmodlMechanism.compile("mod/" + path, text(path)));
        }
        return compiled;
    }
}
