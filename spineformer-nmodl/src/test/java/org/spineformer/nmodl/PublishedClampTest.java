package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * NEURON's own SEClamp, {@code svclmp.mod} (its BREAKPOINT solves a PROCEDURE by METHOD after_cvode, with
 * at_time), compiled unchanged and put in place of the engine's SEClamp, clamping the project's ksum
 * ({@code mod/kinetic/ksum.mod}) in NEURON 8.2.2's three voltage-clamp runs ({@code reference/kinetic/ksum}): every
 * column, the clamp current included, at 1e-6 of its trace's scale. Validation tier: svclmp.mod is found in the
 * folders of {@code -Dspineformer.modDirs}; without it the test reports itself skipped.
 */
@Tag("validation")
class PublishedClampTest {
    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20"})
    void compiledSEClampMatchesNeuron(String runName) {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals("svclmp.mod"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("svclmp.mod is in none of the folders"
                        + " of -D" + ModDirs.PROPERTY));
        NmodlMechanism seclamp = NmodlMechanism.compile(file.toString(), read(file));
        List<Mechanism> replaced = new ArrayList<>();
        Catalogue electrodes = Catalogue.discover().withReplacements(List.of(seclamp), replaced::add);
        assertThat(replaced).extracting(Mechanism::name).containsExactly("SEClamp");
        ReferenceRun ref = ReferenceRun.load("/reference/kinetic/ksum/" + runName);
        NmodlMechanism ksum = NmodlMechanism.compile("ksum.mod", Resources.text("/mod/kinetic/ksum.mod"));
        Recorder rec = SingleMechanismRun.run(ref, ksum, electrodes);
        assertThat(rec.names()).contains("i_seclamp_nA");
        SingleMechanismRun.assertEveryColumn("svclmp " + runName, ref, rec);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
