package org.spineformer.experiments.ellwood2024;

import java.io.Serializable;
import org.spineformer.cell.CellModel;

/**
 * What every trial of a swept panel shares: the cell and its bAP delays, resolved once for the sweep.
 *
 * @param model the cell ({@code --model}; the paper's cell without it)
 * @param delays the delays, or null for the panel that measures them (fig2b)
 * @param delaysSource the file they were read from (reported in each summary.json), or null
 */
public record PanelInputs(CellModel model, BapDelays delays, String delaysSource) implements Serializable {
}
