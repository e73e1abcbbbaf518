package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.ExactConductance;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The current phase's conductance without the second evaluation (docs/dev/nmodl.md, "The conductance without the
 * second evaluation"): which BREAKPOINTs are taken as affine in v, that their exact slope is the conductance the file
 * writes (bit for bit), that NEURON's numerical di/dv (the switch off) is within the stated rounding bound of it, and
 * that everything else the phase computes is the same either way, on synthetic shapes and every project mod file.
 */
class ExactConductanceTest {
    /** Unit roundoff of doubles, 2^-53. */
    private static final double U = Math.ulp(1.0) / 2;
    /** NEURON's step for the numerical di/dv (nocmodl's nrn_cur: v + .001), mV. */
    private static final double DV = 0.001;
    /** Potentials the current phase is run at (mV): below, at and above the reversal potentials used. */
    private static final double[] POTENTIALS = {-90.0, -70.0, -65.0, -30.0, 0.0, 45.0};

    /**
     * The stated bound on |numerical - exact| for a current B (v - e) (docs/dev/nmodl.md): the rounding of v + 0.001,
     * of the two differences and products, each relative to its magnitude, over 0.001, and of the subtraction and
     * division of the difference quotient: u (|B||v| + 2|i(v)| + 2|i(v + 0.001)|)/0.001 + 3u|B|.
     */
    static double bound(double slope, double v, double current) {
        double a = Math.abs(slope);
        return U * (a * Math.abs(v) + 2 * Math.abs(current) + 2 * Math.abs(current + slope * DV)) / DV + 3 * U * a;
    }

    private static String density(String suffix, String breakpoint, String more) {
        return """
                NEURON { SUFFIX %s NONSPECIFIC_CURRENT i RANGE gbar, e, x }
                PARAMETER { gbar = 0.002 (S/cm2) e = -70 (mV) }
                ASSIGNED { v (mV) i (mA/cm2) x }
                BREAKPOINT { %s }
                %s
                """.formatted(suffix, breakpoint, more);
    }

    /** Accepted shapes, each with its slope from the parameters gbar and e as Java computes it. */
    static Stream<Arguments> affine() {
        return Stream.of(
                Arguments.of("leak", density("leak", "i = gbar*(v - e)", ""), (DoubleUnaryOperator) g -> g),
                Arguments.of("through", density("through", "x = gbar*(v - e) i = x", ""),
                        (DoubleUnaryOperator) g -> g),
                Arguments.of("reversed", density("reversed", "i = -gbar*(e - v)", ""),
                        (DoubleUnaryOperator) g -> -(-1 * g)),
                Arguments.of("divided", density("divided", "i = (v - e)/(1/gbar)", ""),
                        (DoubleUnaryOperator) g -> 1 / (1 / g)),
                Arguments.of("two", density("two", "i = gbar*(v - e) + 2*gbar*(v + 20)", ""),
                        (DoubleUnaryOperator) g -> g + 2 * g),
                Arguments.of("constant", density("constant", "i = gbar*e", ""), (DoubleUnaryOperator) g -> 0),
                Arguments.of("purefn", density("purefn", "i = twice(gbar)*(v - e)",
                        "FUNCTION twice(a) { twice = 2*a }"), (DoubleUnaryOperator) g -> 2 * g),
                // a variable not affine in v that no current reads
                Arguments.of("aside", density("aside", "x = exp(v/10) i = gbar*(v - e)", ""),
                        (DoubleUnaryOperator) g -> g),
                Arguments.of("ionic", """
                        NEURON { SUFFIX ionic USEION na READ ena WRITE ina RANGE gbar }
                        PARAMETER { gbar = 0.002 (S/cm2) }
                        ASSIGNED { v (mV) ena (mV) ina (mA/cm2) }
                        BREAKPOINT { ina = gbar*(v - ena) }
                        """, (DoubleUnaryOperator) g -> g));
    }

    /** Refused shapes: the numerical form stays. */
    static Stream<Arguments> notAffine() {
        return Stream.of(
                Arguments.of("square", density("square", "i = gbar*v*v", "")),
                Arguments.of("fnofv", density("fnofv", "i = gbar*sig(v)*(v - e)",
                        "FUNCTION sig(u) { sig = 1/(1 + exp(-u)) }")),
                Arguments.of("assignedofv", density("assignedofv", "x = exp(v/10) i = gbar*x*(v - e)", "")),
                Arguments.of("readsv", density("readsv", "i = gbar*vnow()", "FUNCTION vnow() { vnow = v - e }")),
                Arguments.of("readfirst", density("readfirst", "i = gbar*x*(v - e) x = 1", "")),
                Arguments.of("power", density("power", "i = gbar*(v - e)^1", "")),
                Arguments.of("branch", density("branch", "if (v > e) { i = gbar*(v - e) } else { i = 0 }", "")),
                Arguments.of("localslope", density("localslope", "LOCAL gl gl = 2*gbar i = gl*(v - e)", "")),
                Arguments.of("hinted", density("hinted", "i = gbar*(v - e) CONDUCTANCE gbar", "")),
                // an array element chosen by v: a step in v, whatever the array holds
                Arguments.of("indexofv", """
                        NEURON { SUFFIX indexofv NONSPECIFIC_CURRENT i RANGE gbar, e }
                        PARAMETER { gbar = 0.002 (S/cm2) e = -70 (mV) }
                        ASSIGNED { v (mV) i (mA/cm2) scale[2] k }
                        INITIAL { scale[0] = 1 scale[1] = 3 }
                        BREAKPOINT { k = (v + 1000)/1000 i = gbar*scale[k]*(v - e) }
                        """),
                Arguments.of("ghk", """
                        NEURON { SUFFIX ghkish USEION ca READ cai, cao WRITE ica RANGE gbar }
                        PARAMETER { gbar = 0.002 (S/cm2) }
                        ASSIGNED { v (mV) cai (mM) cao (mM) ica (mA/cm2) }
                        BREAKPOINT { ica = gbar*ghk(v, cai, cao) }
                        FUNCTION ghk(u, ci, co) { ghk = u*(ci - co*exp(-u/25))/(1 - exp(-u/25)) }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("affine")
    void anAffineCurrentsSlopeIsExactAndNeuronsFormWithinTheBound(String name, String mod,
                                                                  DoubleUnaryOperator slope) {
        NmodlMechanism m = NmodlMechanism.compile(name + ".mod", mod);
        Compartment c = new Compartment(m, Map.of());
        assertThat(((ExactConductance) c.block).affineCurrent()).as(name).isTrue();
        double g = c.block.column("gbar")[0];
        for (double v : POTENTIALS) {
            Phase exact = c.currents(v, true);
            Phase numerical = c.currents(v, false);
            assertThat(exact.d).as(name + " at " + v).isEqualTo(slope.applyAsDouble(g));
            assertThat(numerical.rhs).as(name + ": the current").isEqualTo(exact.rhs);
            assertThat(numerical.columns).as(name + ": every field").isEqualTo(exact.columns);
            assertThat(Math.abs(numerical.d - exact.d)).as(name + " at " + v)
                    .isLessThanOrEqualTo(bound(exact.d, v, -exact.rhs));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAffine")
    void aCurrentNotProvablyAffineKeepsTheNumericalForm(String name, String mod) {
        NmodlMechanism m = NmodlMechanism.compile(name + ".mod", mod);
        Compartment c = new Compartment(m, Map.of());
        assertThat(((ExactConductance) c.block).affineCurrent()).as(name).isFalse();
        // the switch does nothing there
        for (double v : POTENTIALS) {
            assertThat(c.currents(v, true)).as(name + " at " + v).isEqualTo(c.currents(v, false));
        }
    }

    /**
     * An ELECTRODE_CURRENT (positive inward) affine in v: a conductance clamp's g (e - v), whose slope -g enters the
     * matrix with the electrode's sign, so d grows by g scaled to the segment (100/area). (The project's DynClamp,
     * mod/events/dynclamp.mod, has the same current inside an IF of t and counts at_time calls: not affine here.)
     */
    @Test
    void anElectrodeCurrentsSlopeEntersTheMatrixWithItsSign() {
        NmodlMechanism m = NmodlMechanism.compile("gclamp.mod", """
                NEURON { POINT_PROCESS GClamp RANGE g, e, i ELECTRODE_CURRENT i }
                PARAMETER { g = 0.004 (uS) e = 0 (mV) }
                ASSIGNED { v (mV) i (nA) }
                BREAKPOINT { i = g*(e - v) }
                """);
        Compartment c = new Compartment(m, Map.of());
        assertThat(((ExactConductance) c.block).affineCurrent()).isTrue();
        NmodlMechanism dynclamp = NmodlMechanism.compile("dynclamp.mod", Resources.text("/mod/events/dynclamp.mod"));
        assertThat(((ExactConductance) new Compartment(dynclamp, Map.of()).block).affineCurrent()).isFalse();
        CellState s = c.sim.state();
        for (double v : POTENTIALS) {
            Phase exact = c.currents(v, true);
            Phase numerical = c.currents(v, false);
            assertThat(exact.d).as("at " + v).isEqualTo(0.004 * s.pointScale[c.node]);
            assertThat(numerical.rhs).isEqualTo(exact.rhs);
            assertThat(Math.abs(numerical.d - exact.d)).as("at " + v)
                    .isLessThanOrEqualTo(bound(-exact.d, v, exact.rhs));
        }
    }

    /**
     * Every project mod file with a current (the paper's 12 and the Hay set): which are affine, and for those the
     * exact slope against NEURON's numerical di/dv within the bound, at states set by initialization at each potential
     * (conductances raised so that every channel conducts), with every field and the current the same.
     */
    @Test
    void everyProjectMechanismsConductanceAgreesWithNeuronsWithinTheBound() {
        List<String> files = new ArrayList<>(PaperModFiles.FILES);
        BundledMod.files("hay2011").forEach(f -> files.add("hay2011/" + f));
        List<String> affine = new ArrayList<>();
        for (String path : files.stream().distinct().toList()) {
            NmodlMechanism m = NmodlMechanism.compile("mod/" + path, PaperModFiles.text(path));
            Compartment c = new Compartment(m, Map.of());
            if (!((ExactConductance) c.block).affineCurrent()) {
                continue;
            }
            affine.add(m.name());
            for (FieldSpec f : m.fields()) {
                // every maximal conductance 0.01 (S/cm2 or uS), the synapse's conductance states 0.3
                if (f.name().endsWith("bar") || f.name().equals("gmax")) {
                    c.block.columnToSet(f.name())[0] = 0.01;
                }
            }
            for (double v : POTENTIALS) {
                c.sim.initialize(v);
                if (m.name().equals("AMPA_WITH_CA")) {
                    c.block.columnToSet("Gampa")[0] = 0.3;
                }
                Phase exact = c.currents(v, true);
                Phase numerical = c.currents(v, false);
                assertThat(numerical.rhs).as(path + ": the current").isEqualTo(exact.rhs);
                assertThat(numerical.columns).as(path + ": every field").isEqualTo(exact.columns);
                if (m.name().equals("epsp")) {
                    assertThat(exact.d).as(path + ": a current of t alone").isZero();
                } else {
                    assertThat(exact.d).as(path + " conducts at " + v).isNotZero();
                }
                assertThat(Math.abs(numerical.d - exact.d)).as(path + " at " + v)
                        .isLessThanOrEqualTo(bound(exact.d, v, -exact.rhs));
            }
        }
        // all but NMDA (its magnesium block a FUNCTION of v) and the calcium pools (no current: cadspine,
        // CaDynamics_E2); epsp's current is a FUNCTION of t alone (slope 0)
        assertThat(affine).containsExactlyInAnyOrder("NaTa_t", "SKv3_1", "Im", "BahlEtAl_2012_nat",
                "BahlEtAl_2012_nap", "BahlEtAl_2012_kfast", "BahlEtAl_2012_kslow", "BahlEtAl_2012_km",
                "BahlEtAl_2012_ih", "AMPA_WITH_CA", "Ca_HVA", "Ca_LVAst", "Ih", "K_Pst", "K_Tst", "NaTs2_t",
                "Nap_Et2", "SK_E2", "epsp");
    }

    /** One current phase's additions to the node (rhs, d) and every field after it. */
    private record Phase(double rhs, double d, List<Double> columns) {
    }

    /** One compartment with the mechanism (a density mechanism, or a point process at its middle). */
    private static final class Compartment {
        final Simulation sim;
        final MechanismBlock block;
        final int node;
        private final NmodlMechanism mechanism;

        Compartment(NmodlMechanism m, Map<String, Double> parameters) {
            mechanism = m;
            Morphology morphology = new Morphology();
            int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
            ModelBuilder b = new ModelBuilder(morphology, NmodlMechanism.replacing(Catalogue.discover(), List.of(m),
                    line -> { }));
            if (m.kind() == Mechanism.Kind.POINT_PROCESS) {
                b.addPointProcess(m.name(), section, 0.5, parameters);
            } else {
                b.insert(m.name(), section, parameters);
            }
            sim = b.build(0.025, 34);
            sim.initialize(-65);
            block = sim.block(m.name());
            node = block.node(0);
        }

        Phase currents(double v, boolean exact) {
            CellState s = sim.state();
            ((ExactConductance) block).setExactConductance(exact);
            s.v[node] = v;
            s.rhs[node] = 0.0;
            s.d[node] = 0.0;
            block.currents(s);
            List<Double> columns = new ArrayList<>();
            for (FieldSpec f : mechanism.fields()) {
                columns.add(block.column(f.name())[0]);
            }
            return new Phase(s.rhs[node], s.d[node], columns);
        }
    }
}
