package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.spineformer.cell.ModSets;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Section;
import org.spineformer.io.AtomicFiles;
import org.spineformer.io.OutputFolder;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.DescriptionReader;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.NeuronScript;
import org.spineformer.model.StructureDump;
import org.spineformer.nmodl.gen.NmodlMechanism;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spineformer model}: cell descriptions (docs/user/cell-description.md). */
@Command(name = "model", description = "Cell descriptions: check one, write its NEURON-style structure, export it to "
        + "NEURON.", subcommands = {ModelCommand.Check.class, ModelCommand.Export.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code spineformer model check MODEL [--structure FILE] [--mod DIR]...}. */
    @Command(name = "check", description = "Build a cell from its description, initialize it (finitialize at the "
            + "description's v_init and celsius) and print a summary.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "MODEL",
                description = "A description file (.json; or a spineformer-allen-fit/1 file naming an Allen "
                        + "fit.json and its morphology) or a bundled description: ellwood2024, hay2011_l5pc, "
                        + "hay2011_l5pc_spiny, migliore2018_ca1, allen_scnn1a.")
        private String model;

        @CommandLine.Option(names = "--structure", paramLabel = "FILE",
                description = "Also write the built, initialized cell as NEURON-style structure.json (the schema "
                        + "of the shared reference dumps: every mechanism field after finitialize), to diff against "
                        + "NEURON's.")
        private Path structure;

        @CommandLine.Option(names = "--morphology-dir", paramLabel = "DIR", defaultValue = ".",
                description = "Where a bundled description's morphology file is (default: the current directory). "
                        + "A description file's morphology path is relative to the description file.")
        private Path morphologyDir;

        @CommandLine.Option(names = "--painted-only",
                description = "Do not look the mechanisms up in the catalogue: check the structure and the painted "
                        + "values only (for models whose mechanisms are not built in yet); --structure then holds "
                        + "the painted parameters only.")
        private boolean paintedOnly;

        @CommandLine.Option(names = "--mod", paramLabel = "DIR",
                description = "Compile the .mod files of this folder (repeatable) and use them: a compiled mechanism "
                        + "named like a built-in replaces it (said on the console). A file that does not compile is "
                        + "skipped, said on the console, when the model does not use its mechanism, and is named with "
                        + "its reasons otherwise, and nothing is built (exit code 2).")
        private List<Path> modDirs = List.of();

        @Override
        public Integer call() {
            if (paintedOnly && !modDirs.isEmpty()) {
                throw new IllegalArgumentException("--mod and --painted-only exclude each other: --painted-only does "
                        + "not look the mechanisms up");
            }
            if (structure != null) {
                OutputFolder.checkWritable(structure.toAbsolutePath().getParent(), "--structure " + structure + ":");
            }
            CellDescription description = description(model, morphologyDir);
            AssembledCell cell = CellAssembler.assemble(description);
            Map<Path, NmodlMechanism> compiled = new LinkedHashMap<>();
            if (!ModelInputs.compileMods(modDirs, ModelInputs.mechanismsUsed(cell), compiled,
                    spec.commandLine().getOut(), spec.commandLine().getErr())) {
                return 2;
            }
            Discretization disc;
            if (paintedOnly) {
                disc = new Discretization(cell.morphology());
                if (structure != null) {
                    StructureDump.writePaintedOnly(cell, structure);
                }
            } else {
                LoweredCell lowered = lower(cell, catalogue(description, new ArrayList<>(compiled.values())));
                Simulation sim = lowered.simulation(0.025);
                sim.initialize(cell.vInitMv());
                disc = sim.discretization();
                if (structure != null) {
                    StructureDump.writeEveryField(lowered, sim, structure);
                }
            }
            summary(spec.commandLine().getOut(), cell, disc);
            return 0;
        }

        /**
         * The built-in catalogue with the description's bundled mod sets and then the --mod folders' mechanisms
         * added, each replacement said on the console.
         */
        private Catalogue catalogue(CellDescription description, List<NmodlMechanism> compiled) {
            PrintWriter out = spec.commandLine().getOut();
            Catalogue c = NmodlMechanism.replacing(ModSets.catalogue(description, Catalogue.discover(), out::println),
                    compiled, out::println);
            out.flush();
            return c;
        }

        private static LoweredCell lower(AssembledCell cell, Catalogue catalogue) {
            try {
                return ModelLowering.lower(cell, catalogue);
            } catch (IllegalArgumentException e) {
                boolean unknown = cell.mechanismOrder().stream().anyMatch(m -> !catalogue.contains(m));
                if (!unknown) {
                    throw e;
                }
                throw new IllegalArgumentException(e.getMessage() + "; give their mod files with --mod DIR, or check"
                        + " the structure and the painted values without them with --painted-only", e);
            }
        }

        private static Path existing(Path p) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": no such description file, and not a bundled description "
                        + BundledDescriptions.NAMES);
            }
            return p;
        }

        private void summary(PrintWriter out, AssembledCell cell, Discretization disc) {
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
            for (String w : cell.morphologyWarnings()) {
                out.println("morphology file: " + w);
            }
            cell.skippedRules().forEach(out::println);
            if (paintedOnly) {
                out.println("painted values only: mechanisms not looked up in the catalogue, the cell not built for"
                        + " simulation");
            }
            if (structure != null) {
                out.println("structure written to " + structure);
            }
            out.flush();
        }
    }

    /** A description by path, or a bundled one with its morphology file in {@code morphologyDir}. */
    static CellDescription description(String model, Path morphologyDir) {
        return BundledDescriptions.has(model)
                ? BundledDescriptions.get(model).withMorphologyDirectory(morphologyDir)
                : DescriptionReader.read(Check.existing(Path.of(model)));
    }

    /** {@code spineformer model export --neuron MODEL --out DIR}. */
    @Command(name = "export", description = "Write a Python script for NEURON 8.2 that builds the same cell "
            + "(DIR/" + Export.SCRIPT + "; run it with --help).")
    static final class Export implements Runnable {
        static final String SCRIPT = "build_cell.py";
        /** Where the description's bundled mod files are written, beside the script. */
        static final String MOD = "mod";

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--neuron", required = true,
                description = "Export for NEURON (the only simulator so far).")
        private boolean neuron;

        @CommandLine.Parameters(paramLabel = "MODEL",
                description = "A description file (.json) or a bundled description: ellwood2024, hay2011_l5pc, "
                        + "hay2011_l5pc_spiny, migliore2018_ca1, allen_scnn1a.")
        private String model;

        @CommandLine.Option(names = "--out", paramLabel = "DIR", required = true,
                description = "Directory for " + SCRIPT + " (created if missing).")
        private Path out;

        @CommandLine.Option(names = "--morphology-dir", paramLabel = "DIR", defaultValue = ".",
                description = "Where a bundled description's morphology file is (default: the current directory).")
        private Path morphologyDir;

        @CommandLine.Option(names = "--project-mod",
                description = "Also write the project's own mod files of the mechanisms the cell uses (the paper's "
                        + "Bahl et al. channels, NaTa_t, SKv3_1, Im, cadspine, AMPA_WITH_CA, NMDA) to DIR/mod.")
        private boolean projectMods;

        @Override
        public void run() {
            OutputFolder.checkWritable(out, "--out");
            CellDescription description = description(model, morphologyDir);
            AssembledCell cell = CellAssembler.assemble(description);
            String script = NeuronScript.of(cell, description.experiment());
            Path file = out.resolve(SCRIPT);
            Map<String, String> modFiles = ModSets.exportFiles(description, cell, projectMods);
            try {
                AtomicFiles.write(file, os -> os.write(script.getBytes(StandardCharsets.UTF_8)));
                if (!modFiles.isEmpty()) {
                    Files.createDirectories(out.resolve(MOD));
                }
                for (Map.Entry<String, String> f : modFiles.entrySet()) {
                    AtomicFiles.write(out.resolve(MOD).resolve(f.getKey()),
                            os -> os.write(f.getValue().getBytes(StandardCharsets.ISO_8859_1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("%s: %d sections written to %s%n", cell.name(), cell.morphology().size(), file);
            if (!modFiles.isEmpty()) {
                pw.printf("%d mod files of %s written to %s: compile them there with nrnivmodl and pass --mechanisms"
                        + " %s%n", modFiles.size(), !projectMods ? description.mod().toString()
                        : description.mod().isEmpty() ? "the project's own mechanisms"
                        : description.mod() + " and the project's own mechanisms", out.resolve(MOD), out.resolve(MOD));
            }
            pw.printf("run: python3 %s [--mechanisms DIR] [--geometry-only] [--structure-out FILE]%n", file);
            pw.printf("replay a stimulus: python3 %s --mechanisms DIR --stimulus STIM.json --out OUTDIR%n", file);
            pw.flush();
        }
    }
}
