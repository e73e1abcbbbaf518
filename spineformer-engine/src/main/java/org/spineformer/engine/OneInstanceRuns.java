package org.spineformer.engine;

import java.util.ArrayList;
import java.util.List;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.PhaseKernel;

/**
 * A phase's blocks with each run of consecutive one-instance blocks done by one kernel where its first block makes one
 * ({@link MechanismBlock#oneInstanceKernel}): Allen's soma, ten compiled blocks of one instance each, then costs the
 * step one call per phase instead of ten virtual calls, each with its loop of one (docs/dev/performance.md "s41
 * (a18)"). The order of the phases is kept, so every number is the same.
 */
final class OneInstanceRuns {
    private OneInstanceRuns() {
    }

    /**
     * The kernels the phase calls, in order: {@code phase}'s blocks, each longest run of two or more consecutive
     * one-instance blocks from index {@code from} on for which its first block makes a kernel replaced by that kernel
     * (a shorter run when it makes none for the longer one).
     */
    static PhaseKernel[] of(MechanismBlock[] phase, int from) {
        List<MechanismBlock> blocks = List.of(phase);
        List<PhaseKernel> out = new ArrayList<>();
        int i = 0;
        while (i < phase.length) {
            int end = i;
            while (i >= from && end < phase.length && phase[end].size() == 1) {
                end++;
            }
            PhaseKernel kernel = null;
            while (kernel == null && end - i >= 2) {
                kernel = phase[i].oneInstanceKernel(blocks.subList(i, end));
                if (kernel == null) {
                    end--;
                }
            }
            out.add(kernel != null ? kernel : phase[i]);
            i = kernel != null ? end : i + 1;
        }
        return out.toArray(new PhaseKernel[0]);
    }
}
