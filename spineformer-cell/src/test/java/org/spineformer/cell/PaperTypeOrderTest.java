package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.TypeOrder;
import org.spineformer.nmodl.NrnivmodlOrder;
import org.spineformer.nmodl.PaperModFiles;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The hand-written mechanisms stand for the paper's mod files (GitHub iellwood/MatchAndControlPaper,
 * ChannelModFiles/, the folder NEURON's reference data were recorded with): their {@link Mechanism#neuronType()}
 * puts them in the order nrnivmodl registers those files, and the project's compiled files of the same mechanisms
 * ({@link PaperModFiles}) take the same type order when they replace them.
 */
class PaperTypeOrderTest {
    /**
     * The paper's files (by name only: the folder holds 17, HayEtAl_2011_NMDA.mod left out of the reference build)
     * and the mechanism each declares, for the twelve the cell uses.
     */
    private static final Map<String, String> PAPER_FILES = Map.ofEntries(
            Map.entry("BahlEtAl_2012_IKM.mod", "BahlEtAl_2012_km"), Map.entry("BahlEtAl_2012_h.mod", "BahlEtAl_2012_ih"),
            Map.entry("BahlEtAl_2012_kfast.mod", "BahlEtAl_2012_kfast"),
            Map.entry("BahlEtAl_2012_kslow.mod", "BahlEtAl_2012_kslow"),
            Map.entry("BahlEtAl_2012_nap.mod", "BahlEtAl_2012_nap"),
            Map.entry("BahlEtAl_2012_nat.mod", "BahlEtAl_2012_nat"),
            Map.entry("Ellwood_AMPA_with_Ca.mod", "AMPA_WITH_CA"), Map.entry("Ellwood_NMDA.mod", "NMDA"),
            Map.entry("HayEtAl_2011_Im.mod", "Im"), Map.entry("HayEtAl_2011_NaTa_t.mod", "NaTa_t"),
            Map.entry("HayEtAl_2011_SKv3_1.mod", "SKv3_1"), Map.entry("HayEtAl_2011_cadspine.mod", "cadspine"));

    @Test
    void theHandWrittenMechanismsAreRegisteredAsNrnivmodlRegistersThePapersFiles() {
        Map<String, String> byFile = new TreeMap<>(NrnivmodlOrder.NAMES);
        byFile.putAll(PAPER_FILES);
        Catalogue builtIns = Catalogue.discover();
        List<String> registered = new ArrayList<>(PAPER_FILES.values());
        registered.sort((a, b) -> Integer.compare(builtIns.rank(a), builtIns.rank(b)));

        assertThat(registered).containsExactlyElementsOf(byFile.values());
        assertThat(builtIns.rank("IClamp")).as("NEURON's built-ins before any mod file")
                .isLessThan(builtIns.rank("BahlEtAl_2012_km"));
    }

    @Test
    void theCompiledFilesReplacingThemKeepTheirTypeOrder() {
        Catalogue builtIns = Catalogue.discover();
        Catalogue compiled = NmodlMechanism.replacing(builtIns, PaperModFiles.compile(), line -> { });
        List<String> names = new ArrayList<>(PAPER_FILES.values());
        names.add("pas");
        names.add("IClamp");

        assertThat(typeOrder(names, compiled)).containsExactlyElementsOf(typeOrder(names, builtIns));
        // cadspine writes cai: first after pas, which NEURON places before the ions
        assertThat(typeOrder(names, builtIns).subList(0, 3)).containsExactly("pas", "cadspine", "IClamp");
    }

    private static List<String> typeOrder(Collection<String> names, Catalogue catalogue) {
        return TypeOrder.of(names.stream().map(catalogue::get).toList(), catalogue).stream().map(Mechanism::name)
                .toList();
    }
}
