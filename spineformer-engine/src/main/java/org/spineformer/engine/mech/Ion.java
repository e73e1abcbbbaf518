package org.spineformer.engine.mech;

import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictLog;
import org.spineformer.engine.simd.VectorMath;

/**
 * An ion species as NEURON's ion mechanisms hold it, one entry per node and lane ({@code [node * lanes + lane]},
 * {@link CellState#lanes}): the total membrane current carried by it (mA/cm2, summed over the mechanisms that write
 * it, reset before every current phase; {@link #current()}), the internal concentration (mM, written by at most one
 * concentration mechanism, read by others), the external concentration (mM) and the reversal potential (mV, NEURON's
 * {@code ena}, {@code ek} ..., read by mechanisms compiled from {@code USEION x READ ex}).
 *
 * <p>The reversal potential starts at NEURON's default for the ion and, as NEURON's {@code ena} when no mechanism
 * reads or writes a concentration, stays what it is set to: {@link #reset()} leaves it alone. Mechanisms compiled
 * from NMODL that read a concentration recompute it by Nernst at initialization; once one writes a concentration,
 * it follows the concentrations at every current phase at the nodes of the compiled mechanisms that write one
 * ({@link #followConcentrations}; NEURON's ion_style). Where a mechanism compiled from {@code USEION x
 * WRITE ex} writes the reversal potential itself ({@link #reversalWrittenAt}), neither happens: the value is the
 * writer's. The paper's hand-written mechanisms take their reversal potentials as parameters and do not read it.
 *
 * <p>A followed entry's Nernst potential is computed at every current phase only where it can be observed: where a
 * block reads it ({@link #reversalObservedAt}, a generated block's {@code USEION x READ ex}, a recording at a node),
 * or everywhere once the array is handed out ({@link #reversal()}). Elsewhere the phase keeps the concentrations it
 * would compute it from, and handing the array out computes it from those: the same bits as at that phase.
 *
 * <p>Likewise the current: where no block reads it and every block that writes it can add its current again, the
 * simulation leaves the sum out of every current phase ({@link #leaveSumOut}: the paper's compiled cell's ina and ik,
 * which nothing reads), and handing the array out ({@link #current()}) sums it from the blocks' columns first.
 */
public final class Ion {
    private final String name;
    private final double initialConcentrationMM;
    /** Total current of this ion at each node and lane (mA/cm2, outward positive); see {@link #current()}. */
    private final double[] current;
    /**
     * Whether the current phase sums the current ({@link #currentSummed}): true but where the simulation left the sum
     * out ({@link #leaveSumOut}), and from the moment the array is handed out ({@link #current()}).
     */
    private boolean summed = true;
    /** Whether the array was handed out ({@link #current()}): then it is summed at every step, whatever follows. */
    private boolean currentHandedOut;
    /** Adds the writers' currents again as their last current phase added them ({@link #leaveSumOut}). */
    private Runnable writersAgain;
    /** Whether a current phase left the sum out since the array last held it ({@link #catchUpCurrent}). */
    private boolean currentStale;
    /** Internal concentration at each node (mM). */
    public final double[] concentration;
    /** External concentration at each node (mM), NEURON's {@code nao}, {@code cao} ... */
    public final double[] outside;
    /** Reversal potential at each node (mV); see {@link #reversal()}. */
    private final double[] reversal;
    /**
     * 0, or the ion's charge when a mechanism compiled from NMODL writes its concentration: then the reversal
     * potential follows the concentrations by Nernst at every current phase (NEURON's eadvance) where {@link
     * #followConcentrationsAt} was asked.
     */
    public double nernstCharge;
    /** NEURON's gas constant (J/(mol K)) and Faraday constant (C/mol), modern units (nrnunits_modern.h). */
    private static final double GAS_CONSTANT = 1.380649e-23 * 6.02214076e+23;
    private static final double FARADAY = 1.602176634e-19 * 6.02214076e+23;
    /** Which entries' reversal potential follows the concentrations ({@link #followConcentrationsAt}). */
    private final boolean[] follows;
    /** Which entries' reversal potential can be observed ({@link #reversalObservedAt}, {@link #reversal()}). */
    private final boolean[] observed;
    /** Every entry observed: the array was handed out ({@link #reversal()}). */
    private boolean handedOut;
    /** The followed entries that are observed, in order, rebuilt when an entry changes; null: not yet. */
    private int[] followed;
    /** The followed entries that are not observed, in order, rebuilt with {@link #followed}. */
    private int[] unobserved;
    /**
     * The internal and external concentrations at {@link #unobserved}'s entries (in its order) and celsius at the
     * last current phase, whose Nernst potential {@link #catchUp} gives them when the array is handed out.
     */
    private double[] keptInside = new double[0];
    private double[] keptOutside = new double[0];
    private double keptCelsius;
    /** Whether {@link #unobserved}'s entries lag: a current phase kept their concentrations since the last catch-up. */
    private boolean lagging;
    /** The logarithms of {@link #followed}'s concentration ratios at a current phase (scratch, in its order). */
    private double[] logs;
    /** Whether the logarithms go in vector lanes ({@link Lanes}). */
    private static final boolean VECTORS = Simd.enabled();
    /** Which entries' reversal potential a mechanism writes ({@link #reversalWrittenAt}). */
    private final boolean[] reversalWritten;
    /** What a run of {@link #resetCurrent} costs, in entries set (see {@link #runs}). */
    private static final int RUN_COST = 32;
    /** Which entries' current {@link #resetCurrent} sets to 0 ({@link #currentWrittenAt}). */
    private final boolean[] written;
    /** The same entries as runs: start, end (exclusive), start, end ...; rebuilt when one is added; null: not yet. */
    private int[] writtenRuns;

    /** An ion with {@code entries} values per array: the state's nodes times its lanes. */
    public Ion(String name, int entries, double initialConcentrationMM) {
        this.name = name;
        this.initialConcentrationMM = initialConcentrationMM;
        this.current = new double[entries];
        this.concentration = new double[entries];
        this.outside = new double[entries];
        this.reversal = new double[entries];
        this.observed = new boolean[entries];
        this.follows = new boolean[entries];
        this.reversalWritten = new boolean[entries];
        this.written = new boolean[entries];
        Arrays.fill(reversal, defaultReversalPotentialMV(name));
        reset();
    }

    /** NEURON's default internal concentrations (mM): cai0_ca_ion, nai0_na_ion, ki0_k_ion. */
    public static double defaultInternalConcentrationMM(String ion) {
        return switch (ion) {
            case "ca" -> 5e-5;
            case "na" -> 10;
            case "k" -> 54.4;
            default -> 1;
        };
    }

    /**
     * NEURON's default reversal potentials (mV), nrnoc/membdef.h: ena 115 + vrest = 50, ek -12 + vrest = -77,
     * eca 12.5 log(cao / cai) = 132.4579 at the default 2 and 5e-5 mM, 0 for any other ion.
     */
    public static double defaultReversalPotentialMV(String ion) {
        return switch (ion) {
            case "na" -> 50;
            case "k" -> -77;
            case "ca" -> 12.5 * Math.log(2 / 5e-5);
            default -> 0;
        };
    }

    /**
     * NEURON's nrn_nernst (mV) for charge {@code z} at {@code celsius}: 1e6 for no internal, -1e6 for no external
     * concentration, 0 for no charge.
     */
    public static double nernst(double ci, double co, double z, double celsius) {
        if (z == 0.0) {
            return 0.0;
        }
        if (ci <= 0.0) {
            return 1e6;
        }
        if (co <= 0.0) {
            return -1e6;
        }
        return factor(z, celsius) * StrictLog.log(co / ci);
    }

    /**
     * RT / zF in mV: nrn_nernst's factor of the logarithm, in its order of operations. The logarithm is
     * {@link StrictLog#log}, whose bits {@link Lanes#log} gives in vector lanes (within 1 ulp of fdlibm's log).
     */
    private static double factor(double z, double celsius) {
        return 1000.0 * GAS_CONSTANT * (celsius + 273.15) / FARADAY / z;
    }

    /**
     * Makes the reversal potential at {@code entry} follow the concentrations by Nernst at every current phase
     * while {@link #nernstCharge} is not 0: where a mechanism compiled from NMODL writes a concentration (NEURON's
     * ion_style there: eion.cpp's nrn_promote sets eadvance where a mechanism writes a concentration), unless one
     * writes the reversal potential there too.
     */
    public void followConcentrationsAt(int entry) {
        if (!follows[entry]) {
            catchUp();
            follows[entry] = true;
            followed = null;
        }
    }

    /**
     * The reversal potential at every entry, handed out to anyone who may read any entry at any time (a recorder, a
     * trace, an export, a test): from now on every entry's value is NEURON's at every step, as read after the
     * current phase that computes it.
     */
    public double[] reversal() {
        catchUp();
        if (!handedOut) {
            handedOut = true;
            Arrays.fill(observed, true);
            followed = null;
        }
        return reversal;
    }

    /**
     * The reversal potential, handed to one that reads it only at {@code entries} (a block of {@code USEION x READ
     * ex} at its nodes, a recording at one node; none for a block that only writes it): from now on those entries'
     * values are NEURON's at every step; the others may lag until {@link #reversal()} hands the array out.
     */
    public double[] reversalObservedAt(int... entries) {
        catchUp();
        for (int e : entries) {
            if (!observed[e]) {
                observed[e] = true;
                followed = null;
            }
        }
        return reversal;
    }

    /** Sets the reversal potential of entries {@code from} to {@code to} (exclusive) to {@code mV}, as painted. */
    public void setReversal(int from, int to, double mV) {
        Arrays.fill(reversal, from, to, mV);
    }

    /**
     * Marks the reversal potential at {@code entry} as written by a mechanism ({@code USEION x WRITE ex}): NEURON's
     * nrn_promote gives the ion reversal style 3 there, which turns off both its Nernst computations at that entry,
     * at initialization (einit) and at every step (eadvance), whichever mechanism writes a concentration. A model
     * that fixes the reversal potential there (hoc's {@code ion_style("x_ion", 0, 1, 0, 0, 0)}) marks it the same.
     */
    public void reversalWrittenAt(int entry) {
        if (!reversalWritten[entry]) {
            catchUp();
            reversalWritten[entry] = true;
            followed = null;
        }
    }

    /** Whether a mechanism writes the reversal potential at {@code entry} ({@link #reversalWrittenAt}). */
    public boolean reversalWritten(int entry) {
        return reversalWritten[entry];
    }

    /**
     * NEURON's eadvance, once per entry at the start of the current phase (before any mechanism's currents, as
     * NEURON's ion mechanism comes first): each following entry's reversal potential from its concentrations, but
     * where a mechanism writes the reversal potential; where it is not observed, the concentrations kept instead
     * (a copy costs far less than the logarithm: cadspine's 1500 spine heads in the paper's cell).
     */
    public void followConcentrations(double celsius) {
        if (nernstCharge == 0.0) {
            return;
        }
        if (followed == null) {
            followed = IntStream.range(0, follows.length)
                    .filter(e -> follows[e] && !reversalWritten[e] && observed[e]).toArray();
            unobserved = IntStream.range(0, follows.length)
                    .filter(e -> follows[e] && !reversalWritten[e] && !observed[e]).toArray();
            keptInside = new double[unobserved.length];
            keptOutside = new double[unobserved.length];
            logs = new double[followed.length];
        }
        // nernst at each entry, its logarithms in vector lanes: the same bits
        for (int i = 0; i < followed.length; i++) {
            logs[i] = outside[followed[i]] / concentration[followed[i]];
        }
        for (int i = VECTORS ? Lanes.log(logs) : 0; i < logs.length; i++) {
            logs[i] = StrictLog.log(logs[i]);
        }
        double factor = factor(nernstCharge, celsius);
        for (int i = 0; i < followed.length; i++) {
            int e = followed[i];
            reversal[e] = concentration[e] > 0.0 && outside[e] > 0.0 ? factor * logs[i]
                    : nernst(concentration[e], outside[e], nernstCharge, celsius);
        }
        for (int i = 0; i < unobserved.length; i++) {
            keptInside[i] = concentration[unobserved[i]];
            keptOutside[i] = outside[unobserved[i]];
        }
        keptCelsius = celsius;
        lagging = unobserved.length > 0;
    }

    /** The lagging entries' Nernst potentials from the concentrations their last current phase kept. */
    private void catchUp() {
        if (lagging) {
            for (int i = 0; i < unobserved.length; i++) {
                reversal[unobserved[i]] = nernst(keptInside[i], keptOutside[i], nernstCharge, keptCelsius);
            }
            lagging = false;
        }
    }

    /**
     * Makes {@link #resetCurrent} set the current at {@code entry} to 0: an entry of a block that may write this
     * ion's current (the kernel contract: a block writes an ion's current only at its own nodes, and takes the ion
     * in {@link MechanismBlock#attach}). Elsewhere nothing writes it, so it stays at the 0 of {@link #reset}.
     */
    public void currentWrittenAt(int entry) {
        if (!written[entry]) {
            written[entry] = true;
            writtenRuns = null;
        }
    }

    /**
     * The current set to 0 before every current phase (NEURON's ion_cur) at the entries of the blocks that may
     * write it, in runs of consecutive entries, or at every entry where the runs are many and short: the same values
     * as setting every entry to 0. Where the sum is left out ({@link #leaveSumOut}), nothing is set: the array lags.
     */
    public void resetCurrent() {
        if (!summed) {
            currentStale = true;
            return;
        }
        zeroWritten();
    }

    /** The current at the entries of the blocks that may write it set to 0. */
    private void zeroWritten() {
        if (writtenRuns == null) {
            writtenRuns = runs(written);
        }
        for (int r = 0; r < writtenRuns.length; r += 2) {
            Arrays.fill(current, writtenRuns[r], writtenRuns[r + 1], 0);
        }
    }

    /**
     * The total current at every entry, handed out to anyone who may read any entry at any time (a block that reads
     * it, {@code USEION k READ ik}; a recorder, a test, a library user after a run): from now on every current phase
     * sums it, and where the simulation had left the sum out, it is brought up to date first, from the writers'
     * columns (the same bits as the sum of their last current phase). The hand-written writers that add through
     * {@link IonCurrentSum} (Hay's and Bahl's channels) add only where a block read the ion's current when they were
     * attached, so on a cell with such writers the sum holds the compiled writers' currents alone.
     */
    public double[] current() {
        if (!summed) {
            catchUpCurrent();
            summed = true;
        }
        currentHandedOut = true;
        return current;
    }

    /**
     * The total current, for a block that adds its own current to it in its current phase, and does so only while
     * {@link #currentSummed}: taking it does not make the sum kept (see {@link #current()}).
     */
    public double[] currentToAdd() {
        return current;
    }

    /** Whether this current phase sums the current: the blocks that write it add to it only then. */
    public boolean currentSummed() {
        return summed;
    }

    /**
     * Leaves the sum out of every current phase (its reset and every block's add) until the array is handed out
     * ({@link #current()}; not at all if it already was, as to a block that reads it): told by the simulation before
     * the run where nothing reads the current and every block that writes it can add its current again after its
     * phase, which {@code writersAgain} does in the blocks' order (NEURON's sum, bit for bit, from the reset entries'
     * 0).
     */
    public void leaveSumOut(Runnable writersAgain) {
        this.writersAgain = writersAgain;
        summed = currentHandedOut;
    }

    /** The sum of the last current phase, from the writers' columns, where that phase left it out. */
    private void catchUpCurrent() {
        if (currentStale) {
            zeroWritten();
            writersAgain.run();
            currentStale = false;
        }
    }

    /**
     * The marked entries as runs, or one run over every entry when that is cheaper (the others are 0 and stay 0, so
     * setting them again changes nothing): each run costs a call to {@code Arrays.fill}, about as much as setting
     * {@value #RUN_COST} entries (measured: Hay's 378 of 839 nodes in 55 runs took 0.2 us per ion, all 839 0.1 us).
     */
    private static int[] runs(boolean[] marked) {
        IntStream.Builder runs = IntStream.builder();
        int count = 0;
        int entries = 0;
        for (int e = 0; e < marked.length; e++) {
            if (marked[e] && (e == 0 || !marked[e - 1])) {
                runs.add(e);
                count++;
            }
            if (marked[e] && (e + 1 == marked.length || !marked[e + 1])) {
                runs.add(e + 1);
            }
            entries += marked[e] ? 1 : 0;
        }
        return entries + RUN_COST * count < marked.length ? runs.build().toArray() : new int[] {0, marked.length};
    }

    /** Copies of the current, the concentrations and the reversal potential (brought up to date first). */
    public double[][] stateCopy() {
        catchUp();
        catchUpCurrent();
        return new double[][] {current.clone(), concentration.clone(), outside.clone(), reversal.clone()};
    }

    /**
     * Sets the current, the concentrations and the reversal potential from {@link #stateCopy} of the same ion in a
     * simulation of the same cell, of one trial (every lane gets it) or of as many lanes as this one.
     */
    public void restoreState(double[][] copy) {
        CellState.copyIntoLanes(copy[0], current);
        CellState.copyIntoLanes(copy[1], concentration);
        CellState.copyIntoLanes(copy[2], outside);
        CellState.copyIntoLanes(copy[3], reversal);
        lagging = false; // every entry's reversal potential is the copy's, up to date
        currentStale = false; // and the current is the copy's sum
    }

    public String name() {
        return name;
    }

    /** NEURON's default external concentrations (mM): nao0_na_ion 140, ko0_k_ion 2.5, cao0_ca_ion 2, else 1. */
    public static double defaultExternalConcentrationMM(String ion) {
        return switch (ion) {
            case "na" -> 140;
            case "k" -> 2.5;
            case "ca" -> 2;
            default -> 1;
        };
    }

    /**
     * Back to the state before finitialize: concentrations at their default, no current; no entry lags (the
     * INITIAL blocks set the reversal potentials they follow, NEURON's einit).
     */
    public void reset() {
        lagging = false;
        currentStale = false;
        Arrays.fill(concentration, initialConcentrationMM);
        Arrays.fill(outside, defaultExternalConcentrationMM(name));
        Arrays.fill(current, 0);
    }

    /**
     * StrictLog's logarithm in vector lanes ({@link VectorMath#log}); loaded only when {@link Simd#enabled()}. The loop
     * is called through a method handle that is not a constant, which C2 never inlines, so that it is compiled on its
     * own with the logarithm inlined: inlined into followConcentrations, C2 left {@code VectorMath.log} a call ("too
     * big": the site's profile came from a tier without one), each vector crossing it allocated, and the logarithms
     * one after the other instead of overlapping (docs/dev/performance.md "s38").
     */
    private static final class Lanes {
        /** Not final on purpose: a method handle that is not a constant is called, never inlined, by C2. */
        @SuppressWarnings("FieldMayBeFinal")
        private static java.lang.invoke.MethodHandle logs = logsHandle();

        /** a[i] = log(a[i]) over whole vectors from 0; returns the first index not done. */
        static int log(double[] a) {
            int whole = a.length - a.length % VectorMath.SPECIES.length();
            try {
                logs.invokeExact(a, whole);
            } catch (Throwable t) {
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
            }
            return whole;
        }

        private static void logs(double[] a, int whole) {
            for (int i = 0; i < whole; i += VectorMath.SPECIES.length()) {
                VectorMath.log(DoubleVector.fromArray(VectorMath.SPECIES, a, i)).intoArray(a, i);
            }
        }

        private static java.lang.invoke.MethodHandle logsHandle() {
            try {
                return java.lang.invoke.MethodHandles.lookup().findStatic(Lanes.class, "logs",
                        java.lang.invoke.MethodType.methodType(void.class, double[].class, int.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
