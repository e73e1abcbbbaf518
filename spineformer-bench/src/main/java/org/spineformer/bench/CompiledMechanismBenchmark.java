package org.spineformer.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.PaperModFiles;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A Hay channel's or a synapse's phases in the paper's cell, hand-written kernel against the same channel compiled from the
 * project's own mod file ({@code hand}: true or false), on the same instances, parameters and cell state (as
 * {@link MechanismPhaseBenchmark}, after 300 ms of the control trial). The compiled block reads the reversal
 * potential from the ion, set here to the hand-written block's parameter; a synapse's fields the hand-written kernel
 * does not have (gmax, max_potentiation: constants there) keep the mod file's defaults. The mod files are those spineformer-nmodl
 * bundles ({@link PaperModFiles}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class CompiledMechanismBenchmark {
    @Param({"NaTa_t", "SKv3_1", "Im", "AMPA_WITH_CA", "NMDA"})
    public String mechanism;

    @Param({"true", "false"})
    public boolean hand;

    /**
     * Tables (the default of both) or the exact path ({@code -p tables=false}): the hand-written kernel's rate
     * tables, the compiled block's tables of v (docs/dev/nmodl.md, "Tables of rate functions of v"). With
     * {@code -jvmArgsAppend -Dspineformer.simd=false} the hand-written kernels run scalar, as the compiled ones do.
     */
    @Param({"true"})
    public boolean tables;

    private MechanismBlock block;
    private CellState state;

    @Setup(Level.Trial)
    public void build() {
        Simulation sim = ControlTrial.after(300);
        MechanismBlock handBlock = sim.block(mechanism);
        state = sim.state();
        if (hand) {
            handBlock.setUseTables(tables);
            block = handBlock;
            return;
        }
        String file = PaperModFiles.FILES.stream().filter(f -> f.endsWith("/" + mechanism + ".mod")).findFirst()
                .orElseThrow();
        NmodlMechanism compiled = NmodlMechanism.compile("mod/" + file, PaperModFiles.text(file));
        int[] nodes = new int[handBlock.size()];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = handBlock.node(k);
        }
        block = compiled.newBlock(nodes);
        if (file.startsWith("hay2011/")) {
            String reversal = mechanism.equals("NaTa_t") ? "ena" : "ek";
            double[] rev = state.ion(mechanism.equals("NaTa_t") ? "na" : "k").reversal();
            for (int k = 0; k < nodes.length; k++) {
                rev[nodes[k]] = handBlock.get(reversal, k);
            }
        }
        for (FieldSpec f : compiled.fields()) {
            if (f.role() != FieldRole.ASSIGNED && handBlock.mechanism().fields().stream()
                    .anyMatch(h -> h.name().equals(f.name()))) {
                System.arraycopy(handBlock.column(f.name()), 0, block.column(f.name()), 0, nodes.length);
            }
        }
        block.attach(state);
        block.setUseTables(tables);
        Arrays.fill(state.rhs, 0);
    }

    /** The current phase: currents and conductances added into the node arrays (they accumulate here). */
    @Benchmark
    public double currents() {
        block.currents(state);
        return state.rhs[0];
    }

    /** The state phase at the present voltages. */
    @Benchmark
    public double advance() {
        block.advance(state);
        return state.t;
    }
}
