package org.spineformer.io.npy;

/** The element types Spineformer reads and writes in .npy files, all little-endian as numpy writes them on x86. */
public enum NpyDtype {
    FLOAT64("<f8", 8),
    INT64("<i8", 8),
    BOOL("|b1", 1);

    private final String descr;
    private final int itemSize;

    NpyDtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The header's 'descr' string, as numpy writes it. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }
}
