package org.spineformer.nmodl.gen;

/**
 * A generated block's switch between its vector kernels (groups of slots in vector lanes, VectorEmitter) and its
 * scalar kernels for every slot: both give the same bits, so this is for tests and measurements. The vector
 * kernels are on by default where the block has them (only with the Vector API: {@code Simd.enabled()}).
 */
public interface VectorKernels {
    void setVectorKernels(boolean on);

    /** Whether the block has a vector kernel for its current phase, for its state phase. */
    boolean[] vectorPhases();
}
