package org.spineformer.engine.morph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree of sections. The first section added is the root; every later one names an existing parent, so a
 * parent always precedes its children.
 */
public final class Morphology {
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();

    /** Adds the root section (no parent). */
    public int addRoot(String name, double lengthUm, int nseg, double raOhmCm, double cm, double[] diamUm) {
        if (!sections.isEmpty()) {
            throw new IllegalStateException("the morphology already has a root: " + sections.get(0).name());
        }
        return add(new Section(name, lengthUm, nseg, raOhmCm, filled(nseg, cm), diamUm, -1, 0));
    }

    /** Adds a section whose 0-end connects to {@code parent} at {@code parentX}. */
    public int addChild(String name, double lengthUm, int nseg, double raOhmCm, double cm, double[] diamUm,
                        int parent, double parentX) {
        if (parent < 0 || parent >= sections.size()) {
            throw new IllegalArgumentException("section " + name + ": no parent section with index " + parent);
        }
        return add(new Section(name, lengthUm, nseg, raOhmCm, filled(nseg, cm), diamUm, parent, parentX));
    }

    /** Adds a fully specified section; its parent must already be present (or -1 for the root). */
    public int add(Section s) {
        if (byName.containsKey(s.name())) {
            throw new IllegalArgumentException("duplicate section name " + s.name());
        }
        if (s.parent() < 0 ? !sections.isEmpty() : s.parent() >= sections.size()) {
            throw new IllegalArgumentException("section " + s.name() + ": parent " + s.parent()
                    + " must be an earlier section (or -1 for the first)");
        }
        sections.add(s);
        byName.put(s.name(), sections.size() - 1);
        return sections.size() - 1;
    }

    public static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    public int size() {
        return sections.size();
    }

    public Section section(int i) {
        return sections.get(i);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    /** Index of the named section; a clear error if there is none. */
    public int indexOf(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no section named '" + name + "'");
        }
        return i;
    }

    /**
     * Path distance (um) from the point {@code originX} of section {@code origin} to the point {@code x} of
     * section {@code target}, along the tree, as NEURON's {@code distance()} measures it: a child starts where
     * its 0-end node is, at the parent's end for x = 0 or 1 and otherwise at the centre of the parent segment
     * that contains x.
     */
    public double pathDistance(int origin, double originX, int target, double x) {
        int a = origin, b = target;
        double posA = originX * sections.get(a).lengthUm(), posB = x * sections.get(b).lengthUm();
        double walked = 0;
        while (a != b) {
            if (depth(a) >= depth(b)) {
                walked += posA;
                Section s = sections.get(a);
                a = s.parent();
                posA = attachmentPosition(s);
            } else {
                walked += posB;
                Section s = sections.get(b);
                b = s.parent();
                posB = attachmentPosition(s);
            }
        }
        return walked + Math.abs(posA - posB);
    }

    /** Where on its parent (um from the parent's 0-end) a section's 0-end node sits. */
    private double attachmentPosition(Section child) {
        Section parent = sections.get(child.parent());
        double x = child.parentX();
        if (x == 0 || x == 1) {
            return x * parent.lengthUm();
        }
        return parent.segmentX(parent.segmentAt(x)) * parent.lengthUm();
    }

    private int depth(int s) {
        int d = 0;
        while (sections.get(s).parent() >= 0) {
            s = sections.get(s).parent();
            d++;
        }
        return d;
    }
}
