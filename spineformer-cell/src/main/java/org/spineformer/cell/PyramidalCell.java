package org.spineformer.cell;

import java.util.List;
import java.util.Map;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/**
 * The Ellwood (2024) L5 pyramidal cell: the reduced Bahl et al. (2012) axo-somatic model, an apical shaft, six
 * spiny tuft branches and their spines, each spine head with a calcium pool, an NMDA and an AMPA_WITH_CA synapse.
 *
 * <p>Section names and the global spine order are those of the NEURON reference: branches {@link #BRANCHES} in
 * that order, 250 spines each numbered from the branch's proximal end, spine k made of {@code spine_k_neck}
 * (attached to the branch) and {@code spine_k_head} (attached to the neck's 1-end, synapses at its centre).
 *
 * <p>A cell is a model description: add stimuli ({@link #addPresynapticSpikes}, {@link #addSomaticPulse}), then
 * {@link #simulation} builds it. Each cell builds one simulation.
 */
public final class PyramidalCell {
    /** The tuft branches in global spine order. */
    public static final List<String> BRANCHES = List.of("tuft_0", "tuft_1", "tuft_0_0", "tuft_0_1", "tuft_1_0",
            "tuft_1_1");
    /** The paper's temperature (degC). */
    public static final double CELSIUS = 37;
    /** The paper's fixed time step (ms). */
    public static final double DT_MS = 0.025;

    private final CellParameters params;
    private final Morphology morphology = new Morphology();
    private final ModelBuilder builder;
    private final int soma;
    private final int[] spineHead;
    private final int[] spineNeck;
    private final PointProcess[] ampa;
    private final PointProcess[] nmda;

    private PyramidalCell(CellParameters params, Catalogue catalogue) {
        this.params = params;
        CellParameters.Axosomatic ax = params.axosomatic();
        double somaSide = Math.sqrt(ax.somaAreaUm2() / Math.PI); // a cylinder as long as it is wide
        soma = morphology.addRoot("soma", somaSide, 1, ax.raOhmCm(), ax.cmUfPerCm2(), new double[] {somaSide});
        int hillock = morphology.addChild("axon_hillock", ax.hillockLengthUm(), ax.hillockNseg(), ax.raOhmCm(),
                ax.cmUfPerCm2(), taper(ax.hillockNseg(), ax.hillockDiam0Um(), ax.hillockDiam1Um()), soma, 0);
        int ais = morphology.addChild("axon_initial_segment", ax.aisLengthUm(), ax.aisNseg(), ax.raOhmCm(),
                ax.cmUfPerCm2(), taper(ax.aisNseg(), ax.aisDiam0Um(), ax.aisDiam1Um()), hillock, 1);
        int axon = morphology.addChild("axon", ax.axonLengthUm(), 1, ax.raOhmCm(), ax.cmUfPerCm2(),
                new double[] {ax.axonDiamUm()}, ais, 1);
        int basal = morphology.addChild("basal", ax.basalLengthUm(), 1, ax.basalRaOhmCm(), ax.cmUfPerCm2(),
                new double[] {ax.basalAreaUm2() / Math.PI / ax.basalLengthUm()}, soma, 0.5);

        CellParameters.Apical ap = params.apical();
        int shaftNseg = dendriteNseg(ap.shaftLengthUm());
        double[] shaftDiam = new double[shaftNseg];
        for (int j = 0; j < shaftNseg; j++) {
            double distance = somaSide + (j + 0.5) / shaftNseg * ap.shaftLengthUm();
            shaftDiam[j] = ap.diamFitBaseUm() + ap.diamFitAmplitudeUm() * softplus(-distance / ap.diamFitScaleUm());
        }
        int shaft = morphology.addChild("apical_shaft", ap.shaftLengthUm(), shaftNseg, ap.shaftRaOhmCm(), 1,
                shaftDiam, soma, 1);
        int topNseg = dendriteNseg(ap.topLengthUm());
        int top = morphology.addChild("apical_shaft_top", ap.topLengthUm(), topNseg, ap.topRaOhmCm(), 1,
                geometric(shaftDiam[shaftNseg - 1], ap.topEndDiamUm(), topNseg), shaft, 1);

        builder = new ModelBuilder(morphology, catalogue);
        double axLeak = 1.0 / ax.rmOhmCm2();
        builder.insert("pas", soma, Map.of("g", axLeak, "e", ax.somaLeakReversalMv()));
        for (int s : new int[] {hillock, ais, axon, basal}) {
            builder.insert("pas", s, Map.of("g", axLeak, "e", ax.leakReversalMv()));
        }
        builder.insert("BahlEtAl_2012_nat", soma, Map.of("gbar", ax.natSomaGbar(), "vshift", ax.natVshiftMv(),
                "ena", ax.naReversalMv()));
        builder.insert("BahlEtAl_2012_nat", hillock, Map.of("gbar", ax.natHillockGbar(), "vshift", ax.natVshiftMv(),
                "ena", ax.naReversalMv()));
        builder.insert("BahlEtAl_2012_nat", ais, Map.of("gbar", ax.natAisGbar(), "vshift", ax.natVshiftMv(),
                "vshift2", ax.natAisVshift2Mv(), "ena", ax.naReversalMv()));
        builder.insert("BahlEtAl_2012_kfast", soma, Map.of("gbar", ax.kfastGbar(), "ek", ax.kReversalMv()));
        builder.insert("BahlEtAl_2012_kslow", soma, Map.of("gbar", ax.kslowGbar(), "ek", ax.kReversalMv()));
        builder.insert("BahlEtAl_2012_nap", soma, Map.of("gbar", ax.napGbar(), "ena", ax.naReversalMv()));
        builder.insert("BahlEtAl_2012_km", soma, Map.of("gbar", ax.kmGbar(), "ek", ax.kReversalMv()));
        builder.insert("BahlEtAl_2012_ih", basal, Map.of("gbar", ax.ihBasalGbar(), "ehd", ax.ihReversalMv()));

        insertHayChannels(shaft, ap.leakConductance(), ap.leakReversalMv(), ap.nataBaseGbar() * ap.shaftDensityFactor(),
                ap.skv31BaseGbar() * ap.shaftDensityFactor(), ap.imGbar(), ap.naReversalMv(), ap.kReversalMv());
        insertHayChannels(top, ap.leakConductance(), ap.leakReversalMv(), ap.nataBaseGbar() * ap.topDensityFactor(),
                ap.skv31BaseGbar() * ap.topDensityFactor(), ap.imGbar(), ap.naReversalMv(), ap.kReversalMv());

        CellParameters.Tuft tuft = params.tuft();
        int n = params.spineCount();
        spineHead = new int[n];
        spineNeck = new int[n];
        ampa = new PointProcess[n];
        nmda = new PointProcess[n];
        int[] branch = new int[CellParameters.Tuft.BRANCHES];
        int tuftNseg = dendriteNseg(tuft.branchLengthUm());
        double[] tuftDiam = Morphology.filled(tuftNseg, tuft.branchDiamUm());
        for (int b = 0; b < branch.length; b++) {
            int parent = b < 2 ? top : branch[(b - 2) / 2];
            branch[b] = morphology.addChild(BRANCHES.get(b), tuft.branchLengthUm(), tuftNseg, tuft.raOhmCm(), 1,
                    tuftDiam, parent, 1);
            insertHayChannels(branch[b], tuft.leakConductance(), tuft.leakReversalMv(), tuft.nataGbar(),
                    tuft.skv31Gbar(), tuft.imGbar(), tuft.naReversalMv(), tuft.kReversalMv());
            for (int i = 0; i < tuft.spinesPerBranch(); i++) {
                addSpine(b * tuft.spinesPerBranch() + i, branch[b], spineLocation(i));
            }
        }
    }

    /** Builds the cell's description with the mechanisms of the catalogue. */
    public static PyramidalCell build(CellParameters params, Catalogue catalogue) {
        return new PyramidalCell(params, catalogue);
    }

    /** Builds the cell's description with every mechanism on the class path. */
    public static PyramidalCell build(CellParameters params) {
        return build(params, Catalogue.discover());
    }

    private void addSpine(int k, int branch, double x) {
        CellParameters.Spine sp = params.spine();
        spineNeck[k] = morphology.addChild("spine_" + k + "_neck", sp.neckLengthUm(), 1, sp.raOhmCm(),
                sp.cmUfPerCm2(), new double[] {sp.neckDiamUm()}, branch, x);
        spineHead[k] = morphology.addChild("spine_" + k + "_head", sp.headLengthUm(), 1, sp.raOhmCm(),
                sp.cmUfPerCm2(), new double[] {sp.headDiamUm()}, spineNeck[k], 1);
        Map<String, Double> leak = Map.of("g", sp.leakConductance(), "e", sp.leakReversalMv());
        builder.insert("pas", spineNeck[k], leak);
        builder.insert("pas", spineHead[k], leak);
        builder.insert("cadspine", spineHead[k], Map.of("depth", sp.caShellDepthUm(), "taur", sp.caTauMs(),
                "cainf", sp.caRestMM()));
        CellParameters.Synapses sy = params.synapses();
        ampa[k] = builder.addPointProcess("AMPA_WITH_CA", spineHead[k], 0.5, Map.of("gmax", sy.ampaGmaxUs(),
                "tau1", sy.ampaTau1Ms(), "tau2", sy.ampaTau2Ms(), "e", sy.ampaReversalMv(),
                "tau_plasticity", sy.tauPlasticityMs(), "tau_g_dynamic_delayed", sy.tauDelayedMs(),
                "max_potentiation", sy.maxPotentiation(), "sigmoid_sharpness", sy.sigmoidSharpness(),
                "sigmoid_offset", sy.sigmoidOffset(), "ca_potentiation_threshold", sy.potentiationThreshold()));
        nmda[k] = builder.addPointProcess("NMDA", spineHead[k], 0.5, Map.of("gmax", sy.nmdaGmaxUs(),
                "tau1", sy.nmdaTau1Ms(), "tau2", sy.nmdaTau2Ms(), "e", sy.nmdaReversalMv()));
    }

    private void insertHayChannels(int section, double leakG, double leakE, double nata, double skv31, double im,
                                   double ena, double ek) {
        builder.insert("pas", section, Map.of("g", leakG, "e", leakE));
        builder.insert("NaTa_t", section, Map.of("gNaTa_tbar", nata, "ena", ena));
        builder.insert("SKv3_1", section, Map.of("gSKv3_1bar", skv31, "ek", ek));
        builder.insert("Im", section, Map.of("gImbar", im, "ek", ek));
    }

    /** Spine i of a branch sits at linspace(proximal padding, L - distal padding, spines)[i] / L. */
    private double spineLocation(int i) {
        CellParameters.Tuft t = params.tuft();
        int n = t.spinesPerBranch();
        double start = t.proximalPaddingUm(), stop = t.branchLengthUm() - t.distalPaddingUm();
        double position = n == 1 ? start : (i == n - 1 ? stop : start + i * ((stop - start) / (n - 1)));
        return position / t.branchLengthUm();
    }

    /** The paper's segment count for its dendrites: one segment per um or so, always odd. */
    static int dendriteNseg(double lengthUm) {
        return 1 + 2 * (int) (lengthUm / 2);
    }

    /** Diameters at segment centres, linear from d0 at x = 0 to d1 at x = 1. */
    private static double[] taper(int nseg, double d0, double d1) {
        double[] d = new double[nseg];
        for (int j = 0; j < nseg; j++) {
            d[j] = (d1 - d0) * ((j + 0.5) / nseg) + d0;
        }
        return d;
    }

    /** n values from a to b in geometric progression, ends exact (numpy's geomspace). */
    private static double[] geometric(double a, double b, int n) {
        double[] d = new double[n];
        double la = Math.log10(a), lb = Math.log10(b);
        for (int i = 0; i < n; i++) {
            d[i] = i == 0 ? a : i == n - 1 ? b : Math.pow(10, la + i * ((lb - la) / (n - 1)));
        }
        return d;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log(1 + Math.exp(-x)) : Math.log(1 + Math.exp(x));
    }

    /** Adds presynaptic spike times (ms, increasing) to spine k: each reaches its AMPA and NMDA synapse. */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs) {
        return addPresynapticSpikes(spine, timesMs, params.synapses().netconDelayMs());
    }

    /** As {@link #addPresynapticSpikes(int, double[])} with an explicit connection delay (ms). */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs, double delayMs) {
        CellParameters.Synapses sy = params.synapses();
        builder.addSpikeSource(timesMs, List.of(new Synapse(ampa[spine], sy.ampaWeight(), delayMs),
                new Synapse(nmda[spine], sy.nmdaWeight(), delayMs)));
        return this;
    }

    /** Adds a current pulse at soma(0.5): {@code ampNa} nA from {@code startMs} for {@code durMs}. */
    public PyramidalCell addSomaticPulse(double startMs, double ampNa, double durMs) {
        builder.addPointProcess("IClamp", soma, 0.5, Map.of("del", startMs, "amp", ampNa, "dur", durMs));
        return this;
    }

    /** Builds the simulation of this cell with its stimuli. */
    public Simulation simulation(double dtMs, double celsius) {
        return builder.build(dtMs, celsius);
    }

    public CellParameters parameters() {
        return params;
    }

    public Morphology morphology() {
        return morphology;
    }

    public int somaSection() {
        return soma;
    }

    public int spineCount() {
        return spineHead.length;
    }

    public int spineHeadSection(int spine) {
        return spineHead[spine];
    }

    public int spineNeckSection(int spine) {
        return spineNeck[spine];
    }

    /** Spine k's AMPA_WITH_CA synapse (its instance index is k). */
    public PointProcess ampa(int spine) {
        return ampa[spine];
    }

    /** Spine k's NMDA synapse (its instance index is k). */
    public PointProcess nmda(int spine) {
        return nmda[spine];
    }
}
