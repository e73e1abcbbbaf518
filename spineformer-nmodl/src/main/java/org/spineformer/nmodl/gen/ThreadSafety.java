package org.spineformer.nmodl.gen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Whether nocmodl 8.2.2 makes a mechanism thread safe ("vectorize" in its source), which decides when its TABLEs are
 * checked: a thread-safe mechanism's at the start of finitialize and of each step (NEURON's nrn_thread_table_check,
 * with instance 0), any other's at each call of the tabulated FUNCTION or PROCEDURE (nocmodl's {@code
 * _check_NAME()} inside it, with the calling instance), so that a TABLE whose values depend on a GLOBAL that INITIAL
 * assigns is built from the value INITIAL gave (Miocinovic's STN channels: rate_k). Judged on the file as written,
 * before the VERBATIM {@code return 0;} idiom is left out.
 *
 * <p>nocmodl's reasons, for what compiles here (src/nmodl 8.2.2): without a THREADSAFE statement before it in the
 * file, a VERBATIM block (parse1.ypp, which tests THREADSAFE as it reads the block: one of {@code #include} lines
 * before the NEURON block makes a THREADSAFE mechanism not thread safe) and a call of a function of its extdef5.h
 * list (scop_random, set_seed, exprand, normrand ...); without a THREADSAFE statement anywhere, an assignment to a
 * name of the GLOBAL statement outside PROTECT (nocpout.cpp's chk_thread_safe, after the parse); in any case, a
 * BREAKPOINT's SOLVE of a DERIVATIVE block by other than cnexp, derivimplicit or euler or of a KINETIC block by
 * other than sparse, a SOLVE of a LINEAR or NONLINEAR block, a SOLVE with an IF_ERROR block (solve.cpp),
 * state_discontinuity outside NET_RECEIVE (parsact.cpp), and an ARTIFICIAL_CELL with top-level LOCALs
 * (nocpout.cpp).
 */
final class ThreadSafety {
    /** extdef5.h of nocmodl 8.2.2: the functions it calls not thread safe. */
    private static final Set<String> UNSAFE_FUNCTIONS = Set.of("force", "deflate", "expfit", "derivs", "spline",
            "exprand", "gauss", "normrand", "poisrand", "poisson", "setseed", "scop_random", "boundary", "romberg",
            "invert", "stepforce", "schedule", "set_seed", "nrn_random_play");

    private ThreadSafety() {
    }

    /** Whether nocmodl 8.2.2 makes the file's mechanism thread safe. */
    static boolean threadSafe(ModFile mod) {
        List<Item> items = mod.items();
        int threadsafe = 0;
        while (threadsafe < items.size() && !(items.get(threadsafe) instanceof Item.Neuron n && n.statements()
                .stream().anyMatch(s -> s instanceof NeuronStmt.Names x && x.keyword().equals("THREADSAFE")))) {
            threadsafe++;
        }
        boolean declared = threadsafe < items.size();
        // parse1.ypp's VERBATIM and funccall rules test THREADSAFE when they are read: what comes before the
        // NEURON block holding it is not covered by it (a VERBATIM of #include lines first, then NEURON {
        // THREADSAFE ... }: not thread safe), while chk_thread_safe's GLOBAL check runs after the whole file
        List<Item> unguarded = items.subList(0, threadsafe);
        List<Item.Block> blocks = blocks(items);
        if (verbatim(unguarded) || blocks(unguarded).stream()
                .anyMatch(b -> UNSAFE_FUNCTIONS.stream().anyMatch(f -> JavaGenerator.calls(b.body(), f)))
                || !declared && assignsGlobal(mod, blocks)) {
            return false;
        }
        boolean artificial = mod.neuron().anyMatch(s -> s instanceof NeuronStmt.Suffix x
                && x.keyword().equals("ARTIFICIAL_CELL"));
        return !(artificial && mod.items().stream().anyMatch(Item.TopLocal.class::isInstance))
                && blocks.stream().noneMatch(b -> unsafeSolveOrDiscontinuity(mod, b));
    }

    private static List<Item.Block> blocks(List<Item> items) {
        return items.stream().filter(Item.Block.class::isInstance).map(Item.Block.class::cast).toList();
    }

    private static boolean verbatim(List<Item> items) {
        boolean[] seen = {items.stream().anyMatch(Item.Verbatim.class::isInstance)};
        blocks(items).forEach(b -> each(b.body(), s -> seen[0] |= s instanceof Stmt.Verbatim));
        return seen[0];
    }

    private static boolean assignsGlobal(ModFile mod, List<Item.Block> blocks) {
        return !assignedGlobals(mod, blocks).isEmpty();
    }

    /** The names of the GLOBAL statement that a block assigns outside PROTECT (not as its own LOCAL or argument). */
    static Set<String> assignedGlobals(ModFile mod) {
        return assignedGlobals(mod, blocks(mod.items()));
    }

    private static Set<String> assignedGlobals(ModFile mod, List<Item.Block> blocks) {
        // the GLOBAL statement's names only: chk_thread_safe runs before parout makes the PARAMETERs that are not
        // RANGE global too (an assigned one leaves the mechanism thread safe, checked with nocmodl 8.2.2)
        Set<String> globals = new HashSet<>();
        mod.neuron().forEach(s -> {
            if (s instanceof NeuronStmt.Names n && n.keyword().equals("GLOBAL")) {
                globals.addAll(n.names());
            }
        });
        Set<String> isProtected = new HashSet<>();
        blocks.forEach(b -> each(b.body(), s -> {
            if (s instanceof Stmt.Protect p) {
                isProtected.add(p.assignment().target().name());
            }
        }));
        Set<String> assigned = new java.util.TreeSet<>();
        for (Item.Block b : blocks) {
            Set<String> local = new HashSet<>();
            b.args().stream().map(Arg::name).forEach(local::add);
            each(b.body(), s -> {
                if (s instanceof Stmt.Local l) {
                    local.addAll(l.names());
                }
            });
            each(b.body(), s -> {
                if (s instanceof Stmt.Assign a && a.primes() == 0 && globals.contains(a.target().name())
                        && !local.contains(a.target().name()) && !isProtected.contains(a.target().name())) {
                    assigned.add(a.target().name());
                }
            });
        }
        return assigned;
    }

    private static boolean unsafeSolveOrDiscontinuity(ModFile mod, Item.Block b) {
        boolean[] unsafe = {false};
        each(b.body(), s -> {
            if (s instanceof Stmt.Solve sv) {
                String kind = mod.blocks("DERIVATIVE").anyMatch(d -> d.name().equals(sv.block())) ? "DERIVATIVE"
                        : mod.blocks("KINETIC").anyMatch(d -> d.name().equals(sv.block())) ? "KINETIC"
                        : mod.blocks("LINEAR").anyMatch(d -> d.name().equals(sv.block())) ? "LINEAR"
                        : mod.blocks("NONLINEAR").anyMatch(d -> d.name().equals(sv.block())) ? "NONLINEAR" : "";
                boolean inBreakpoint = b.keyword().equals("BREAKPOINT") && !sv.steadyState();
                unsafe[0] |= !sv.ifError().isEmpty() || kind.equals("LINEAR") || kind.equals("NONLINEAR")
                        || inBreakpoint && kind.equals("DERIVATIVE")
                        && !Set.of("cnexp", "derivimplicit", "euler").contains(String.valueOf(sv.method()))
                        || inBreakpoint && kind.equals("KINETIC") && !"sparse".equals(sv.method());
            }
        });
        return unsafe[0] || !b.keyword().equals("NET_RECEIVE")
                && JavaGenerator.calls(b.body(), "state_discontinuity");
    }

    /** Each statement of the body and of the bodies nested in it, NET_RECEIVE's INITIAL and PROTECT included. */
    static void each(List<Stmt> body, Consumer<Stmt> visit) {
        JavaGenerator.walk(body, s -> {
            visit.accept(s);
            if (s instanceof Stmt.Initial i) {
                each(i.body(), visit);
            } else if (s instanceof Stmt.Protect p) {
                visit.accept(p.assignment());
            }
        });
    }
}
