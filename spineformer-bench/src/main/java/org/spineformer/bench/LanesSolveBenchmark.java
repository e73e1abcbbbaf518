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
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.solve.HinesSolver;

/**
 * The tree solve of the paper's cell (8035 nodes) for {@code lanes} trials at once: one call solves every lane, so
 * the time per trial is the score divided by {@code lanes}. {@code lanes = 0} is {@link Simd#preferredLanes()} (one
 * vector per node); any other L > 1 runs the scalar loop over lanes; 1 is {@code CellStepBenchmark.hinesSolve}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class LanesSolveBenchmark {
    @Param({"1", "0", "4"})
    public int lanes;

    private HinesSolver solver;
    private double[] a;
    private double[] b;
    private double[] capacitance;
    private double[] v;
    private double[] d;
    private double[] rhs;

    @Setup(Level.Trial)
    public void build() {
        int trials = lanes == 0 ? Simd.preferredLanes() : lanes;
        Discretization disc = PyramidalCell.build(CellParameters.paper())
                .simulation(PyramidalCell.DT_MS, PyramidalCell.CELSIUS).discretization();
        int n = disc.nodeCount();
        solver = new HinesSolver(disc.solverParent(), disc.firstLeaf(), trials);
        a = disc.solverA();
        b = disc.solverB();
        capacitance = disc.capacitances();
        v = new double[n * trials];
        Arrays.fill(v, -65);
        d = new double[n * trials];
        rhs = new double[n * trials];
    }

    /** The membrane terms reset (as every step's current phase does) and the fused assembly and solve. */
    @Benchmark
    public double solve() {
        Arrays.fill(d, 1e-4);
        Arrays.fill(rhs, 1e-6);
        solver.step(a, b, capacitance, v, d, rhs);
        return rhs[rhs.length - 1];
    }
}
