package org.spineformer.attention;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Work over indices on a pool of a given size, results in index order (so sums over them do not depend on it). */
public final class Parallel {
    private Parallel() {
    }

    /** {@code work(i)} for i in [from, to) on {@code threads} threads, in index order. */
    public static <T> List<T> map(int threads, int from, int to, IntFunction<T> work) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(from, to).parallel().mapToObj(work).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
