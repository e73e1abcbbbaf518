package org.spineformer.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.solve.HinesSolver;

/**
 * The paper's cell, one fixed step at a time: the whole step under the bundled control_1s stimulus (after 300 ms,
 * so synapses, calcium and the Hay channels are all active), and the tree solve alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class CellStepBenchmark {
    private Simulation sim;
    private int n;
    private HinesSolver solver;
    private double[] a;
    private double[] b;
    private double[] capacitance;
    private double[] v;
    private double[] d;
    private double[] rhs;

    @Setup(Level.Trial)
    public void build() {
        sim = ControlTrial.after(300);
        Discretization disc = sim.discretization();
        n = disc.nodeCount();
        solver = new HinesSolver(disc.solverParent(), disc.firstLeaf());
        a = disc.solverA();
        b = disc.solverB();
        capacitance = disc.capacitances();
        v = sim.state().v.clone();
        d = new double[n];
        rhs = new double[n];
    }

    /** One whole step of the cell (events, currents, solve, states); the trial advances as it is measured. */
    @Benchmark
    public double step() {
        sim.step();
        return sim.state().v[0];
    }

    /** The fused tree assembly and solve on the cell's 8035 nodes. */
    @Benchmark
    public double hinesSolve() {
        java.util.Arrays.fill(d, 1e-4);
        java.util.Arrays.fill(rhs, 1e-6);
        solver.step(a, b, capacitance, v, d, rhs);
        return rhs[n - 1];
    }
}
