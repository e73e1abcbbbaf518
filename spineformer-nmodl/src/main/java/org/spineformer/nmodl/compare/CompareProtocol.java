package org.spineformer.nmodl.compare;

import java.util.List;

/**
 * The runs {@code nmodl compare} makes of one mechanism in NEURON and here (docs/user/nmodl.md, "Comparing with
 * NEURON"): one compartment (L = diam = 20 um, cm 1 uF/cm2, Ra 35.4 ohm cm, one segment), dt 0.025 ms for 100 ms,
 * backward Euler. A density mechanism alone at its defaults under three voltage-clamp steps and a current clamp with
 * pas; a point process (or artificial cell) at 0.5 with pas, driven by a NetStim through a NetCon when it has a
 * NET_RECEIVE block, else at its defaults.
 */
public enum CompareProtocol {
    /** SEClamp: -80 mV for 20 ms, -60 mV for 50 ms, -80 mV for 30 ms, from v_init -80 mV. */
    VCLAMP_M60("vclamp_m60", -60),
    /** The same stepping to -20 mV. */
    VCLAMP_M20("vclamp_m20", -20),
    /** The same stepping to +20 mV. */
    VCLAMP_P20("vclamp_p20", 20),
    /** pas and an IClamp of 0.3 nA from 20 to 70 ms, from v_init -70 mV. */
    ICLAMP("iclamp", Double.NaN),
    /** pas, the point process driven by {@link #NETSTIM_SPIKES} NetStim spikes, from v_init -70 mV. */
    NETSTIM("netstim", Double.NaN),
    /** pas and the point process at its defaults, from v_init -70 mV. */
    DEFAULTS("defaults", Double.NaN);

    /** The compartment: a cylinder of this length and diameter (um), cm (uF/cm2), Ra (ohm cm), one segment. */
    public static final double L_UM = 20, DIAM_UM = 20, CM_UF_CM2 = 1, RA_OHM_CM = 35.4;
    public static final double DT_MS = 0.025, TSTOP_MS = 100;
    /** Where the electrodes and point processes are placed. */
    public static final double X = 0.5;
    /** SEClamp's series resistance (MOhm), holding level (mV) and its three durations (ms). */
    public static final double RS_MOHM = 0.001, HOLD_MV = -80, DUR1_MS = 20, DUR2_MS = 50, DUR3_MS = 30;
    /** pas's conductance (S/cm2) and reversal (mV), the start of the runs with pas (mV). */
    public static final double PAS_G = 1e-4, PAS_E_MV = -70, REST_MV = -70;
    /** IClamp's delay (ms), duration (ms) and amplitude (nA). */
    public static final double ICLAMP_DELAY_MS = 20, ICLAMP_DUR_MS = 50, ICLAMP_AMP_NA = 0.3;
    /** NetStim's start (ms), interval (ms) and number of spikes, with noise 0. */
    public static final double NETSTIM_START_MS = 10, NETSTIM_INTERVAL_MS = 7;
    public static final int NETSTIM_SPIKES = 6;
    /** The NetCon's delay (ms) and weight (its first, uS for a conductance synapse). */
    public static final double NETCON_DELAY_MS = 1, NETCON_WEIGHT = 0.002;

    private final String label;
    private final double stepMV;

    CompareProtocol(String label, double stepMV) {
        this.label = label;
        this.stepMV = stepMV;
    }

    /** The name in comparison.csv and in the NEURON script. */
    public String label() {
        return label;
    }

    /** The voltage clamp's second level (mV); NaN for the runs without an SEClamp. */
    public double stepMV() {
        return stepMV;
    }

    /** Whether the run clamps the voltage (else pas is inserted). */
    public boolean voltageClamp() {
        return !Double.isNaN(stepMV);
    }

    /** v_init (mV). */
    public double vInitMV() {
        return voltageClamp() ? HOLD_MV : REST_MV;
    }

    /** NetStim's spike times with noise 0, as NEURON's netstim.mod gives them: start, then every interval. */
    public static double[] netStimTimesMs() {
        double[] t = new double[NETSTIM_SPIKES];
        t[0] = NETSTIM_START_MS;
        for (int k = 1; k < t.length; k++) {
            t[k] = t[k - 1] + NETSTIM_INTERVAL_MS;
        }
        return t;
    }

    /** The runs of a mechanism: the four clamps for a density one, else the NetStim's run or the defaults'. */
    public static List<CompareProtocol> of(ComparedMechanism m) {
        if (!m.pointProcess()) {
            return List.of(VCLAMP_M60, VCLAMP_M20, VCLAMP_P20, ICLAMP);
        }
        return List.of(m.netReceive() ? NETSTIM : DEFAULTS);
    }
}
