package org.spineformer.nmodl.gen;

/**
 * A generated block's switch between its vector kernels (groups of slots in vector lanes, VectorEmitter) and its
 * scalar kernels for every slot: both give the same bits. A block has vector kernels only with the Vector API
 * ({@code Simd.enabled()}); they are on unless {@code -Dspineformer.nmodl.vector=false} (docs/dev/nmodl.md,
 * "Vector kernels").
 */
public interface VectorKernels {
    /** The system property that turns the vector kernels off ({@code false}) in every block made after it is set. */
    String PROPERTY = "spineformer.nmodl.vector";

    void setVectorKernels(boolean on);

    /** Whether the block has a vector kernel for its current phase, for its state phase. */
    boolean[] vectorPhases();
}
