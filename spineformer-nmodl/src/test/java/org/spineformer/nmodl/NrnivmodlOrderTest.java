package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * {@link NrnivmodlOrder} against NEURON 8.2.2's nrnivmodl: a folder of probe files (throwaway, written for the check,
 * docs/dev/nmodl.md "NEURON's mechanism type order within a node") got the types Kb 24, k10 25, k9 26, k_c 27, ka 28
 * (MechanismType's internal_type, C.UTF-8 locale): upper case before lower, digits before letters and no numeric
 * order, {@code _} between upper and lower case.
 */
class NrnivmodlOrderTest {
    @Test
    void sortsFileNamesAsNrnivmodlRegisteredThem() {
        List<String> names = new ArrayList<>(List.of("ka.mod", "k_c.mod", "k9.mod", "Kb.mod", "k10.mod"));
        names.sort(NrnivmodlOrder.NAMES);
        assertThat(names).containsExactly("Kb.mod", "k10.mod", "k9.mod", "k_c.mod", "ka.mod");

        List<Path> files = new ArrayList<>(List.of(Path.of("b/ka.mod"), Path.of("a/k_c.mod"), Path.of("c/Kb.mod")));
        files.sort(NrnivmodlOrder.FILES);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("Kb.mod", "k_c.mod", "ka.mod");
    }

    /** Hay's file names: CaDynamics_E2 before Ca_HVA (D before _), SK_E2 before SKv3_1, epsp last. */
    @Test
    void aBundledSetCompilesInNrnivmodlsOrder() {
        assertThat(BundledMod.compile("hay2011")).extracting(NmodlMechanism::name).containsExactly("CaDynamics_E2",
                "Ca_HVA", "Ca_LVAst", "Ih", "Im", "K_Pst", "K_Tst", "NaTa_t", "NaTs2_t", "Nap_Et2", "SK_E2", "SKv3_1",
                "epsp");
    }
}
