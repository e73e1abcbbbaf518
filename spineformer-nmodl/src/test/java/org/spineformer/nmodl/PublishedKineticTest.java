package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Published KINETIC mod files compiled unchanged against NEURON 8.2.2 running them (references recorded by
 * {@code reference/kinetic/record.py}, committed under {@code reference/published-kinetic}; see PROVENANCE.md):
 * Allen's NaV (bmtk: a 12-state linear scheme, CONSERVE, its initial state from a LINEAR block), NEURON's demo
 * mcna.mod (MCna: STEADYSTATE sparse in INITIAL, a PROCEDURE TABLE in the scheme, PROTECT) and release.mod (trel: a
 * parameter as a reactant, IF in the scheme) and cabpump.mod (cadifpmp: calcium diffusion in 10 shells, a STATE
 * array in the scheme with {@code COMPARTMENT i, ...vol[i] {ca}}, a pump writing ica, diam). Three voltage-clamp
 * steps and a current clamp each, every column.
 * Validation tier: the files are found in the folders of {@code -Dspineformer.modDirs}; without it the test
 * reports itself skipped.
 */
@Tag("validation")
class PublishedKineticTest {
    /** Mechanism -> its file. */
    private static final Map<String, String> FILES = Map.of("NaV", "NaV.mod", "MCna", "mcna.mod", "trel",
            "release.mod", "cadifpmp", "cabpump.mod");

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs(FILES.keySet().stream().sorted().toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals(FILES.get(mechanism)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(FILES.get(mechanism) + " is in none"
                        + " of the folders of -D" + ModDirs.PROPERTY));
        NmodlMechanism compiled = NmodlMechanism.compile(file.toString(), read(file));
        assertThat(compiled.name()).isEqualTo(mechanism);
        ReferenceRun ref = ReferenceRun.load("/reference/published-kinetic/" + mechanism + "/" + runName);
        Recorder rec = SingleMechanismRun.run(ref, compiled);
        SingleMechanismRun.assertEveryColumn(mechanism + " " + runName, ref, rec);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
