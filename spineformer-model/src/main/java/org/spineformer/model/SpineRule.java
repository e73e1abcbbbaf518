package org.spineformer.model;

import java.util.List;
import java.util.Map;
import org.spineformer.model.expr.Expression;

/**
 * Spines on the sections of a region: each a neck (attached at its position on the section) and a head (at the
 * neck's 1-end), with their mechanisms and synapses. Spines are numbered from 0 over the region's sections in
 * section order and along each section from its 0-end; a section's spine sections follow it directly in the
 * assembled section order (neck k, head k, neck k+1, ...).
 *
 * @param neckName      the neck's name, {@code {k}} replaced by the spine number
 * @param neckMechanisms density mechanisms of the neck with their parameters (bare names)
 */
public record SpineRule(String source, Region on, Placement placement, String neckName, Part neck, String headName,
                        Part head, Map<String, Map<String, Expression>> neckMechanisms,
                        Map<String, Map<String, Expression>> headMechanisms, List<SynapseSpec> synapses) {
    public SpineRule {
        neckMechanisms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neckMechanisms));
        headMechanisms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headMechanisms));
        synapses = List.copyOf(synapses);
        if (!neckName.contains("{k}") || !headName.contains("{k}")) {
            throw new IllegalArgumentException(source + ": spine section names must contain {k}, were " + neckName
                    + " and " + headName);
        }
    }

    /** A spine part: one cylinder segment. */
    public record Part(Expression lengthUm, Expression diamUm, Expression raOhmCm, Expression cmUfPerCm2) {
    }

    /** Where spines sit along each section of the region. */
    public sealed interface Placement {
        /**
         * count spines at linspace(startUm, L - endMarginUm, count) um from the 0-end (numpy's linspace: the last
         * exactly at L - endMarginUm); {@code L} may appear in the expressions.
         */
        record Evenly(Expression count, Expression startUm, Expression endMarginUm) implements Placement {
        }

        /** As {@link Evenly} with count = round(perUm * (L - endMarginUm - startUm)), at least 1. */
        record Density(Expression perUm, Expression startUm, Expression endMarginUm) implements Placement {
        }

        /**
         * count spines over the whole region in groups of {@code group} neighbours: the count/group groups are shared
         * out over the region's sections in proportion to their length (each its floor of count/group * L/total, the
         * rest one each to the largest remainders, the earlier section first on a tie); a section with n groups
         * gets n*group spines at x = (j + 1/2)/(n*group). Spines k*group .. k*group + group - 1 are on one section.
         */
        record Spread(Expression count, Expression group) implements Placement {
        }

        /** At the given x on every section of the region. */
        record Positions(List<Expression> xs) implements Placement {
            public Positions {
                xs = List.copyOf(xs);
            }
        }
    }

    /**
     * A point process on every spine head at {@code x}, with parameters and the weight and delay (ms) of the
     * connections that later reach it.
     */
    public record SynapseSpec(String name, String mechanism, Expression x, Map<String, Expression> parameters,
                              Expression weight, Expression delayMs) {
        public SynapseSpec {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }
}
