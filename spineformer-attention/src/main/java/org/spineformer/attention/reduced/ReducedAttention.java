package org.spineformer.attention.reduced;

import java.util.List;
import java.util.stream.IntStream;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.Parallel;
import org.spineformer.attention.QueryResult;

/**
 * The reduced backend: per query, every key's {@link BilinearScore}, the {@link PotentiationRule}'s selection, and
 * the {@link OutputModel}'s output ({@link OutputStage}: a copy of the selected values; {@link TransmittingOutput}:
 * each value spike transmitted with its fitted probability). Queries run in parallel on a pool of {@code threads}; each query's result is a
 * function of the inputs alone, so results do not depend on the thread count.
 *
 * @param keyLagShiftsMs key j's lag shift (see {@link BilinearScore}); keys beyond its length get 0 (an empty
 *     array: every key's own delay is matched)
 * @param threads the pool's size, at least 1
 */
public record ReducedAttention(ScoreKernel kernel, PotentiationRule rule, OutputModel output,
                               double[] keyLagShiftsMs, int threads) {
    public ReducedAttention {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
        for (int j = 0; j < keyLagShiftsMs.length; j++) {
            if (!Double.isFinite(keyLagShiftsMs[j])) {
                throw new IllegalArgumentException("keyLagShiftsMs[" + j + "] = " + keyLagShiftsMs[j]
                        + " must be finite");
            }
        }
    }

    /** Every key's own bAP delay matched: no lag shifts. */
    public ReducedAttention(ScoreKernel kernel, PotentiationRule rule, OutputModel output, int threads) {
        this(kernel, rule, output, new double[0], threads);
    }

    /** One result per query, in query order. */
    public List<QueryResult> run(AttentionInputs inputs) {
        return Parallel.map(threads, 0, inputs.queries().length, i -> query(inputs, inputs.queries()[i]));
    }

    /** One neuron's result for {@code query}. */
    public QueryResult query(AttentionInputs inputs, double[] query) {
        double[][] keys = inputs.keys();
        double[] scores = new double[keys.length];
        for (int j = 0; j < keys.length; j++) {
            double shift = j < keyLagShiftsMs.length ? keyLagShiftsMs[j] : 0;
            scores[j] = BilinearScore.score(kernel, keys[j], query, shift);
        }
        int[] selected = IntStream.range(0, keys.length).filter(j -> rule.selects(scores[j])).toArray();
        return new QueryResult(output.output(inputs.values(), selected, scores, query), selected, scores);
    }
}
