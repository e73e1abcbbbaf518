package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.nmodl.ast.Expr;

/**
 * Expressions as Java: variables ({@link #ref}), doubles ({@link #num}, constants hoisted), booleans, calls (math,
 * FUNCTIONs, PROCEDUREs, net_send, net_event, net_move, at_time, printf).
 */
final class ExpressionEmitter {
    private final JavaGenerator g;

    ExpressionEmitter(JavaGenerator g) {
        this.g = g;
    }

    String ref(Expr.Var v) {
        String n = v.name();
        if (v.index() == null) {
            for (java.util.Map<String, String> names : g.aliases) {
                if (names.containsKey(n)) {
                    return names.get(n);
                }
            }
        }
        if (v.index() != null && g.topLocals.getOrDefault(n, 0) > 0 && !isLocal(n)) {
            return "g_" + n + "[" + integer(v.index()) + "]";
        }
        if (v.index() != null && g.arrays.containsKey(n) && !isLocal(n)) {
            return "a_" + n + "[" + integer(v.index()) + "][k]";
        }
        if (v.index() != null && isLocal(n) && g.localArrays.containsKey(n)) {
            return g.localArrays.get(n) + "[" + integer(v.index()) + "]";
        }
        if (v.index() != null) {
            g.notYet(v.pos(), "the array element " + n + "[...] (a LOCAL array in a block)");
            return "0.0";
        }
        for (Set<String> scope : g.locals) {
            if (scope.contains(n)) {
                if (g.localArrays.containsKey(n)) {
                    g.notYet(v.pos(), "the LOCAL array " + n + " without an index");
                    return "0.0";
                }
                // a FROM index is an int; C converts it where a double is expected, as ((double) i)
                return g.fromIndices.contains(n) ? "((double) i_" + n + ")" : "l_" + n;
            }
        }
        switch (n) {
            case "v":
                return g.vArgument ? "vk" : g.vLocal != null ? g.vLocal : "c_v[k]";
            case "t":
                return g.inNetReceive ? "te" : "s.t";
            case "dt":
                return g.kineticDt ? "dt" : "s.dt";
            case "celsius":
                return "s.celsius";
            case "PI":
                if (g.builtinPi()) {
                    return "Math.PI";
                }
                break;
            case "area":
                return "s.areaUm2[geoNode[k]]";
            case "diam":
                // NEURON points a mechanism's diam at its segment's diameter (um)
                return "s.diamUm[geoNode[k]]";
            default:
                break;
        }
        if (g.instanceVars.contains(n)) {
            return "c_" + n + "[k]";
        }
        if (g.topLocals.containsKey(n)) {
            if (g.topLocals.get(n) > 0) {
                g.notYet(v.pos(), "the array " + n + " without an index");
                return "0.0";
            }
            return "g_" + n;
        }
        if (g.constants.containsKey(n)) {
            return "K_" + n;
        }
        String nodeValue = g.nodeIonValue(n);
        if (nodeValue != null) {
            return nodeValue;
        }
        g.notYet(v.pos(), "the variable " + n);
        return "0.0";
    }

    boolean isLocal(String n) {
        return g.locals.stream().anyMatch(scope -> scope.contains(n))
                || g.aliases.stream().anyMatch(names -> names.containsKey(n));
    }

    /**
     * nocmodl's integer expression (an array index, FROM's bounds and step; parse1.ypp's intexpr) as a Java int:
     * a FROM index as it is, any other name truncated ({@code (int) name}, C's conversion), C's int arithmetic
     * (Java's int division truncates toward zero too), INT(expr) the truncated double.
     */
    String integer(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.text();
        }
        if (e instanceof Expr.Var v && v.index() == null && g.fromIndices.contains(v.name()) && isLocal(v.name())) {
            return "i_" + v.name();
        }
        if (e instanceof Expr.Var v) {
            return "((int) " + ref(v) + ")";
        }
        if (e instanceof Expr.Binary b && Set.of("+", "-", "*", "/").contains(b.op())) {
            return "(" + integer(b.left()) + " " + b.op() + " " + integer(b.right()) + ")";
        }
        if (e instanceof Expr.Call c && c.name().equals("INT") && c.args().size() == 1) {
            return "((int) " + num(c.args().get(0)) + ")";
        }
        g.notYet(e.pos(), "this integer expression");
        return "0";
    }

    static String literal(double value) {
        return Double.toString(value);
    }

    /**
     * The expression as a Java double. An operation on constants only (numbers, CONSTANTs, named units, PI, and
     * math functions of them, e.g. qt = 2.3^((34 - 21)/10)) becomes a static final field initialized with the same
     * Java expression, so it is evaluated once per class instead of per instance and step: Java's double
     * arithmetic and HotSpot's Math intrinsics (the interpreter uses the compiled code's stubs) give the same bits
     * wherever it runs.
     */
    String num(Expr e) {
        if (!g.hoisting && (e instanceof Expr.Binary || e instanceof Expr.Call) && isConstant(e)) {
            g.hoisting = true;
            String java = numInPlace(e);
            g.hoisting = false;
            return g.hoisted.computeIfAbsent(java, x -> "C_" + g.hoisted.size());
        }
        return numInPlace(e);
    }

    /** Whether the expression's value is the same for every instance, step and model: nothing but constants. */
    boolean isConstant(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            return v.index() == null && !isLocal(n) && (n.equals("PI") && g.builtinPi()
                    || !JavaGenerator.NOT_FIELDS.contains(n) && !g.instanceVars.contains(n)
                    && !g.topLocals.containsKey(n) && g.constants.containsKey(n));
        }
        if (e instanceof Expr.Call c) {
            return JavaGenerator.MATH.contains(c.name()) && !g.functions.containsKey(c.name())
                    && !g.procedures.containsKey(c.name()) && c.args().stream().allMatch(this::isConstant);
        }
        if (e instanceof Expr.Unary u) {
            return isConstant(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return isConstant(b.left()) && isConstant(b.right());
        }
        return false;
    }

    private String numInPlace(Expr e) {
        if (e instanceof Expr.Num n) {
            return literal(n.value());
        }
        if (e instanceof Expr.Var v) {
            return ref(v);
        }
        if (e instanceof Expr.Call c && g.procedures.containsKey(c.name())) {
            // nocmodl's PROCEDURE is a C function returning int 0 (parse1.ypp procedblk): called for a value it runs,
            // then gives 0 (Wolf 2005's B = mgblock(v) sets B, then B = 0)
            g.proceduresAsValues.add(c.name());
            return "pv_" + call(c).substring("p_".length());
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") ? "(-" + num(u.operand()) + ")" : "(" + bool(e) + " ? 1.0 : 0.0)";
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "+", "-", "*", "/" -> "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
                case "^" -> power(b.left(), b.right());
                default -> "(" + bool(e) + " ? 1.0 : 0.0)";
            };
        }
        g.notYet(e.pos(), "a string here");
        return "0.0";
    }

    /** The expression as a Java boolean (C's truth: not zero). */
    String bool(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case "<", "<=", ">", ">=", "==", "!=" -> {
                    return "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
                }
                case "&&", "||" -> {
                    return "(" + bool(b.left()) + " " + b.op() + " " + bool(b.right()) + ")";
                }
                default -> {
                }
            }
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            return "!" + bool(u.operand());
        }
        return "(" + num(e) + " != 0.0)";
    }

    /**
     * printf(format, values...): C's printf of doubles ({@link CFormat}); the format must be a string of plain text
     * and the C escapes Java shares (backslash n, t, backslash, quote).
     */
    private String printf(Expr.Call c, Expr.Str format, List<String> values) {
        String literal = format.text();
        String body = literal.substring(1, literal.length() - 1);
        if (!body.replaceAll("\\\\[nt\\\\\"]", "").matches("[^\\\\]*")) {
            g.notYet(format.pos(), "printf's format " + literal + " (escapes other than \\n \\t \\\\ \\\")");
            return "0.0";
        }
        String text = body.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"")
                .replace("\\\\", "\\");
        // a string literal given to %s is C's char*: printed as it is, so folded into the format here
        List<Expr> given = c.args().subList(1, c.args().size());
        List<CFormat.Conversion> conversions = CFormat.conversions(text);
        if (conversions != null && conversions.size() == given.size()) {
            StringBuilder folded = new StringBuilder();
            List<String> numbers = new ArrayList<>();
            int from = 0;
            for (int j = 0; j < conversions.size(); j++) {
                CFormat.Conversion conv = conversions.get(j);
                boolean string = given.get(j) instanceof Expr.Str;
                if (conv.letter() == 's' && string) {
                    String spec = text.substring(conv.start(), conv.end());
                    String value = ((Expr.Str) given.get(j)).text();
                    value = value.substring(1, value.length() - 1).replace("\\n", "\n").replace("\\t", "\t")
                            .replace("\\\"", "\"").replace("\\\\", "\\");
                    try {
                        // width, precision and '-' as C's for a string (Java's %s takes the same)
                        folded.append(text, from, conv.start()).append(String.format(spec, value).replace("%", "%%"));
                    } catch (java.util.IllegalFormatException e) {
                        g.notYet(c.pos(), "printf's " + spec + " (flags other than '-' with %s)");
                        return "0.0";
                    }
                } else if (CFormat.NUMBER_CONVERSIONS.indexOf(conv.letter()) >= 0 && !string) {
                    folded.append(text, from, conv.end());
                    numbers.add(values.get(j));
                } else {
                    // %s of a number: C reads a pointer where nocmodl passed a double (NEURON crashes or prints
                    // garbage); a number's conversion of a string: C reads a double or int that is not there
                    g.error(c.pos(), "printf's conversion %" + conv.letter() + " of " + (string ? "a string"
                            : "a number") + " is not supported: NEURON's C printf would read " + (string
                            ? "a number where nocmodl passes a string" : "a string's pointer where nocmodl passes a"
                            + " double") + " (undefined: garbage or a crash)");
                    return "0.0";
                }
                from = conv.end();
            }
            folded.append(text, from, text.length());
            text = folded.toString();
            literal = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t") + "\"";
            values = numbers;
        }
        String problem = CFormat.check(text, values.size());
        if (problem != null) {
            g.notYet(c.pos(), "printf with " + problem);
            return "0.0";
        }
        return "org.spineformer.nmodl.gen.CFormat.print(" + literal + ", new double[] {" + String.join(", ", values)
                + "})";
    }

    String call(Expr.Call c) {
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(c.name().equals("printf") && a instanceof Expr.Str ? "" : num(a));
        }
        String joined = String.join(", ", args);
        if (g.functions.containsKey(c.name())) {
            String tabulated = g.callTables.call(c, args, this);
            String java = tabulated != null ? tabulated
                    : "f_" + c.name() + "(k, s" + (args.isEmpty() ? "" : ", " + joined) + ")";
            return g.shared == null ? java : g.shared.computeIfAbsent(java, x -> "u_" + g.shared.size());
        }
        if (g.procedures.containsKey(c.name())) {
            return (g.slice != null && g.slice.sliced().containsKey(c.name()) ? g.slice.prefix() : "p_") + c.name()
                    + "(k, s" + (args.isEmpty() ? "" : ", " + joined) + ")";
        }
        if (c.name().equals("net_send") && args.size() == 2 && (g.inNetReceive || g.inInitial)) {
            // nocmodl's net_send(t + delay, flag): an event of the instance to itself, with the weight of the
            // event being received (none from INITIAL)
            // (k is the slot: instance k / lanes in trial k % lanes)
            return (g.usesNetMove ? "sendSelf(k, s, " : "s.events.send(this, " + (g.inNetReceive ? "instance, lane, "
                    : "k / lanes, k % lanes, "))
                    + (g.inNetReceive ? "te" : "s.t") + " + " + args.get(0) + ", " + (g.inNetReceive ? "weight" : "0.0")
                    + ", " + args.get(1) + ", " + (g.inNetReceive ? "c" : "-1") + ")";
        }
        if (c.name().equals("net_move") && args.size() == 1 && g.inNetReceive) {
            // netcvode.cpp's net_move: the pending event net_send gave flag 1 gets the time given (absolute)
            return "moveSelf(k, s, te, " + args.get(0) + ")";
        }
        if (c.name().equals("net_event") && args.size() == 1 && g.inNetReceive) {
            // an event out of the instance at the given time, to its connections (the engine's event sources)
            return "s.events.emit(this, instance, lane, " + args.get(0) + ")";
        }
        if (c.name().equals("printf") && !c.args().isEmpty() && c.args().get(0) instanceof Expr.Str f) {
            return printf(c, f, args.subList(1, args.size()));
        }
        if (c.name().equals("at_time") && args.size() == 1) {
            // cvodestb.cpp at_time, fixed step: 1 in the step whose time reaches te (less 1e-11), else 0
            g.usesAtTime = true;
            return "atTime(" + args.get(0) + ", s)";
        }
        if (c.name().equals("pow") && c.args().size() == 2 && g.isMath("pow")) {
            String integer = integerPower(c.args().get(0), c.args().get(1));
            if (integer != null) {
                return integer;
            }
        }
        if (g.memoCalls && !g.hoisting && Set.of("exp", "pow", "log", "log10").contains(c.name()) && g.isMath(c.name())
                && c.args().stream().allMatch(this::readsNoStepVariable)) {
            List<Boolean> keyed = c.args().stream().map(arg -> !isConstant(arg)).toList();
            return g.decayMemo.call(mathFunction(c), args, keyed);
        }
        String random = switch (c.name()) {
            case "scop_random" -> args.isEmpty() ? "random" : null;
            case "set_seed" -> args.size() == 1 ? "setSeed" : null;
            case "exprand" -> args.size() == 1 ? "exprand" : null;
            case "normrand" -> args.size() == 2 ? "normrand" : null;
            default -> null;
        };
        if (random != null) {
            // NEURON's default generator (ScopRandom), one stream per trial: the slot's lane
            return "org.spineformer.nmodl.gen.ScopRandom." + random + "(s, k % lanes" + (args.isEmpty() ? "" : ", "
                    + joined) + ")";
        }
        if (g.functionTables.containsKey(c.name()) && (args.size() == 1 || args.size() == 2)) {
            // hoc_func_table's look-up in the values the model gave (FunctionTable), shared by the instances
            return "org.spineformer.nmodl.gen.FunctionTable.call(mechanism(), " + g.functionTables.get(c.name()) + ", "
                    + joined + ")";
        }
        if (g.functionTables.containsKey(c.name())) {
            // three or more: the point at or below each argument, its index built argument by argument
            String table = "mechanism(), " + g.functionTables.get(c.name());
            String j = "0";
            for (int i = 0; i < args.size(); i++) {
                j = "org.spineformer.nmodl.gen.FunctionTable.point(" + table + ", " + j + ", " + i + ", "
                        + args.get(i) + ")";
            }
            return "org.spineformer.nmodl.gen.FunctionTable.valueAt(" + table + ", " + j + ")";
        }
        if (c.name().equals("exp") && g.memoExp && !g.hoisting) {
            return "memoExp(" + joined + ")"; // RepeatedExp
        }
        if (JavaGenerator.MATH.contains(c.name())) {
            return switch (c.name()) {
                case "fabs" -> "Math.abs(" + joined + ")";
                case "fmod" -> "(" + args.get(0) + " % " + args.get(1) + ")";
                default -> mathFunction(c) + "(" + joined + ")";
            };
        }
        if (c.name().equals("nrn_ghk") && args.size() == 4) {
            // NEURON's C function (eion.cpp), which nocmodl lets a mod file call undeclared; celsius the thread's
            return "org.spineformer.nmodl.gen.IonFunctions.nrnGhk(" + joined + ", s.celsius)";
        }
        g.notYet(c.pos(), "the function " + c.name() + "()");
        return "0.0";
    }

    /** {@code a^b} (nocmodl's {@code pow(a, b)}). */
    private String power(Expr a, Expr b) {
        String integer = integerPower(a, b);
        return integer != null ? integer : g.powOrLog("pow", fixed(a, this::isLocal, g) && fixed(b, this::isLocal, g))
                + "(" + num(a) + ", " + num(b) + ")";
    }

    /** {@code pow(a, 3)} or {@code pow(a, 4)} by {@link IntegerPower} (unless turned off), else null. */
    private String integerPower(Expr a, Expr b) {
        int n = IntegerPower.exponent(b);
        return n == 0 || !g.integerPowers ? null
                : IntegerPower.class.getName() + ".pow" + n + "(" + num(a) + ")";
    }

    /** Whether the expression calls nothing and reads no v, t or STATE: what changes every step. */
    boolean readsNoStepVariable(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            return v.index() == null && !isLocal(v.name()) && !v.name().equals("v") && !v.name().equals("t")
                    && g.mod.declarations("STATE").noneMatch(d -> d.name().equals(v.name()));
        }
        if (e instanceof Expr.Unary u) {
            return readsNoStepVariable(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return readsNoStepVariable(b.left()) && readsNoStepVariable(b.right());
        }
        return false;
    }

    /** The Java of a C math function's call: Math's, and exp, pow and log as {@link JavaGenerator} chooses. */
    String mathFunction(Expr.Call c) {
        return switch (c.name()) {
            case "exp" -> g.exp();
            case "pow", "log" -> g.powOrLog(c.name(), c.args().stream().allMatch(a -> fixed(a, this::isLocal, g)));
            default -> "Math." + c.name();
        };
    }

    /**
     * Whether the expression reads only numbers, celsius and PARAMETERs (neither v nor an ion variable), none of
     * them a local of the emitter ({@code isLocal}): its pow or log keeps Math's bits (JavaGenerator.powOrLog). The
     * scalar and the vector emitter decide alike, each with its own locals.
     */
    static boolean fixed(Expr e, java.util.function.Predicate<String> isLocal, JavaGenerator g) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            return v.index() == null && !isLocal.test(n) && (n.equals("celsius") || !n.equals("v")
                    && !g.isIonVariable(n) && g.mod.declarations("PARAMETER").anyMatch(d -> d.name().equals(n)));
        }
        if (e instanceof Expr.Unary u) {
            return fixed(u.operand(), isLocal, g);
        }
        return e instanceof Expr.Binary b && fixed(b.left(), isLocal, g) && fixed(b.right(), isLocal, g);
    }
}
