package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.simd.Simd;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The paper's spine-head mechanisms (cadspine, NMDA, AMPA_WITH_CA, the project's mod files) on spine heads whose
 * nodes are not consecutive (in the paper's cell 3 of the synapses' 187 groups of 8; here every group): the vector
 * kernels copy such a group's node values (v, ica, cai) slot by slot instead of as one vector, and must give the
 * scalar kernels' bits, every field and the heads' potentials at every step. 16 spines: whole groups of 8 (or 4).
 */
class SpineHeadLanesTest {
    private static final int SPINES = 16;
    private static final double DT_MS = 0.025;
    private static final double TSTOP_MS = 60;
    private static final List<String> MECHANISMS = List.of("cadspine", "NMDA", "AMPA_WITH_CA");
    /** cadspine.mod's cainf (mM): the pool's calcium at rest, which the synapses' calcium must pass. */
    private static final double CAINF_MM = 5e-7;

    /** What a run keeps: the heads' potentials, every field at the end, the largest ca and g_dynamic reached. */
    private record Run(List<double[]> traces, List<Double> fields, double maxCa, double maxGDynamic) {
    }

    private static Run run(boolean vector) {
        Catalogue catalogue = NmodlMechanism.replacing(Catalogue.discover(), PaperModFiles.compile(), replaced -> { });
        Morphology morph = new Morphology();
        int soma = morph.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        List<Integer> heads = new ArrayList<>();
        for (int j = 0; j < SPINES; j++) {
            int neck = morph.addChild("neck" + j, 1, 1, 100, 1, Morphology.filled(1, 0.1), soma, 0.5);
            // a leaf before each head: the nodes are ordered by height (Discretization), so without it the heads,
            // all leaves, would be consecutive nodes
            morph.addChild("stub" + j, 0.5, 1, 100, 1, Morphology.filled(1, 0.5), neck, 1);
            heads.add(morph.addChild("head" + j, 0.5, 1, 100, 1, Morphology.filled(1, 0.5), neck, 1));
        }
        ModelBuilder b = new ModelBuilder(morph, catalogue);
        b.insert("pas", soma, Map.of("g", 1e-4, "e", -65.0));
        List<Synapse> nmda = new ArrayList<>();
        List<Synapse> ampa = new ArrayList<>();
        for (int j = 0; j < SPINES; j++) {
            int head = heads.get(j);
            b.insert("pas", head, Map.of("g", 1e-4, "e", -65.0));
            b.insert("cadspine", head, Map.of());
            PointProcess n = b.addPointProcess("NMDA", head, 0.5, Map.of());
            // a potentiation threshold the calcium reaches, so that the sigmoid's branch is taken; tau_plasticity
            // differs between the two groups, so each keeps its own kept slope, not the block's shared one
            PointProcess a = b.addPointProcess("AMPA_WITH_CA", head, 0.5,
                    Map.of("ca_potentiation_threshold", 1e-9, "tau_plasticity", j < SPINES / 2 ? 20000.0 : 9000.0));
            nmda.add(new Synapse(n, 0.002 * (1 + j % 3), 1.0 + 0.1 * j));
            ampa.add(new Synapse(a, 0.001 * (1 + j % 2), 1.0 + 0.2 * j));
        }
        b.addSpikeSource(new double[] {3, 11.3, 12, 30.7, 44}, nmda);
        b.addSpikeSource(new double[] {4, 20, 21.5, 40}, ampa);
        b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 20.0, "amp", 0.3));
        Simulation sim = b.build(DT_MS, 34);
        for (String name : MECHANISMS) {
            ((VectorKernels) sim.block(name)).setVectorKernels(vector);
        }
        Recorder rec = new Recorder(1);
        for (int j = 0; j < SPINES; j += 5) {
            rec.add("head" + j, sim.state().v, sim.discretization().segmentNode(heads.get(j), 0));
        }
        sim.addObserver(rec);
        sim.initialize(-65);
        for (String name : MECHANISMS) {
            MechanismBlock block = sim.block(name);
            assertThat(block.node(1)).as("%s's slots are not on consecutive nodes", name)
                    .isNotEqualTo(block.node(0) + 1);
        }
        double maxCa = 0;
        double maxGDynamic = 0;
        for (double t = 0; t < TSTOP_MS; t += 1) {
            sim.run(t + 1);
            for (int k = 0; k < SPINES; k++) {
                maxCa = Math.max(maxCa, sim.block("cadspine").get("ca", k));
                maxGDynamic = Math.max(maxGDynamic, sim.block("AMPA_WITH_CA").get("g_dynamic", k));
            }
        }
        List<Double> fields = new ArrayList<>();
        for (String name : MECHANISMS) {
            MechanismBlock block = sim.block(name);
            for (FieldSpec f : block.mechanism().fields()) {
                for (double value : block.column(f.name())) {
                    fields.add(value);
                }
            }
        }
        return new Run(rec.names().stream().map(rec::column).toList(), fields, maxCa, maxGDynamic);
    }

    @Test
    void groupsNotOnConsecutiveNodesGiveTheScalarKernelsBits() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        Run lanes = run(true);
        Run scalar = run(false);
        for (int i = 0; i < scalar.traces().size(); i++) {
            assertThat(lanes.traces().get(i)).as("v of spine head %d at every step", 5 * i)
                    .containsExactly(scalar.traces().get(i));
        }
        assertThat(lanes.fields()).as("every field of the three blocks").containsExactlyElementsOf(scalar.fields());
        // the run did what is compared: calcium entered the heads and moved g_dynamic
        assertThat(scalar.maxCa()).as("the largest ca").isGreaterThan(2 * CAINF_MM);
        assertThat(scalar.maxGDynamic()).as("the largest g_dynamic").isPositive();
    }
}
