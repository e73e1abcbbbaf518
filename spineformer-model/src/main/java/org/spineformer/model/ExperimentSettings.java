package org.spineformer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the paper's experiments read from a cell besides the cell itself (the {@code experiment} part of a
 * description): which spines share a presynaptic train (axons), the query's somatic pulses, where spikes are
 * detected, and the initial voltages of the protocols. Spines are numbered as the spine rules number them.
 *
 * @param source     where the settings were read (file and JSON pointer), for errors
 * @param axons      the spine groups
 * @param queryAt    where the query's current pulses are injected; null: the root section at x = 0.5
 * @param queryAmpNa the pulses' amplitude (nA)
 * @param queryDurMs the pulses' duration (ms)
 * @param spikeSite  where spikes are detected (local maxima of v above 0 mV) and the "soma" voltage is recorded;
 *                   null: {@code queryAt}
 * @param vInitMv    the initial voltage of the match, control, kernel and offset protocols; null: the description's
 *                   {@code v_init}
 * @param bapVInitMv the initial voltage of the bAP-delay protocol (Figure 2B); null: the description's {@code v_init}
 * @param bapWindowMs how long after the bAP protocol's pulse a spine head's voltage peak is looked for (Figure 2B);
 *                   null: the whole run, as the paper's script
 */
public record ExperimentSettings(String source, Axons axons, Location queryAt, double queryAmpNa, double queryDurMs,
                                 Location spikeSite, Double vInitMv, Double bapVInitMv, Double bapWindowMs) {
    /** The paper's query pulse: 4 nA (add_iclamps(times, 1, 4)). */
    public static final double DEFAULT_QUERY_AMP_NA = 4;
    /** The paper's query pulse: 1 ms. */
    public static final double DEFAULT_QUERY_DUR_MS = 1;

    public ExperimentSettings {
        if (axons == null) {
            throw new IllegalArgumentException(source + ": no axons");
        }
        if (!Double.isFinite(queryAmpNa)) {
            throw new IllegalArgumentException(source + "/query/amplitude_nA: must be finite, was " + queryAmpNa);
        }
        if (!(queryDurMs > 0 && Double.isFinite(queryDurMs))) {
            throw new IllegalArgumentException(source + "/query/duration_ms: must be > 0, was " + queryDurMs);
        }
        if (bapWindowMs != null && !(bapWindowMs > 0 && Double.isFinite(bapWindowMs))) {
            throw new IllegalArgumentException(source + "/bap_window_ms: must be > 0, was " + bapWindowMs);
        }
    }

    /** Which spines share a presynaptic train. */
    public sealed interface Axons {
        /**
         * The spine indices of each axon, the axon's first spine first.
         *
         * @param spineCount the cell's spine count
         * @throws IllegalArgumentException naming the key and value when the groups do not fit the cell
         */
        int[][] resolve(int spineCount);

        /**
         * Axon a is spines n*a .. n*a + n - 1; the spine count must be a multiple of n.
         *
         * @param source the key's file and JSON pointer
         */
        record Consecutive(String source, int spinesPerAxon) implements Axons {
            public Consecutive {
                if (spinesPerAxon < 1) {
                    throw new IllegalArgumentException(source + ": must be >= 1, was " + spinesPerAxon);
                }
            }

            @Override
            public int[][] resolve(int spineCount) {
                if (spineCount == 0 || spineCount % spinesPerAxon != 0) {
                    throw new IllegalArgumentException(source + ": " + spinesPerAxon + " spines per axon do not divide"
                            + " the cell's " + spineCount + " spines");
                }
                int[][] axons = new int[spineCount / spinesPerAxon][spinesPerAxon];
                for (int a = 0; a < axons.length; a++) {
                    for (int i = 0; i < spinesPerAxon; i++) {
                        axons[a][i] = a * spinesPerAxon + i;
                    }
                }
                return axons;
            }
        }

        /**
         * Explicit groups: each non-empty, every spine in at most one (checked when read), every index below the
         * spine count (checked by {@link #resolve}).
         *
         * @param sources each group's file and JSON pointer
         */
        record Groups(List<String> sources, List<int[]> groups) implements Axons {
            public Groups {
                sources = List.copyOf(sources);
                List<int[]> copy = new ArrayList<>();
                groups.forEach(g -> copy.add(g.clone()));
                groups = List.copyOf(copy);
            }

            @Override
            public int[][] resolve(int spineCount) {
                int[][] axons = new int[groups.size()][];
                for (int a = 0; a < axons.length; a++) {
                    for (int i = 0; i < groups.get(a).length; i++) {
                        int k = groups.get(a)[i];
                        if (k >= spineCount) {
                            throw new IllegalArgumentException(sources.get(a) + "/" + i + ": spine " + k
                                    + " does not exist: the cell has " + spineCount + " spines (0 to "
                                    + (spineCount - 1) + ")");
                        }
                    }
                    axons[a] = groups.get(a).clone();
                }
                return axons;
            }
        }
    }
}
