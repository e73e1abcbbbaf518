package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.cell.ModSets;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.MorphologySource;
import org.spineformer.model.protocol.BundledProtocols;
import org.spineformer.model.protocol.Protocol;
import org.spineformer.model.protocol.ProtocolReader;
import org.spineformer.model.protocol.ProtocolRun;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * What {@code simulate} and {@code bench --model} run: a cell description (a file or a bundled one) assembled, a
 * protocol (a file or a bundled protocol of a bundled model), and the catalogue with the mechanisms compiled from the
 * {@code --mod} folders; with the input files and bundled inputs their provenance names.
 *
 * @param model           the MODEL argument as given
 * @param protocolName    the --protocol argument as given
 * @param bundledModel    whether MODEL is a bundled description
 * @param bundledProtocol whether the protocol is a bundled protocol of MODEL
 * @param modFiles        the compiled mod files, file to mechanism, in the order of the folders and their names
 */
record ModelInputs(String model, String protocolName, CellDescription description, AssembledCell cell,
                   Protocol protocol, Catalogue catalogue, boolean bundledModel, boolean bundledProtocol,
                   Map<Path, NmodlMechanism> modFiles) {

    /**
     * Reads and assembles everything, in the order that reports a wrong name before the slow work: the protocol's
     * existence, the description, the protocol, the cell, the mod folders. A mod file that does not compile is
     * skipped (said on {@code o}) when neither the cell nor the protocol uses its mechanism; otherwise its reasons
     * go to {@code err} and this returns null.
     *
     * @param spikeThresholdMv the protocol's spike threshold replaced, or null
     */
    static ModelInputs read(String model, String protocolName, List<Path> modDirs, Path morphologyDir,
                            Double spikeThresholdMv, PrintWriter o, PrintWriter err) {
        boolean bundledModel = BundledDescriptions.has(model);
        Path protocolFile = Path.of(protocolName);
        boolean bundledProtocol = bundledModel && BundledProtocols.has(model, protocolName);
        if (!bundledProtocol && !Files.isRegularFile(protocolFile)) {
            throw new IllegalArgumentException("--protocol " + protocolName + ": no such file"
                    + (bundledModel ? ", and not a bundled protocol of " + model + " "
                    + BundledProtocols.NAMES.getOrDefault(model, List.of()) : ""));
        }
        CellDescription description = ModelCommand.description(model, morphologyDir);
        Protocol protocol = bundledProtocol ? BundledProtocols.get(model, protocolName)
                : ProtocolReader.read(protocolFile);
        if (spikeThresholdMv != null) {
            if (!Double.isFinite(spikeThresholdMv)) {
                throw new IllegalArgumentException("--spike-threshold must be a finite voltage (mV), was "
                        + spikeThresholdMv);
            }
            protocol = protocol.withSpikeThreshold(spikeThresholdMv);
        }
        AssembledCell cell = CellAssembler.assemble(description);
        cell.skippedRules().forEach(o::println);
        Map<Path, NmodlMechanism> modFiles = new LinkedHashMap<>();
        Set<String> used = mechanismsUsed(cell);
        protocol.stimuli().forEach(s -> used.add(s.mechanism()));
        if (!compileMods(modDirs, used, modFiles, o, err)) {
            return null;
        }
        // the description's bundled mod sets first, then the --mod folders (a folder's file replaces a bundled one)
        Catalogue catalogue = NmodlMechanism.replacing(ModSets.catalogue(description, Catalogue.discover(),
                o::println), new ArrayList<>(modFiles.values()), o::println);
        o.flush();
        return new ModelInputs(model, protocolName, description, cell, protocol, catalogue, bundledModel,
                bundledProtocol, modFiles);
    }

    /** A fresh run of the protocol on the cell (a prepared run runs once); name errors hint at --mod. */
    ProtocolRun prepare() {
        return prepare(1);
    }

    /**
     * {@link #prepare()} as {@code lanes} identical trials in lanes ({@link ProtocolRun#prepare(AssembledCell,
     * Catalogue, Protocol, int)}).
     */
    ProtocolRun prepare(int lanes) {
        try {
            return ProtocolRun.prepare(cell, catalogue, protocol, lanes);
        } catch (IllegalArgumentException e) {
            boolean unknown = cell.mechanismOrder().stream().anyMatch(m -> !catalogue.contains(m));
            if (!unknown || e.getMessage().contains("--mod")) { // the hint once
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + "; give their mod files with --mod DIR", e);
        }
    }

    /**
     * The input files by role, as the provenance names them: description, allen_fit (the fit.json an Allen pair file
     * names), morphology (and morphology:PATH for each hoc file run after it), protocol, mod:PATH.
     */
    Map<String, Path> inputFiles() {
        Map<String, Path> inputs = new LinkedHashMap<>();
        if (!bundledModel) {
            inputs.put("description", Path.of(model));
            inputs.putAll(description.sourceFiles());
        }
        if (description.morphology() instanceof MorphologySource.File f) {
            inputs.put("morphology", Path.of(f.path()));
            f.then().forEach(p -> inputs.put("morphology:" + p, Path.of(p))); // hoc files run after it
        }
        if (!bundledProtocol) {
            inputs.put("protocol", Path.of(protocolName));
        }
        modFiles.keySet().forEach(f -> inputs.put("mod:" + f, f));
        return inputs;
    }

    /** The bundled description and protocol by role, each with its label and the SHA-256 of its bytes. */
    Map<String, Map<String, Object>> bundledInputs() {
        Map<String, Map<String, Object>> bundled = new LinkedHashMap<>();
        if (bundledModel) {
            bundled.put("description", bundled("bundled:" + model + ".json", BundledDescriptions.bytes(model)));
        }
        if (bundledProtocol) {
            bundled.put("protocol", bundled(BundledProtocols.label(model, protocolName),
                    BundledProtocols.bytes(model, protocolName)));
        }
        return bundled;
    }

    /** The mechanisms the cell places: its density mechanisms, synapses and point processes (a mutable set). */
    static Set<String> mechanismsUsed(AssembledCell cell) {
        Set<String> used = new LinkedHashSet<>(cell.mechanismOrder());
        cell.synapses().forEach(s -> used.add(s.mechanism()));
        cell.pointProcesses().forEach(p -> used.add(p.mechanism()));
        return used;
    }

    /**
     * Compiles every .mod file of the folders into {@code files}. A file that does not compile is skipped (said on
     * {@code o}) when its mechanism is not in {@code used}; otherwise its reasons go to {@code err} and this returns
     * false.
     */
    static boolean compileMods(List<Path> modDirs, Set<String> used, Map<Path, NmodlMechanism> files,
                               PrintWriter o, PrintWriter err) {
        boolean ok = true;
        for (Path dir : modDirs) {
            List<ModFolder.Failure> needed = new ArrayList<>();
            List<Diagnostic> notes = new ArrayList<>();
            List<ModFolder.Failure> failed = ModFolder.compileEach(dir, files, notes);
            notes.forEach(o::println);
            for (ModFolder.Failure f : failed) {
                if (f.mechanism() != null && !used.contains(f.mechanism())) {
                    o.printf("skipped %s: it does not compile (%s), and the model does not use %s%n", f.file(),
                            f.problems().get(0).message(), f.mechanism());
                } else {
                    needed.add(f);
                }
            }
            ModFolder.report(needed, dir, err);
            ok &= needed.isEmpty();
        }
        o.flush();
        return ok;
    }

    private static Map<String, Object> bundled(String label, byte[] content) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", label);
        try {
            f.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
        return f;
    }
}
