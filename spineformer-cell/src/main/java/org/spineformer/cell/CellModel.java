package org.spineformer.cell;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.spineformer.cell.replay.StimulusReader;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.DescriptionReader;
import org.spineformer.model.ExperimentSettings;
import org.spineformer.model.MorphologySource;

/**
 * The cell the paper's experiments run on ({@code --model}): the paper's cell ({@link #paper()}, built from
 * {@link CellParameters#paper()} exactly as without the option), or any cell description with spines and an
 * {@code experiment} part (a bundled name or a file). Everything the experiments used to take as the paper's
 * constants comes from here: the axons (spine groups), the query pulses, the spike site, the initial voltages, the
 * temperature and the connection delay.
 *
 * <p>Serializable (a Spark sweep ships it to its workers): only where the description is and the SHA-256 of its
 * bytes travel; a worker reads the description again and refuses it if its bytes changed.
 */
public final class CellModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The paper's cell, as every experiment runs it without {@code --model}. */
    private static final CellModel PAPER = new CellModel(PyramidalCell.DESCRIPTION, null, null, null);

    /** A bundled description's name, or a description file's absolute path. */
    private final String source;
    /** The SHA-256 of the description's bytes; null for the paper's cell. */
    private final String sha256;
    /** The absolute folder a bundled description's relative morphology file is read from; null otherwise. */
    private final String morphologyDir;
    /**
     * The SHA-256 of the morphology file's bytes (of its files', {@link #morphologyHash}), once read; null for the
     * paper's cell and inline sections. A model read again (a Spark task) refuses a morphology file whose bytes
     * changed.
     */
    private final String morphologySha256;
    private transient volatile Loaded loaded;

    /** What loading the description gave. */
    private record Loaded(CellDescription description, ExperimentSettings settings, int spineCount, int[][] axons,
                          String[] spineBranch, double[] spineDistanceUm, double netconDelayMs, String spikeTrace,
                          String morphologySha256) {
    }

    private CellModel(String source, String sha256, String morphologyDir, String morphologySha256) {
        this.source = source;
        this.sha256 = sha256;
        this.morphologyDir = morphologyDir;
        this.morphologySha256 = morphologySha256;
    }

    /** The paper's cell. */
    public static CellModel paper() {
        return PAPER;
    }

    /**
     * The model {@code --model} names: {@code ellwood2024} (the paper's cell, the same as no option), another bundled
     * description's name, or a description file. The description is read, assembled and lowered, its axons and
     * plastic synapses checked, before anything runs; a relative morphology file of a bundled description is looked
     * for in the current directory.
     *
     * @throws IllegalArgumentException naming the file, key and value of what is wrong
     */
    public static CellModel load(String nameOrFile) {
        return load(nameOrFile, Path.of(""));
    }

    /**
     * As {@link #load(String)}, a bundled description's relative morphology file looked for in
     * {@code morphologyDir} ({@code --morphology-dir}; a description file's morphology path is relative to the
     * description file). The morphology file's bytes are hashed with the description's ({@link #morphologySha256}).
     */
    public static CellModel load(String nameOrFile, Path morphologyDir) {
        if (nameOrFile.equals(PyramidalCell.DESCRIPTION)) {
            return PAPER;
        }
        CellModel probe;
        if (BundledDescriptions.has(nameOrFile)) {
            probe = new CellModel(nameOrFile, sha256(bundledBytes(nameOrFile)),
                    morphologyDir.toAbsolutePath().normalize().toString(), null);
        } else {
            Path file = Path.of(nameOrFile).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--model " + nameOrFile + ": neither a bundled description ("
                        + String.join(", ", BundledDescriptions.NAMES) + ") nor a file");
            }
            probe = new CellModel(file.toString(), sha256(fileBytes(file)), null, null);
        }
        Loaded l = probe.loaded();
        CellModel m = new CellModel(probe.source, probe.sha256, probe.morphologyDir, l.morphologySha256());
        m.loaded = l;
        return m;
    }

    public boolean isPaper() {
        return sha256 == null;
    }

    /** The bundled name or the file's absolute path. */
    public String source() {
        return source;
    }

    /** The SHA-256 of the description's bytes (null for the paper's cell): journals and summaries record it. */
    public String sha256() {
        return sha256;
    }

    /**
     * The SHA-256 of the morphology file the description reads (as {@code sha256sum} prints it; for several files
     * the SHA-256 of theirs in hex, each followed by a newline), null for the paper's cell and for inline sections: journals
     * and summaries record it beside {@link #sha256()}, so that a run is not resumed or reused with another
     * morphology.
     */
    public String morphologySha256() {
        return morphologySha256;
    }

    /** The description's name. */
    public String name() {
        return isPaper() ? PyramidalCell.DESCRIPTION : loaded().description().name();
    }

    /** The cell with this potentiation threshold (+infinity: no potentiation), with every mechanism built in. */
    public PyramidalCell build(double threshold) {
        if (isPaper()) {
            return PyramidalCell.build(CellParameters.paper().withPotentiationThreshold(threshold));
        }
        CellDescription d = loaded().description();
        return PyramidalCell.of(d.withSpineSynapseParameter(PyramidalCell.PLASTIC_SYNAPSE,
                "ca_potentiation_threshold", threshold), catalogue(d));
    }

    public int spineCount() {
        return loaded().spineCount();
    }

    public int axonCount() {
        return loaded().axons().length;
    }

    /** The spines of each axon, its first spine first (the one whose delay and integral the experiments read). */
    public int[][] axons() {
        int[][] a = loaded().axons();
        int[][] copy = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** Axon a's first spine. */
    public int firstSpine(int axon) {
        return loaded().axons()[axon][0];
    }

    /** The spines in some axon, in increasing order (every spine of the paper's cell). */
    public int[] groupedSpines() {
        return java.util.Arrays.stream(loaded().axons()).flatMapToInt(java.util.Arrays::stream).sorted().toArray();
    }

    /** The axon a spine belongs to, or -1 when it is in none. */
    public int axonOf(int spine) {
        int[][] axons = loaded().axons();
        for (int a = 0; a < axons.length; a++) {
            for (int k : axons[a]) {
                if (k == spine) {
                    return a;
                }
            }
        }
        return -1;
    }

    /** The section each spine's neck sits on (the paper's tuft branches). */
    public String branchOf(int spine) {
        return loaded().spineBranch()[spine];
    }

    /** Each spine head's centre's path distance (um) from the spike site's section's 0-end (the paper: soma(0)). */
    public double[] spineDistancesUm() {
        return loaded().spineDistanceUm().clone();
    }

    public double queryAmpNa() {
        return loaded().settings().queryAmpNa();
    }

    public double queryDurMs() {
        return loaded().settings().queryDurMs();
    }

    /** The initial voltage of the match, control, kernel and offset protocols (the paper's -75 mV). */
    public double vInitMv() {
        ExperimentSettings s = loaded().settings();
        return s.vInitMv() != null ? s.vInitMv() : loaded().description().vInitMv();
    }

    /** The initial voltage of the bAP-delay protocol (the paper's -70 mV). */
    public double bapVInitMv() {
        ExperimentSettings s = loaded().settings();
        return s.bapVInitMv() != null ? s.bapVInitMv() : loaded().description().vInitMv();
    }

    /**
     * How long after the bAP protocol's pulse (Figure 2B) a spine head's voltage peak is looked for (ms), or
     * +infinity: the whole run, as the paper's script (the paper's cell).
     */
    public double bapWindowMs() {
        if (isPaper()) {
            return Double.POSITIVE_INFINITY;
        }
        Double w = loaded().settings().bapWindowMs();
        return w != null ? w : Double.POSITIVE_INFINITY;
    }

    public double celsius() {
        return loaded().description().celsius();
    }

    /** What a replayed stimulus takes from this cell when it does not say: the temperature and the query pulses. */
    public StimulusReader.CellDefaults stimulusDefaults() {
        return new StimulusReader.CellDefaults(celsius(), queryAmpNa(), queryDurMs());
    }

    /** The delay from an axon's spike to its synapses (ms): the plastic synapse's described delay. */
    public double netconDelayMs() {
        return loaded().netconDelayMs();
    }

    /** The recorded column of the spike site's voltage ({@code v:soma(0.5)} in the paper's cell). */
    public String spikeTrace() {
        return loaded().spikeTrace();
    }

    @Override
    public String toString() {
        return isPaper() ? PyramidalCell.DESCRIPTION : source + " (sha256 " + sha256 + ")";
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        CellDescription d;
        String where;
        if (isPaper()) {
            d = BundledDescriptions.get(PyramidalCell.DESCRIPTION);
            where = "bundled:" + PyramidalCell.DESCRIPTION + ".json";
        } else if (BundledDescriptions.has(source)) {
            requireUnchanged(bundledBytes(source));
            d = BundledDescriptions.get(source).withMorphologyDirectory(Path.of(morphologyDir));
            where = "bundled:" + source + ".json";
        } else {
            requireUnchanged(fileBytes(Path.of(source)));
            d = DescriptionReader.read(Path.of(source));
            where = source;
        }
        ExperimentSettings settings = d.experiment();
        if (settings == null) {
            throw new IllegalArgumentException(where + ": no \"experiment\" part: the experiments need its \"axons\""
                    + " (which spines share a presynaptic train; docs/user/cell-description.md)");
        }
        String morphologyHash = morphologyHash(d);
        AssembledCell assembled = CellAssembler.assemble(d);
        int n = assembled.spines().size();
        if (n == 0) {
            throw new IllegalArgumentException(where + ": the cell has no spines: the experiments need spines with"
                    + " " + PyramidalCell.PLASTIC_SYNAPSE + " synapses");
        }
        int[][] axons = settings.axons().resolve(n);
        double delay = Double.NaN;
        boolean[] plastic = new boolean[n];
        for (AssembledCell.PlacedSynapse s : assembled.synapses()) {
            if (s.mechanism().equals(PyramidalCell.PLASTIC_SYNAPSE)) {
                if (plastic[s.spine()]) {
                    throw new IllegalArgumentException(s.source() + ": spine " + s.spine() + " has two "
                            + PyramidalCell.PLASTIC_SYNAPSE + " synapses: the experiments read one per spine");
                }
                plastic[s.spine()] = true;
                if (Double.isNaN(delay)) {
                    delay = s.delayMs();
                } else if (s.delayMs() != delay) {
                    throw new IllegalArgumentException(s.source() + ": delay_ms " + s.delayMs() + " differs from the"
                            + " other spines' " + delay + ": the experiments time the matched axon with one delay");
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (!plastic[k]) {
                throw new IllegalArgumentException(where + ": spine " + k + " has no " + PyramidalCell.PLASTIC_SYNAPSE
                        + " synapse: the experiments set its threshold and read its calcium integral on every spine");
            }
        }
        // Lowering checks every mechanism name and parameter against the catalogue before any trial runs.
        PyramidalCell cell = isPaper() ? PyramidalCell.build(CellParameters.paper()) : PyramidalCell.of(d, catalogue(d));
        if (isPaper()) {
            delay = CellParameters.paper().synapses().netconDelayMs();
        }
        Morphology m = cell.morphology();
        String[] branch = new String[n];
        double[] distance = new double[n];
        for (int k = 0; k < n; k++) {
            // Replay reads the integrals by instance: spine k's plastic synapse must be instance k.
            if (cell.ampa(k).instance() != k) {
                throw new IllegalStateException(where + ": spine " + k + "'s " + PyramidalCell.PLASTIC_SYNAPSE
                        + " synapse is instance " + cell.ampa(k).instance());
            }
            branch[k] = m.section(m.section(cell.spineNeckSection(k)).parent()).name();
            distance[k] = m.pathDistance(cell.somaSection(), 0, cell.spineHeadSection(k), 0.5);
        }
        String spikeTrace = "v:" + m.section(cell.somaSection()).name() + "(" + cell.somaX() + ")";
        return new Loaded(d, settings, n, axons, branch, distance, delay, spikeTrace, morphologyHash);
    }

    /**
     * The SHA-256 of the description's morphology file (null for inline sections and the paper's cell), checked
     * against the one recorded when the model was first loaded. Several files ({@code "then"}) give the SHA-256 of
     * their SHA-256s, each in hex and followed by a newline, in the order they are read ({@code sha256sum a b | cut
     * -c1-64 | sha256sum}): hashing their bytes one after the other would keep the hash when bytes move from one
     * file to the next, which can change the cell (a line comment at the end of one file ends there). A missing file
     * is left to the assembler, whose error names it.
     */
    private String morphologyHash(CellDescription d) {
        if (isPaper() || !(d.morphology() instanceof MorphologySource.File f)) {
            return null;
        }
        List<String> hashes = new ArrayList<>();
        for (String p : f.paths()) {
            Path file = Path.of(p);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            hashes.add(sha256(fileBytes(file)));
        }
        String hash = hashes.size() == 1 ? hashes.get(0)
                : sha256(hashes.stream().map(h -> h + "\n").collect(Collectors.joining())
                        .getBytes(StandardCharsets.US_ASCII));
        if (morphologySha256 != null && !morphologySha256.equals(hash)) {
            throw new IllegalArgumentException("--model " + source + ": its morphology file" + (f.then().isEmpty()
                    ? " " : "s ") + String.join(", ", f.paths()) + " changed since the run started (sha256 "
                    + morphologySha256 + ", now " + hash + ")");
        }
        return hash;
    }

    /**
     * The mechanisms a description is lowered with: every built-in one and its bundled mod sets compiled
     * ({@link ModSets}), a new catalogue per cell (as the paper's cell is built), so that trials on different threads
     * share no mechanism.
     */
    private static Catalogue catalogue(CellDescription d) {
        return ModSets.catalogue(d);
    }

    private void requireUnchanged(byte[] bytes) {
        if (sha256 != null && !sha256.equals(sha256(bytes))) {
            throw new IllegalArgumentException("--model " + source + " changed since the run started (sha256 "
                    + sha256 + ", now " + sha256(bytes) + ")");
        }
    }

    private Object readResolve() {
        return isPaper() ? PAPER : this;
    }

    private static byte[] bundledBytes(String name) {
        String resource = "/org/spineformer/model/bundled/" + name + ".json";
        try (InputStream in = BundledDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled description " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fileBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }
}
