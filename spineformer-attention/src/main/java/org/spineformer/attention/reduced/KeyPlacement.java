package org.spineformer.attention.reduced;

import org.spineformer.cell.CellParameters;
import org.spineformer.experiments.ellwood2024.Ellwood2024;

/**
 * Where a key's synapses sit on the paper's cell: key j drives axon j, whose 10 neighbouring spines are spines
 * 10 j .. 10 j + 9 in the global order (250 per tuft branch, numbered from each branch's proximal end, evenly spaced
 * from 2 um to 248 um along it). A key's distance is the mean of its spines' distances from their branch's proximal
 * end (um).
 */
public final class KeyPlacement {
    private KeyPlacement() {
    }

    /** The distance along its branch of spine {@code spine} (um). */
    static double spineDistanceUm(int spine) {
        CellParameters.Tuft tuft = CellParameters.Tuft.paper();
        int n = tuft.spinesPerBranch();
        double span = tuft.branchLengthUm() - tuft.proximalPaddingUm() - tuft.distalPaddingUm();
        return tuft.proximalPaddingUm() + (spine % n) * span / (n - 1);
    }

    /** Axon j's spines' mean distance along their branch (um). */
    static double axonDistanceUm(int axon) {
        double sum = 0;
        for (int s = 0; s < Ellwood2024.SPINES_PER_AXON; s++) {
            sum += spineDistanceUm(axon * Ellwood2024.SPINES_PER_AXON + s);
        }
        return sum / Ellwood2024.SPINES_PER_AXON;
    }

    /** The mean over the cell's axons: the distance given to keys beyond the cell's 150 axons (um). */
    static double meanDistanceUm() {
        double sum = 0;
        for (int a = 0; a < Ellwood2024.AXONS; a++) {
            sum += axonDistanceUm(a);
        }
        return sum / Ellwood2024.AXONS;
    }

    /**
     * Every key's distance (um): axon j's for the first 150 keys, the cell's mean for keys beyond (the reduced
     * backend takes more keys than the cell has axons; they have no place on it).
     */
    public static double[] distancesUm(int keys) {
        double[] d = new double[keys];
        double mean = meanDistanceUm();
        for (int j = 0; j < keys; j++) {
            d[j] = j < Ellwood2024.AXONS ? axonDistanceUm(j) : mean;
        }
        return d;
    }
}
