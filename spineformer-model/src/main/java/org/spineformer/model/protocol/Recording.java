package org.spineformer.model.protocol;

/**
 * One recorded column. {@code column} is its name in the traces (null: the default, see
 * docs/user/protocol-format.md); {@code source} says where it was read, for error messages.
 */
public sealed interface Recording {
    String variable();

    String column();

    String source();

    /**
     * A value at a site: {@code v}, an ion's value ({@code cai}, {@code cao}, {@code ica}, {@code eca}) or a density
     * mechanism's field as NEURON names it ({@code m_NaTa_t}, {@code gIhbar_Ih}).
     */
    record AtSite(String variable, Site at, String column, String source) implements Recording {
    }

    /** A field of one of the protocol's stimuli ({@code i} of an IClamp, an epsp's {@code i}), by its name. */
    record OfStimulus(String variable, String stimulus, String column, String source) implements Recording {
    }
}
