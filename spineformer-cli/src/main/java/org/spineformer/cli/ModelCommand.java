package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Section;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.DescriptionReader;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.StructureDump;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer model}: cell descriptions (docs/user/cell-description.md). */
@Command(name = "model", description = "Cell descriptions: check one, write its NEURON-style structure.",
        subcommands = {ModelCommand.Check.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code spineformer model check MODEL [--structure FILE]}. */
    @Command(name = "check", description = "Build a cell from its description and print a summary.")
    static final class Check implements Runnable {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "MODEL",
                description = "A description file (.json) or a bundled description: ellwood2024, hay2011_l5pc, "
                        + "migliore2018_ca1, allen_scnn1a.")
        private String model;

        @CommandLine.Option(names = "--structure", paramLabel = "FILE",
                description = "Also write the built cell as NEURON-style structure.json (the schema of the shared "
                        + "reference dumps), to diff against NEURON's.")
        private Path structure;

        @Override
        public void run() {
            CellDescription description = BundledDescriptions.has(model) ? BundledDescriptions.get(model)
                    : DescriptionReader.read(existing(Path.of(model)));
            AssembledCell cell = CellAssembler.assemble(description);
            LoweredCell lowered = ModelLowering.lower(cell, Catalogue.discover());
            Simulation sim = lowered.simulation(0.025);
            if (structure != null) {
                StructureDump.write(lowered, sim, structure);
            }
            summary(spec.commandLine().getOut(), cell, sim);
        }

        private static Path existing(Path p) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": no such description file, and not a bundled description "
                        + BundledDescriptions.NAMES);
            }
            return p;
        }

        private void summary(PrintWriter out, AssembledCell cell, Simulation sim) {
            Discretization disc = sim.discretization();
            int segments = 0;
            double area = 0;
            for (int i = 0; i < cell.morphology().size(); i++) {
                Section s = cell.morphology().section(i);
                segments += s.nseg();
                for (int j = 0; j < s.nseg(); j++) {
                    area += disc.areaUm2(disc.segmentNode(i, j));
                }
            }
            out.printf("%s: %d sections, %d segments, membrane area %.2f um2%n", cell.name(),
                    cell.morphology().size(), segments, area);
            out.printf("celsius %s, v_init %s mV, %d spines, %d spine synapses, %d point processes%n",
                    cell.celsius(), cell.vInitMv(), cell.spines().size(), cell.synapses().size(),
                    cell.pointProcesses().size());
            Map<String, Integer> counts = new TreeMap<>();
            for (Map<String, Map<String, double[]>> sec : cell.mechanisms()) {
                for (String m : sec.keySet()) {
                    counts.merge(m, 1, Integer::sum);
                }
            }
            out.println("density mechanisms (sections): " + counts);
            if (structure != null) {
                out.println("structure written to " + structure);
            }
            out.flush();
        }
    }
}
