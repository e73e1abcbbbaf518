package org.spineformer.attention.reduced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Figure 2C-D kernel K as a function of a continuous lag: the Ca^4 integral of a spine is about
 * {@code sum over presynaptic spikes t and postsynaptic spikes s of K(s - (t - d))}, with d the spine's bAP delay,
 * in units of the paper's 1 s threshold ({@link org.spineformer.experiments.ellwood2024.Fig2cdKernelFit}, whose
 * kernel.csv lists K against the lag from the delay-advanced presynaptic spike to the postsynaptic one, as
 * {@link org.spineformer.analysis.kernel.OverlapKernel} orients it). K is
 * given at evenly spaced lags and linearly interpolated between them, zero outside [first lag, last lag]: summing it
 * over spike pairs is the fit's binned bilinear form up to the binning's interpolation.
 *
 * @param source where the kernel comes from (a kernel.csv path, the bundled fit's label, or the built-in
 *     approximation's label)
 * @param firstLagMs the lag of {@code values[0]} (ms)
 * @param spacingMs the lag step (ms)
 * @param values K at {@code firstLagMs + i spacingMs}, at least 2
 */
public record ScoreKernel(String source, double firstLagMs, double spacingMs, double[] values) {
    /** The label of {@link #builtIn()}. */
    public static final String BUILT_IN = "built-in alpha-function approximation of the Figure 2C kernel";
    /** The bundled fit's resource, next to this class: lag_ms,k as {@code reproduce fig2cd} writes kernel.csv. */
    public static final String BUNDLED_CSV = "fig2cd-kernel.csv";
    /** Its provenance. */
    public static final String BUNDLED_PROVENANCE = "fig2cd-kernel.json";
    /** The label of {@link #fitted()}. */
    public static final String BUNDLED = "bundled Figure 2C-D fit (" + BUNDLED_CSV + ")";
    static final double BUILT_IN_PEAK = 0.23;
    static final double BUILT_IN_ONSET_MS = 2;
    static final double BUILT_IN_RISE_MS = 5;
    static final double BUILT_IN_END_MS = 60;

    public ScoreKernel {
        if (values.length < 2) {
            throw new IllegalArgumentException("kernel from " + source + " has " + values.length
                    + " values; need at least 2");
        }
        if (!(spacingMs > 0 && Double.isFinite(spacingMs) && Double.isFinite(firstLagMs))) {
            throw new IllegalArgumentException("kernel from " + source + ": firstLagMs = " + firstLagMs
                    + " and spacingMs = " + spacingMs + " must be finite, spacing > 0");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("kernel from " + source + " has value " + i + " = " + values[i]);
            }
        }
    }

    /**
     * An analytic stand-in for the fitted kernel (the default before {@link #fitted()}; kept for tests that need a
     * kernel of known closed form): zero up to a 2 ms onset,
     * then the alpha function {@code 0.23 x e^(1 - x)} with {@code x = (lag - 2 ms) / 5 ms}, peaking at 0.23
     * thresholds at 7 ms and cut at 60 ms (where it is below 4e-4), sampled every 0.1 ms. Its shape, peak and
     * decay were read off this project's own Figure 2C fit (peak 0.24 near 6-7 ms, nothing at negative lags, about
     * 0.05 at 22 ms); it is not a fit.
     */
    public static ScoreKernel builtIn() {
        double spacing = 0.1;
        int n = (int) Math.round((BUILT_IN_END_MS - BUILT_IN_ONSET_MS) / spacing) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i * spacing / BUILT_IN_RISE_MS;
            values[i] = BUILT_IN_PEAK * x * Math.exp(1 - x);
        }
        return new ScoreKernel(BUILT_IN, BUILT_IN_ONSET_MS, spacing, values);
    }

    /**
     * The kernel a Figure 2C-D run wrote: {@code kernel.csv} (columns lag_ms, k, evenly spaced lags) in
     * {@code path}, or {@code path} itself if it is a file.
     */
    public static ScoreKernel read(Path path) throws IOException {
        Path csv = Files.isDirectory(path) ? path.resolve("kernel.csv") : path;
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(path + ": no kernel.csv there (run"
                    + " 'spineformer reproduce fig2cd' first)");
        }
        return parse(Files.readAllLines(csv), csv.toString());
    }

    /**
     * The default kernel: this project's own Figure 2C-D fit ({@code spineformer reproduce fig2cd}), bundled as the
     * resource {@value #BUNDLED_CSV} with its provenance in {@value #BUNDLED_PROVENANCE} (command, seed, runs,
     * version, date; docs/user/attention.md says how to regenerate it).
     */
    public static ScoreKernel fitted() {
        try (InputStream in = ScoreKernel.class.getResourceAsStream(BUNDLED_CSV)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + BUNDLED_CSV + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + BUNDLED_CSV + " cannot be read", e);
        }
    }

    /** The bundled kernel's provenance ({@value #BUNDLED_PROVENANCE}): how it was made. */
    public static JsonNode fittedProvenance() {
        try (InputStream in = ScoreKernel.class.getResourceAsStream(BUNDLED_PROVENANCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + BUNDLED_PROVENANCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + BUNDLED_PROVENANCE + " cannot be read", e);
        }
    }

    private static ScoreKernel parse(List<String> lines, String csv) {
        if (lines.isEmpty() || !lines.get(0).trim().equals("lag_ms,k")) {
            throw new IllegalArgumentException(csv + ": expected the header 'lag_ms,k'");
        }
        int n = lines.size() - 1;
        double[] lags = new double[n];
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            if (cells.length != 2) {
                throw new IllegalArgumentException(csv + " line " + (i + 2) + ": expected 2 cells, got "
                        + cells.length);
            }
            lags[i] = Double.parseDouble(cells[0]);
            k[i] = Double.parseDouble(cells[1]);
        }
        if (n < 2) {
            throw new IllegalArgumentException(csv + " has " + n + " kernel values; need at least 2");
        }
        double spacing = (lags[n - 1] - lags[0]) / (n - 1);
        for (int i = 1; i < n; i++) {
            if (Math.abs(lags[i] - lags[0] - i * spacing) > 1e-6 * Math.max(1, Math.abs(lags[i]))) {
                throw new IllegalArgumentException(csv + ": lag " + lags[i] + " ms breaks the even spacing "
                        + spacing + " ms");
            }
        }
        return new ScoreKernel(csv.toString(), lags[0], spacing, k);
    }

    public double lastLagMs() {
        return firstLagMs + (values.length - 1) * spacingMs;
    }

    /** K(lagMs), linearly interpolated, 0 outside [firstLagMs, lastLagMs]. */
    public double at(double lagMs) {
        double position = (lagMs - firstLagMs) / spacingMs;
        if (!(position >= 0 && position <= values.length - 1)) {
            return 0;
        }
        int i = (int) position;
        if (i == values.length - 1) {
            return values[i];
        }
        double f = position - i;
        return values[i] + f * (values[i + 1] - values[i]);
    }
}
