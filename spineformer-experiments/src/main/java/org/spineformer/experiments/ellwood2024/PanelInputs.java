package org.spineformer.experiments.ellwood2024;

import java.io.Serializable;

/**
 * What every trial of a swept panel shares: the bAP delays, resolved once for the sweep.
 *
 * @param delays the delays, or null for the panel that measures them (fig2b)
 * @param delaysSource the file they were read from (reported in each summary.json), or null
 */
public record PanelInputs(BapDelays delays, String delaysSource) implements Serializable {
}
