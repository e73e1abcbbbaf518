package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.spineformer.engine.morph.SegmentGeometry;
import org.spineformer.morphology.ImportedMorphology;
import org.spineformer.morphology.ImportedSection;
import org.spineformer.morphology.MorphologyReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer morphology FILE}: what NEURON makes of an SWC, Neurolucida or hoc morphology file. */
@Command(name = "morphology", description = {
    "Read an SWC (.swc), Neurolucida v3 (.asc) or hoc (.hoc) morphology as NEURON 8.2 does and summarise it.",
    "SWC and Neurolucida as Import3d reads them, a hoc file of create, connect and pt3dadd as NEURON runs it.",
    "Prints sections per type, total length and membrane area, how the soma was read, and what the import changed."})
final class MorphologyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "FILE", description = "The morphology file (.swc, .asc or .hoc).")
    private Path file;

    @Override
    public void run() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        ImportedMorphology m = MorphologyReader.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d sections%n", m.source(), m.sections().size());
        out.printf("soma: %s%n", m.soma().description());
        // by SWC type, or for a hoc file (whose names are its own) by section array, in the order first met
        boolean byArray = m.soma() == ImportedMorphology.SomaKind.CODE;
        Map<Object, double[]> groups = byArray ? new LinkedHashMap<>() : new TreeMap<>(); // {sections, length, area}
        Map<Object, String> labels = new HashMap<>();
        for (ImportedSection s : m.sections()) {
            String array = s.name().contains("[") ? s.name().substring(0, s.name().indexOf('[')) : s.name();
            Object key = byArray ? array : s.type();
            double[] t = groups.computeIfAbsent(key, k -> new double[3]);
            t[0]++;
            t[1] += s.lengthUm();
            t[2] += area(s);
            labels.putIfAbsent(key, byArray ? array : s.type() + " " + array + " (" + s.sectionList() + ")");
        }
        out.printf("%-24s %8s %14s %14s%n", byArray ? "sections" : "type", "sections", "length (um)", "area (um2)");
        double length = 0;
        double area = 0;
        for (Map.Entry<Object, double[]> e : groups.entrySet()) {
            double[] t = e.getValue();
            out.printf("%-24s %8d %14.2f %14.2f%n", labels.get(e.getKey()), (int) t[0], t[1], t[2]);
            length += t[1];
            area += t[2];
        }
        out.printf("%-24s %8d %14.2f %14.2f%n", "total", m.sections().size(), length, area);
        if (!m.warnings().isEmpty()) {
            out.println("warnings:");
            m.warnings().forEach(w -> out.println("  " + w));
        }
        out.flush();
    }

    /**
     * Membrane area of a section's frusta (one segment: splitting a frustum does not change its area), or of its
     * cylinder.
     */
    private static double area(ImportedSection s) {
        return s.points() != null ? SegmentGeometry.frusta(s.points(), 1, 1).areaUm2()[0]
                : SegmentGeometry.cylinders(s.lengthUm(), 1, new double[] {s.cylinder().diamUm()}).areaUm2()[0];
    }
}
