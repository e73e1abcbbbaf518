package org.spineformer.cell;

/**
 * Every parameter of the Ellwood (2024) pyramidal cell, grouped by part. {@link #paper()} gives the values the
 * paper's code sets (its reduced Bahl et al. 2012 axo-somatic model, the smoothed Hay et al. 2011 apical shaft, six
 * spiny tuft branches of 250 spines each). Units are NEURON's: um, ohm cm, uF/cm2, S/cm2 (Hay channels, pas),
 * pS/um2 (Bahl channels), uS (synapses), mV, ms, mM.
 *
 * <p>Mechanism parameters are checked against their mechanisms' declared ranges when the cell is built; the
 * structural ones here are checked at construction.
 */
public record CellParameters(Axosomatic axosomatic, Apical apical, Tuft tuft, Spine spine, Synapses synapses) {

    public CellParameters {
        require(axosomatic != null && apical != null && tuft != null && spine != null && synapses != null,
                "cell parameters: no group may be null");
    }

    /** The paper's cell. */
    public static CellParameters paper() {
        return new CellParameters(Axosomatic.paper(), Apical.paper(), Tuft.paper(), Spine.paper(), Synapses.paper());
    }

    /** The same cell with potentiation at the given Ca^4-integral threshold (+infinity: no potentiation). */
    public CellParameters withPotentiationThreshold(double threshold) {
        Synapses s = synapses;
        return new CellParameters(axosomatic, apical, tuft, spine, new Synapses(s.ampaGmaxUs(), s.ampaWeight(),
                s.ampaTau1Ms(), s.ampaTau2Ms(), s.ampaReversalMv(), s.tauPlasticityMs(), s.tauDelayedMs(),
                s.maxPotentiation(), s.sigmoidSharpness(), s.sigmoidOffset(), threshold, s.nmdaGmaxUs(),
                s.nmdaWeight(), s.nmdaTau1Ms(), s.nmdaTau2Ms(), s.nmdaReversalMv(), s.netconDelayMs()));
    }

    /** Total number of spines. */
    public int spineCount() {
        return Tuft.BRANCHES * tuft.spinesPerBranch();
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static void requirePositive(String what, double value) {
        require(value > 0 && Double.isFinite(value), "cell parameter " + what + " must be finite and > 0, was " + value);
    }

    /**
     * The axo-somatic part (Bahl et al. 2012 reduced model without its apical parts): soma, basal dendrite,
     * axon hillock, axon initial segment and axon, with their passive properties and Bahl channels.
     */
    public record Axosomatic(double somaAreaUm2, double basalAreaUm2, double basalLengthUm, double basalRaOhmCm,
                             double raOhmCm, double cmUfPerCm2, double rmOhmCm2, double somaLeakReversalMv,
                             double leakReversalMv, double hillockLengthUm, int hillockNseg, double hillockDiam0Um,
                             double hillockDiam1Um, double aisLengthUm, int aisNseg, double aisDiam0Um,
                             double aisDiam1Um, double axonLengthUm, double axonDiamUm, double natSomaGbar,
                             double natHillockGbar, double natAisGbar, double natVshiftMv, double natAisVshift2Mv,
                             double kfastGbar, double kslowGbar, double napGbar, double kmGbar, double ihBasalGbar,
                             double ihReversalMv, double naReversalMv, double kReversalMv) {
        public Axosomatic {
            requirePositive("somaAreaUm2", somaAreaUm2);
            requirePositive("basalAreaUm2", basalAreaUm2);
            requirePositive("basalLengthUm", basalLengthUm);
            requirePositive("rmOhmCm2", rmOhmCm2);
            require(hillockNseg >= 1 && aisNseg >= 1, "cell parameter hillockNseg/aisNseg must be >= 1");
        }

        public static Axosomatic paper() {
            return new Axosomatic(1682.96028429, 7060.90626796, 257, 734, 82, 2.298892, 23823.061083, -75,
                    -83.056442, 20, 5, 3.5, 2.0, 25, 5, 2.0, 1.5, 500, 1.5, 284.546493, 8810.6571, 13490.395442,
                    10, -9.802976, 50.802287, 361.584735, 0.873246, 7.123963, 15.709707, -47, 55, -80);
        }
    }

    /**
     * The apical shaft (diameter from a smooth fit to Hay et al. 2011 as a function of path distance from
     * soma(0): d0 + d1 * softplus(-distance / scale)) and its top (diameters geometric down to
     * {@code topEndDiamUm}), with Hay channels whose NaTa_t and SKv3_1 densities are the base values times a
     * factor per part.
     */
    public record Apical(double shaftLengthUm, double shaftRaOhmCm, double diamFitBaseUm, double diamFitAmplitudeUm,
                         double diamFitScaleUm, double topLengthUm, double topRaOhmCm, double topEndDiamUm,
                         double leakConductance, double leakReversalMv, double nataBaseGbar, double skv31BaseGbar,
                         double imGbar, double shaftDensityFactor, double topDensityFactor, double naReversalMv,
                         double kReversalMv) {
        public Apical {
            requirePositive("shaftLengthUm", shaftLengthUm);
            requirePositive("topLengthUm", topLengthUm);
            requirePositive("topEndDiamUm", topEndDiamUm);
            requirePositive("diamFitScaleUm", diamFitScaleUm);
        }

        public static Apical paper() {
            // ek is NEURON's default (-77 mV) and ena its default (50 mV): the paper's code sets neither here
            return new Apical(450, 100, 2.7642336, 21.55532, 15.393625, 50, 500, 0.5, 0.0002, -75, 0.05, 0.04,
                    6.75e-5, 6, 8, 50, -77);
        }
    }

    /** The six spiny tuft branches: geometry, channels, and where the spines sit along each. */
    public record Tuft(double branchLengthUm, double branchDiamUm, double raOhmCm, int spinesPerBranch,
                       double proximalPaddingUm, double distalPaddingUm, double leakConductance,
                       double leakReversalMv, double nataGbar, double skv31Gbar, double imGbar,
                       double naReversalMv, double kReversalMv) {
        /** tuft_0, tuft_1 on the shaft top; two children on each. */
        public static final int BRANCHES = 6;

        public Tuft {
            requirePositive("branchLengthUm", branchLengthUm);
            requirePositive("branchDiamUm", branchDiamUm);
            require(spinesPerBranch >= 1, "cell parameter spinesPerBranch must be >= 1, was " + spinesPerBranch);
            require(proximalPaddingUm >= 0 && distalPaddingUm >= 0
                            && proximalPaddingUm + distalPaddingUm <= branchLengthUm,
                    "cell parameters proximalPaddingUm and distalPaddingUm must be >= 0 and leave room on the branch, were "
                            + proximalPaddingUm + " and " + distalPaddingUm);
        }

        public static Tuft paper() {
            return new Tuft(250, 0.5, 200, 250, 2, 2, 0.0002, -85, 0.05 * 2, 0.04 * 1.5, 6.75e-5, 50, -85);
        }
    }

    /** A spine: neck and head cylinders with pas, and the head's calcium pool (cadspine). */
    public record Spine(double neckLengthUm, double neckDiamUm, double headLengthUm, double headDiamUm,
                        double raOhmCm, double cmUfPerCm2, double leakConductance, double leakReversalMv,
                        double caShellDepthUm, double caTauMs, double caRestMM) {
        public Spine {
            requirePositive("neckLengthUm", neckLengthUm);
            requirePositive("neckDiamUm", neckDiamUm);
            requirePositive("headLengthUm", headLengthUm);
            requirePositive("headDiamUm", headDiamUm);
        }

        public static Spine paper() {
            return new Spine(1.0, 0.1, 0.5, 0.5, 100, 1, 0.0002, -85, 0.125, 15, 5e-7);
        }
    }

    /**
     * The two synapses on every spine head and their connections. The AMPA potentiation threshold is the
     * Ca^4-integral value at which the sigmoid is half way; +infinity is the paper's no-potentiation variant.
     */
    public record Synapses(double ampaGmaxUs, double ampaWeight, double ampaTau1Ms, double ampaTau2Ms,
                           double ampaReversalMv, double tauPlasticityMs, double tauDelayedMs, double maxPotentiation,
                           double sigmoidSharpness, double sigmoidOffset, double potentiationThreshold,
                           double nmdaGmaxUs, double nmdaWeight, double nmdaTau1Ms, double nmdaTau2Ms,
                           double nmdaReversalMv, double netconDelayMs) {
        public Synapses {
            require(ampaWeight >= 0 && nmdaWeight >= 0 && Double.isFinite(ampaWeight) && Double.isFinite(nmdaWeight),
                    "cell parameters ampaWeight and nmdaWeight must be finite and >= 0, were " + ampaWeight + " and "
                            + nmdaWeight);
            require(netconDelayMs >= 0 && Double.isFinite(netconDelayMs),
                    "cell parameter netconDelayMs must be finite and >= 0, was " + netconDelayMs);
        }

        public static Synapses paper() {
            // weights: the paper's 0.1 and 0.01 times its scale 0.08
            return new Synapses(0.002, 0.1 * 0.08, 0.34, 2.0, 0, 20000, 500, 8, 20, 0, Double.POSITIVE_INFINITY,
                    0.05, 0.01 * 0.08, 2.0, 26.0, -0.7, 1.0);
        }

        public boolean potentiation() {
            return potentiationThreshold != Double.POSITIVE_INFINITY;
        }
    }
}
