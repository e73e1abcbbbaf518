package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;

/**
 * Each spine's bAP delay, measured by a Figure 2B run on this program's cell: the time from the somatic pulse to the
 * peak of the spine head's voltage, averaged over runs (Figure_2B_PlotSpikeDelays.py). The matched axon's spikes are
 * placed this long after (post time - 7 ms), so that its glutamate meets the bAP at the spine. Stored as
 * {@code bap_delays.npz} with the paper's array names ({@code time_delays}, {@code distances}, as its
 * {@code time_delays.npz}) and {@code runs}. Serializable: a cluster sends the delays to its workers with a sweep's
 * trials.
 *
 * @param delaysMs the mean delay of every spine (ms), in global spine order
 * @param distancesUm every spine head's path distance from soma(0) (um)
 * @param runs how many runs were averaged
 */
public record BapDelays(double[] delaysMs, double[] distancesUm, int runs) implements Serializable {
    /** The cache file name in every output directory that used the delays. */
    public static final String FILE = "bap_delays.npz";

    public BapDelays {
        if (delaysMs.length != distancesUm.length) {
            throw new IllegalArgumentException("delaysMs has " + delaysMs.length + " spines, distancesUm "
                    + distancesUm.length);
        }
    }

    /** Spine k's delay (ms). */
    public double of(int spine) {
        return delaysMs[spine];
    }

    /** The SHA-256 of the delays' bits: runs that used different delays must not share an output directory. */
    public String sha256() {
        ByteBuffer bytes = ByteBuffer.allocate(8 * delaysMs.length);
        for (double d : delaysMs) {
            bytes.putDouble(d);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    public void write(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("time_delays", NpyArray.of(delaysMs));
        arrays.put("distances", NpyArray.of(distancesUm));
        arrays.put("runs", NpyArray.of(new long[] {runs}));
        Npz.write(file, arrays);
    }

    /** Reads the delays of a cell of {@code spines} spines (1500 in the paper's). */
    public static BapDelays read(Path file, int spines) throws IOException {
        Map<String, NpyArray> arrays = Npz.read(file);
        for (String name : new String[] {"time_delays", "distances", "runs"}) {
            if (!arrays.containsKey(name)) {
                throw new IOException(file + " has no array '" + name + "'");
            }
        }
        double[] delays = arrays.get("time_delays").doubles();
        if (delays.length != spines) {
            throw new IOException(file + ": time_delays has " + delays.length + " spines, the cell has " + spines);
        }
        return new BapDelays(delays, arrays.get("distances").doubles(), (int) arrays.get("runs").longs()[0]);
    }
}
