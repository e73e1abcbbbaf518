package org.spineformer.attention.reduced;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;

/**
 * The reduced backend: per query, every key's {@link BilinearScore}, the {@link PotentiationRule}'s selection, and
 * the {@link OutputStage}'s output. Queries run in parallel on a pool of {@code threads}; each query's result is a
 * function of the inputs alone, so results do not depend on the thread count.
 *
 * @param threads the pool's size, at least 1
 */
public record ReducedAttention(ScoreKernel kernel, PotentiationRule rule, OutputStage output, int threads) {
    public ReducedAttention {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
    }

    /** One result per query, in query order. */
    public List<QueryResult> run(AttentionInputs inputs) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, inputs.queries().length).parallel()
                    .mapToObj(i -> query(inputs, inputs.queries()[i])).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One neuron's result for {@code query}. */
    public QueryResult query(AttentionInputs inputs, double[] query) {
        double[][] keys = inputs.keys();
        double[] scores = new double[keys.length];
        for (int j = 0; j < keys.length; j++) {
            scores[j] = BilinearScore.score(kernel, keys[j], query);
        }
        int[] selected = IntStream.range(0, keys.length).filter(j -> rule.selects(scores[j])).toArray();
        return new QueryResult(output.output(inputs.values(), selected), selected, scores);
    }
}
