package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.model.DescriptionTestSupport.read;
import static org.spineformer.model.DescriptionTestSupport.twoSections;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.MechanismBlock;

/** Lowering onto the engine with the engine's own catalogue (pas, IClamp, SEClamp). */
class ModelLoweringTest {
    private static final Catalogue CATALOGUE = Catalogue.discover();

    @Test
    void paintedValuesReachTheSimulationSegmentBySegment() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections("""
                [{"region": "all", "mechanism": "pas", "parameters": {"e": -65}},
                 {"region": "dendrites", "mechanism": "pas", "parameters": {"g": "gbase * (1 + distance / 100)"}}]""")));
        Simulation sim = ModelLowering.lower(cell, CATALOGUE).simulation(0.025);
        for (int j = 0; j < 11; j++) {
            int instance = sim.densityInstance("pas", 1, j);
            assertThat(sim.block("pas").get("g", instance)).isEqualTo(cell.parameter(1, j, "pas", "g"));
            assertThat(sim.block("pas").get("e", instance)).isEqualTo(-65);
        }
        // the soma keeps pas's default g
        assertThat(sim.block("pas").get("g", sim.densityInstance("pas", 0, 0)))
                .isEqualTo(CATALOGUE.get("pas").field("g").defaultValue());
    }

    @Test
    void anUnknownMechanismIsAnErrorAtLoweringNamingTheRule() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"pas\"}, {\"region\": \"dendrites\", \"mechanism\": \"Ih\","
                        + " \"parameters\": {\"gIhbar\": 1e-4}}]")));
        assertThat(cell.parameter(1, 0, "Ih", "gIhbar")).isEqualTo(1e-4); // painting needs no catalogue
        assertThatThrownBy(() -> ModelLowering.lower(cell, CATALOGUE)).hasMessageContaining("small.json: /paint/1")
                .hasMessageContaining("unknown mechanism 'Ih'");
    }

    @Test
    void anUnknownParameterIsAnErrorAtLoweringNamingTheKey() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"pas\", \"parameters\": {\"gbar\": 1e-4}}]")));
        assertThatThrownBy(() -> ModelLowering.lower(cell, CATALOGUE))
                .hasMessageContaining("small.json: /paint/0/parameters/gbar")
                .hasMessageContaining("pas has no parameter 'gbar'").hasMessageContaining("[e, g]");
    }

    @Test
    void anOutOfRangeValueNamesTheRuleMechanismFieldAndValue() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"pas\", \"parameters\": {\"g\": -1}}]")));
        assertThatThrownBy(() -> ModelLowering.lower(cell, CATALOGUE)).hasMessageContaining("small.json: /paint/0")
                .hasMessageContaining("pas.g = -1.0 is invalid");
    }

    @Test
    void anIonNoMechanismUsesIsAnError() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"pas\"}, {\"region\": \"all\", \"ions\": {\"ena\": 50}}]")));
        assertThatThrownBy(() -> ModelLowering.lower(cell, CATALOGUE)).hasMessageContaining("ena")
                .hasMessageContaining("soma").hasMessageContaining("no mechanism has a parameter ena");
    }

    /** Reads the sodium reversal potential from the ion, as a mechanism compiled from USEION na READ ena. */
    private static final class SodiumReader extends AbstractMechanism {
        SodiumReader() {
            super("nareader", Kind.DENSITY, "records ena at INITIAL",
                    List.of(FieldSpec.assigned("ena_seen", "mV", "ena read from the ion at INITIAL")));
        }

        @Override
        public Set<String> reversalPotentialsRead() {
            return Set.of("na");
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            return new MechanismBlock(this, nodes) {
                private final double[] seen = column("ena_seen");
                private Ion na;

                @Override
                public void attach(CellState s) {
                    na = s.ion("na");
                }

                @Override
                public void initialize(CellState s) {
                    for (int k = 0; k < size; k++) {
                        seen[k] = na.reversal()[node[k]];
                    }
                }
            };
        }
    }

    /**
     * As a mechanism compiled from a mod file presents them: a STATE, a RANGE ASSIGNED the file assigns (settable,
     * as NEURON's hoc sets it) and an ASSIGNED without hoc name.
     */
    private static final class Gate extends AbstractMechanism {
        Gate() {
            super("gate", Kind.DENSITY, "a gate", List.of(FieldSpec.state("m", "1", "STATE"),
                    FieldSpec.settableAssigned("level", "1", "ASSIGNED (RANGE), assigned by the file in BREAKPOINT"),
                    FieldSpec.assigned("rate", "1/ms", "ASSIGNED, neither RANGE nor GLOBAL in the mod file")));
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            return new MechanismBlock(this, nodes) {
                @Override
                public void initialize(CellState s) {
                }
            };
        }
    }

    @Test
    void aRangeAssignedIsSetAndAStateOrAnAssignedWithoutHocNameIsRefusedNamingTheRule() {
        Catalogue catalogue = CATALOGUE.withReplacements(List.of(new Gate()), m -> { });
        Simulation sim = ModelLowering.lower(CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"gate\", \"parameters\": {\"level\": 0.7}}]"))),
                catalogue).simulation(0.025);
        assertThat(sim.block("gate").get("level", sim.densityInstance("gate", 1, 3))).isEqualTo(0.7);
        AssembledCell state = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"gate\", \"parameters\": {\"m\": 0.3}}]")));
        assertThatThrownBy(() -> ModelLowering.lower(state, catalogue)).hasMessage("small.json:"
                + " /paint/0/parameters/m: gate.m is a STATE, not a parameter: it cannot be set (NEURON sets every"
                + " STATE at INITIAL, from its start value, so a value set before the run is lost)");
        AssembledCell assigned = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"gate\", \"parameters\": {\"rate\": 2}}]")));
        assertThatThrownBy(() -> ModelLowering.lower(assigned, catalogue)).hasMessage("small.json:"
                + " /paint/0/parameters/rate: gate.rate is an assigned variable, not a parameter: it cannot be set"
                + " (ASSIGNED, neither RANGE nor GLOBAL in the mod file)");
    }

    @Test
    void paintedReversalPotentialsReachTheIonWhereAMechanismReadsThemFromIt() {
        Catalogue catalogue = CATALOGUE.withReplacements(List.of(new SodiumReader()), m -> { });
        AssembledCell cell = CellAssembler.assemble(read(twoSections("""
                [{"region": "all", "mechanism": "pas"},
                 {"region": "all", "mechanism": "nareader"},
                 {"region": "dendrites", "ions": {"ena": 45}}]""")));
        Simulation sim = ModelLowering.lower(cell, catalogue).simulation(0.025);
        sim.initialize(-70);
        for (int j = 0; j < 11; j++) {
            assertThat(sim.block("nareader").get("ena_seen", sim.densityInstance("nareader", 1, j))).isEqualTo(45);
        }
        // the soma, where nothing is painted, keeps NEURON's default ena
        assertThat(sim.block("nareader").get("ena_seen", sim.densityInstance("nareader", 0, 0))).isEqualTo(50);
    }

    @Test
    void aReversalPotentialPaintedWhereNoMechanismReadsItIsStillAnError() {
        Catalogue catalogue = CATALOGUE.withReplacements(List.of(new SodiumReader()), m -> { });
        AssembledCell cell = CellAssembler.assemble(read(twoSections("""
                [{"region": "all", "mechanism": "nareader"},
                 {"region": "all", "ions": {"ek": -80}}]""")));
        assertThatThrownBy(() -> ModelLowering.lower(cell, catalogue)).hasMessageContaining("ek")
                .hasMessageContaining("no mechanism has a parameter ek or reads it from the ion");
    }

    @Test
    void pointProcessesArePlacedAtTheirLocationWithTheirParameters() {
        String json = twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\"}]").replace("\"celsius\"",
                "\"point_processes\": [{\"name\": \"stim\", \"mechanism\": \"IClamp\", \"at\": {\"section\": "
                        + "\"dend[0]\", \"x\": 1}, \"parameters\": {\"amp\": 0.2, \"del\": 1, \"dur\": 2}}],\n\"celsius\"");
        LoweredCell lowered = ModelLowering.lower(CellAssembler.assemble(read(json)), CATALOGUE);
        PointProcess stim = lowered.pointProcess("stim");
        Simulation sim = lowered.simulation(0.025);
        assertThat(sim.block("IClamp").get("amp", stim.instance())).isEqualTo(0.2);
        assertThat(sim.block("IClamp").node(stim.instance())).isEqualTo(sim.discretization().node(1, 1.0));
        assertThatThrownBy(() -> CellAssembler.assemble(read(json.replace("\"dend[0]\", \"x\": 1", "\"dend[5]\", \"x\": 1"))))
                .hasMessageContaining("small.json: /point_processes/0/at: no section named 'dend[5]'");
        assertThatThrownBy(() -> ModelLowering.lower(CellAssembler.assemble(read(json.replace("\"IClamp\"", "\"pas\""))),
                CATALOGUE)).hasMessageContaining("small.json: /point_processes/0")
                .hasMessageContaining("pas is a density mechanism, not a point process");
    }
}
