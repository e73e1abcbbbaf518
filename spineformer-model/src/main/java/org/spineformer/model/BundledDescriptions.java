package org.spineformer.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The descriptions shipped with Spineformer, by name; each read once (descriptions are immutable). */
public final class BundledDescriptions {
    /** Every bundled description. */
    public static final List<String> NAMES = List.of("ellwood2024", "hay2011_l5pc", "hay2011_l5pc_spiny", "migliore2018_ca1",
            "allen_scnn1a");

    private static final Map<String, CellDescription> CACHE = new ConcurrentHashMap<>();

    private BundledDescriptions() {
    }

    public static boolean has(String name) {
        return NAMES.contains(name);
    }

    public static CellDescription get(String name) {
        if (!has(name)) {
            throw new IllegalArgumentException("no bundled cell description '" + name + "'; bundled: " + NAMES);
        }
        return CACHE.computeIfAbsent(name, BundledDescriptions::load);
    }

    /** The description file's bytes, for its SHA-256 in a run's provenance. */
    public static byte[] bytes(String name) {
        if (!has(name)) {
            throw new IllegalArgumentException("no bundled cell description '" + name + "'; bundled: " + NAMES);
        }
        String resource = "/org/spineformer/model/bundled/" + name + ".json";
        try (InputStream in = BundledDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled description " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellDescription load(String name) {
        return DescriptionReader.read(new ByteArrayInputStream(bytes(name)), "bundled:" + name + ".json");
    }
}
