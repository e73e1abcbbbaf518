package org.spineformer.nmodl.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.check.IncludeOnlyVerbatim;
import org.spineformer.nmodl.check.IonCopyVerbatim;
import org.spineformer.nmodl.check.ReturnZeroIdiom;
import org.spineformer.nmodl.parse.Parser;

/**
 * A mechanism compiled from a mod file: its fields from the declarations, its block generated Java compiled in
 * process. Compiled classes are cached by the SHA-256 of the file's text and of the texts it INCLUDEs, so building
 * many models (or trials) from the same file compiles once per JVM, and a changed included file compiles again.
 */
public final class NmodlMechanism extends AbstractMechanism {
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    /** The system property naming a folder to write generated Java to. */
    public static final String DUMP_DIR = "spineformer.nmodl.dumpDir";

    /**
     * @param functionTables the names of the file's FUNCTION_TABLEs, in file order
     * @param functionTableArities how many arguments each takes
     */
    private record Compiled(JavaGenerator.Generated generated, Constructor<? extends MechanismBlock> constructor,
                            List<String> functionTables, List<Integer> functionTableArities) {
    }

    private final Compiled compiled;
    private final String file;
    /** The values of each FUNCTION_TABLE (null until given), shared by every block made from this mechanism. */
    private final FunctionTable[] functionTables;

    private NmodlMechanism(Compiled c, String file) {
        super(c.generated().mechanismName(), c.generated().kind(), c.generated().title(), c.generated().fields());
        this.compiled = c;
        this.file = file;
        this.functionTables = new FunctionTable[c.functionTables().size()];
    }

    /** Compiles a mod file and the files it INCLUDEs ({@link Parser#parse(Path)}). */
    public static NmodlMechanism compile(Path file) throws IOException {
        ModFile mod = Parser.parse(file);
        StringBuilder key = new StringBuilder(Files.readString(file, StandardCharsets.ISO_8859_1));
        mod.items().stream().filter(Item.Include.class::isInstance).map(Item.Include.class::cast)
                .forEach(i -> key.append("\0INCLUDE\0").append(i.text()));
        return compile(file.toString(), sha256(key.toString()), () -> mod);
    }

    /**
     * Parses, checks, generates and compiles; {@code file} names the text in messages. Throws
     * {@link NmodlException} (an IllegalArgumentException) with every problem, or the parser's syntax error.
     */
    public static NmodlMechanism compile(String file, String source) {
        return compile(file, sha256(source), () -> Parser.parse(file, source));
    }

    private static NmodlMechanism compile(String file, String textHash, Supplier<ModFile> parse) {
        // the generated Java also depends on IntegerPower's switch
        String hash = IntegerPower.enabled() ? textHash : sha256(textHash + "\0" + IntegerPower.PROPERTY + "=false");
        Compiled c = CACHE.get(hash);
        if (c == null) {
            c = build(parse.get(), "Mod_" + hash.substring(0, 16));
            CACHE.putIfAbsent(hash, c);
        }
        return new NmodlMechanism(c, file);
    }

    /**
     * Gives the mod file's {@code FUNCTION_TABLE name} its values, as NEURON's hoc {@code table_name_suffix(...)}:
     * every block of this mechanism (made before or after) looks them up from the next call on. A call of one
     * without values stops the run, as in NEURON.
     */
    public void setFunctionTable(String name, FunctionTable table) {
        int index = compiled.functionTables().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": " + name() + " has no FUNCTION_TABLE " + name + " (its"
                    + " FUNCTION_TABLEs: " + (compiled.functionTables().isEmpty() ? "none"
                    : String.join(", ", compiled.functionTables())) + ")");
        }
        int arity = compiled.functionTableArities().get(index);
        if (java.util.Objects.requireNonNull(table, "table").arguments() >= 0 && table.arguments() != arity) {
            throw new IllegalArgumentException(file + ": FUNCTION_TABLE " + name + " of " + name() + " takes " + arity
                    + " argument" + (arity == 1 ? "" : "s") + ", the table given " + table.arguments());
        }
        functionTables[index] = table;
    }

    /** How many arguments the mod file's FUNCTION_TABLE {@code name} takes. */
    public int functionTableArguments(String name) {
        int index = compiled.functionTables().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": " + name() + " has no FUNCTION_TABLE " + name);
        }
        return compiled.functionTableArities().get(index);
    }

    /** The names of the mod file's FUNCTION_TABLEs, in file order. */
    public List<String> functionTableNames() {
        return compiled.functionTables();
    }

    /**
     * The values of the file's FUNCTION_TABLE number index (file order), for the generated code's calls; as NEURON
     * at a call of a table never given ("table not specified in hoc_func_table"), the run stops.
     */
    FunctionTable functionTable(int index) {
        FunctionTable table = functionTables[index];
        if (table == null) {
            String name = compiled.functionTables().get(index);
            throw new IllegalStateException(file + ": FUNCTION_TABLE " + name + " of " + name() + " has no values:"
                    + " give them with NmodlMechanism.setFunctionTable(\"" + name + "\", ...) (NEURON's table_" + name
                    + "_" + name() + ") before the model runs");
        }
        return table;
    }

    /** The file it was compiled from, as named to {@link #compile(String, String)}. */
    public String file() {
        return file;
    }

    /**
     * {@code builtIns} with the compiled mechanisms added, each named like a built-in replacing it; the console
     * hears one line per replacement ({@code NaTa_t: compiled from DIR/NaTa_t.mod replaces the built-in}).
     */
    public static Catalogue replacing(Catalogue builtIns, List<NmodlMechanism> compiled, Consumer<String> console) {
        return builtIns.withReplacements(compiled, m -> console.accept(
                m.name() + ": compiled from " + ((NmodlMechanism) m).file() + " replaces the built-in"));
    }

    /** Every reason the file would not compile (syntax aside), without compiling: empty when it would. */
    public static List<Diagnostic> problems(ModFile mod) {
        List<Diagnostic> problems = Checker.check(mod);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            JavaGenerator.generate(compiled(mod), "Check", ThreadSafety.threadSafe(mod));
            return List.of();
        } catch (NmodlException e) {
            return e.problems();
        }
    }

    /**
     * The file as it is compiled: without the VERBATIM blocks NEURON runs the same without ({@link
     * IncludeOnlyVerbatim}, {@link ReturnZeroIdiom}), and the VERBATIM copies of ion variables from the node as
     * assignments ({@link IonCopyVerbatim}).
     */
    private static ModFile compiled(ModFile mod) {
        return IonCopyVerbatim.rewrite(ReturnZeroIdiom.strip(IncludeOnlyVerbatim.strip(mod)));
    }

    private static Compiled build(ModFile mod, String className) {
        List<Diagnostic> problems = Checker.check(mod);
        if (!problems.isEmpty()) {
            throw new NmodlException(problems);
        }
        JavaGenerator.Generated g = JavaGenerator.generate(compiled(mod), className,
                ThreadSafety.threadSafe(mod));
        dump(g);
        Class<?> block = InProcessCompiler.compile(className, g.source());
        try {
            return new Compiled(g, block.asSubclass(MechanismBlock.class)
                    .getConstructor(org.spineformer.engine.mech.Mechanism.class, int[].class, int.class),
                    mod.blocks("FUNCTION_TABLE").map(Item.Block::name).toList(),
                    mod.blocks("FUNCTION_TABLE").map(b -> b.args().size()).toList());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("internal error: generated " + className + " has no constructor", e);
        }
    }

    /**
     * With {@code -Dspineformer.nmodl.dumpDir=DIR}, the generated Java is also written to
     * {@code DIR/<mechanism>_<class>.java}, to read what a benchmark or a test ran (docs/dev/nmodl.md).
     */
    private static void dump(JavaGenerator.Generated g) {
        String dir = System.getProperty(DUMP_DIR);
        if (dir == null || dir.isEmpty()) {
            return;
        }
        Path file = Path.of(dir, g.mechanismName() + "_" + g.className() + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, g.source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated Java to " + file + " (" + DUMP_DIR + ")", e);
        }
    }

    /** True when the mod file writes an ion concentration: the engine then advances it before the others. */
    @Override
    public boolean writesIonConcentration() {
        return compiled.generated().writesConcentration();
    }

    @Override
    public Set<String> reversalPotentialsRead() {
        return compiled.generated().reversalPotentialsRead();
    }

    @Override
    public Set<String> ionCurrentsRead() {
        return compiled.generated().ionCurrentsRead();
    }

    /** The generated Java, for reading. */
    public String javaSource() {
        return compiled.generated().source();
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    /**
     * A block for {@code lanes} trials in lanes: the generated kernels loop over slots (instance k's trial l at
     * k * lanes + l), each doing the one-trial operations on its lane's node values, so each trial's numbers are
     * those of the trial alone.
     */
    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        try {
            return compiled.constructor().newInstance(this, nodes, lanes);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
