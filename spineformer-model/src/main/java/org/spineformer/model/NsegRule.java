package org.spineformer.model;

/**
 * Sets nseg on every section of a region (sections only: a region by path distance is an error here). Rules apply
 * in order, later ones over earlier ones. {@code source} names where the rule was written (file and JSON pointer).
 */
public record NsegRule(String source, Region region, Nseg nseg) {
}
