package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.morph.Pt3d;

/**
 * Reads a morphology written as hoc code, the way NEURON runs it: the files NEURON's CellBuilder and Import3d
 * "Export hoc" write, and the many published models whose cell is such a file ({@code create soma, dend[38]},
 * {@code connect dend[1](0), dend[0](1)}, {@code dend[1] {pt3dclear() pt3dadd(x, y, z, d) ...}}, wrapped in
 * procedures such as {@code topol()} and {@code basic_shape()}, with {@code for} loops over indices).
 *
 * <p>Only the geometry is interpreted: {@code create}, {@code connect} (either form), section statements and blocks,
 * {@code access}, {@code forall}, {@code pt3dclear}, {@code pt3dadd}, {@code pt3dstyle}, {@code L} and {@code diam}
 * assigned, procedures without arguments and their calls, {@code for i = a, b}, numeric variables, and
 * {@code fscan()} reading numbers that follow in the file itself. Statements that set up the model rather than its
 * shape ({@code forsec}, {@code if}, {@code nseg}, {@code cm}, {@code Ra}, {@code insert}, section lists, calls of
 * other functions) are not run and are listed in the warnings, because the cell description gives nseg and the
 * membrane; one of them that would change the shape (in {@code forsec} or {@code if}: {@code L} or {@code diam}
 * assigned, 3-D points or connections made, data read) is an error, as is any construct outside this subset, naming
 * the line. Sections are in the order they were created (NEURON's order), each with its 3-D points stored as
 * {@code pt3dadd} stores them (single precision), or, without points, as the cylinder its L and diam give
 * (NEURON's stylized section). As in NEURON, L set on a section with points stretches them ({@code
 * nrn_length_change}) and diam set rewrites their diameters ({@code nrn_diam_change}); points added later replace
 * L and diam.
 *
 * <p>{@code fscan()} reads as NEURON's does when the file is {@code xopen}ed or {@code load_file}d ({@code
 * hoc_scan} on the file being run): hoc reads a whole top-level statement before it runs it, so the data start on
 * the line after the one where the running top-level statement ends; each call takes the next whitespace-separated
 * word that is a number (skipping words that are not), and the code goes on after the last number read.
 */
final class HocMorphologyReader {
    /** Statements that introduce names this reader has no use for: the rest of the line is not read. */
    private static final Set<String> DECLARATIONS = Set.of("objref", "objectvar", "strdef", "local", "double",
            "public", "external");
    /** Names that, when assigned or called in code that is not run, would change the geometry. */
    private static final Set<String> SHAPE = Set.of("L", "diam", "pt3dadd", "pt3dclear", "pt3dinsert", "pt3dchange",
            "pt3dremove", "connect", "create", "disconnect", "delete_section", "define_shape_from");

    /** The file being run and its lexer (several files run one after the other, as hoc's xopen runs them). */
    private String file;
    private Lexer lexer;
    private final List<Token> tokens = new ArrayList<>(); // lexed as the parser needs them (fscan data are not code)
    private int pos;

    private final Map<String, Integer> arraySizes = new LinkedHashMap<>(); // in creation order; scalars: -1
    private final Map<String, Sec> sections = new LinkedHashMap<>();
    private final Map<String, Double> variables = new HashMap<>();
    private final Map<String, Integer> procedures = new HashMap<>(); // name -> token index of its body's '{'
    /** Procedures of the files run before this one (hoc still knows them; this reader keeps only a file's tokens). */
    private final Set<String> earlierProcedures = new LinkedHashSet<>();
    private final List<Sec> stack = new ArrayList<>();
    private Sec accessed;
    /** What was not run in the files run before this one, as warnings. */
    private final List<String> earlierWarnings = new ArrayList<>();
    /** What was not run, with the lines where it was (a statement run once per section is listed once). */
    private final Map<String, Set<Integer>> notRunAt = new LinkedHashMap<>();
    /** Set while a statement is parsed but not run when it would change the geometry. */
    private String shapeChange;
    /** Token index where the running top-level statement starts (the statement hoc has read before running it). */
    private int topStatement;
    /** Whether that statement's fscan() data have been located. */
    private boolean dataLocated;

    private HocMorphologyReader() {
        variables.put("PI", Math.PI); // hoc's constants
        variables.put("E", Math.E);
    }

    static ImportedMorphology read(String file, String text) {
        return read(List.of(new HocFile(file, text)));
    }

    /**
     * Runs the files one after the other in one interpreter, as NEURON runs a model's {@code xopen("a.hoc")
     * xopen("b.hoc")}: sections, variables and the accessed section carry over (Golding et al. 2001's dendrites in
     * one file, their axon connected to the soma in the next).
     */
    static ImportedMorphology read(List<HocFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no hoc file to read");
        }
        HocMorphologyReader r = new HocMorphologyReader();
        for (HocFile f : files) {
            r.run(f);
        }
        return r.result(files.get(0).name());
    }

    /** A hoc file's name (for messages) and text. */
    record HocFile(String name, String text) {
    }

    private void run(HocFile f) {
        if (file != null) {
            earlierWarnings.addAll(warnings());
            notRunAt.clear();
            earlierProcedures.addAll(procedures.keySet());
            procedures.clear();
            tokens.clear();
            pos = 0;
        }
        file = f.name();
        lexer = new Lexer(f.text());
        statements(true, false);
    }

    /** ERROR: text that is not hoc (its message in text), an error only if it is parsed as code. */
    private enum Kind { ID, NUM, STR, PUNCT, NL, EOF, ERROR }

    /** A token and where it lies in the text ({@code end}: the offset just after it). */
    private record Token(Kind kind, String text, int line, int end) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.ID) && text.equals(s);
        }
    }

    /**
     * How a value is evaluated: not at all (code that is parsed, not run), fully (geometry: anything it cannot
     * evaluate is an error), or as far as it can (a statement that is not geometry: its fscan() calls still read
     * their data, anything else unknown is NaN).
     */
    private enum Eval { SKIP, RUN, LENIENT }

    /** A created section while the file runs. */
    private static final class Sec {
        final String name;
        Sec parent;
        double parentX;
        String file;
        int line;
        final List<double[]> points = new ArrayList<>();
        /** The points once L or diam set by code has changed them (NEURON's floats); null before. */
        Pt3d changed;
        /** L and diam set by code while the section has no 3-D points; NaN until set. */
        double length = Double.NaN;
        double diam = Double.NaN;
        ImportedSection.Wire wire;

        Sec(String name) {
            this.name = name;
        }

        int pointCount() {
            return changed != null ? changed.size() : points.size();
        }

        /** Its 3-D points as NEURON holds them (at least two). */
        Pt3d shape() {
            if (changed != null) {
                return changed;
            }
            double[][] p = new double[4][points.size()];
            for (int i = 0; i < points.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    p[k][i] = points.get(i)[k];
                }
            }
            return Pt3d.of(p[0], p[1], p[2], p[3]);
        }
    }

    // ---------------------------------------------------------------- statements

    /** Statements until '}' (inside a block) or the end of the file. */
    private void statements(boolean run, boolean inBlock) {
        while (true) {
            skipNewlines();
            if (!inBlock) {
                topStatement = pos;
                dataLocated = false;
            }
            Token t = peek();
            if (t.kind == Kind.EOF) {
                if (inBlock) {
                    throw error(t, "missing '}'");
                }
                return;
            }
            if (t.is("}")) {
                if (!inBlock) {
                    throw error(t, "'}' without '{'");
                }
                return;
            }
            statement(run);
        }
    }

    private void statement(boolean run) {
        Token t = peek();
        if (t.is("{")) {
            block(run);
            return;
        }
        if (t.kind == Kind.ERROR) {
            throw error(t, t.text);
        }
        if (t.kind != Kind.ID) {
            throw error(t, "unexpected '" + t.text + "'");
        }
        switch (t.text) {
            case "proc" -> procedure();
            case "create" -> create(run);
            case "connect" -> {
                next();
                connect(run, null);
            }
            case "access" -> {
                next();
                Sec s = section(run);
                if (run) {
                    accessed = s;
                }
            }
            case "for" -> forLoop(run);
            case "forall" -> forall(run);
            case "forsec", "ifsec", "insert", "uninsert", "if", "while", "print", "load_file", "xopen",
                 "load_proc", "nrn_load_dll" -> notRun(run);
            case "func", "begintemplate", "endtemplate", "iterator" ->
                    throw error(t, "'" + t.text + "' is not part of the hoc this reader runs (create, connect, "
                            + "pt3dadd, proc, for; docs/user/morphology.md)");
            default -> {
                if (DECLARATIONS.contains(t.text)) {
                    skipLine();
                } else if (isSectionName(t.text) && !peekAt(1).is("=") && !peekAt(1).is(".")
                        || !run && (peekAt(1).is("[") && !assignedElementAhead() || peekAt(1).is("{"))) {
                    sectionStatement(run); // a name not yet created: in a procedure read before create
                } else {
                    simple(run);
                }
            }
        }
    }

    private void block(boolean run) {
        expect("{");
        statements(run, true);
        expect("}");
    }

    private void procedure() {
        next();
        Token name = expectId();
        expect("(");
        expect(")");
        skipNewlines();
        procedures.put(name.text, pos);
        block(false);
    }

    private void create(boolean run) {
        Token keyword = next();
        do {
            skipNewlines();
            Token name = expectId();
            int size = -1;
            if (peek().is("[")) {
                next();
                double n = expression(eval(run));
                expect("]");
                size = run ? index(name, n) : 0;
            }
            if (run) {
                if (arraySizes.containsKey(name.text)) {
                    throw error(name, "section " + name.text + " is created again: re-creating sections is not "
                            + "read (NEURON would delete the first ones)");
                }
                arraySizes.put(name.text, size);
                for (int i = 0; i < Math.max(size, 1); i++) {
                    String full = size < 0 ? name.text : name.text + "[" + i + "]";
                    Sec s = new Sec(full);
                    s.file = file;
                    s.line = keyword.line;
                    sections.put(full, s);
                }
            } else {
                shapeChange = "create";
            }
        } while (accept(","));
    }

    /** {@code connect child(x), parent(y)}, {@code connect child(x), y} or {@code parent connect child(x), y}. */
    private void connect(boolean run, Sec parentGiven) {
        if (!run) {
            shapeChange = "connect";
        }
        Token at = peek();
        Sec child = section(run);
        expect("(");
        double childX = expression(eval(run));
        expect(")");
        expect(",");
        Sec parent = parentGiven;
        double parentX;
        if (parentGiven == null && peek().kind == Kind.ID && isSectionName(peek().text)) {
            parent = section(run);
            expect("(");
            parentX = expression(eval(run));
            expect(")");
        } else {
            parentX = expression(eval(run));
            if (parent == null && run) {
                parent = current(at);
            }
        }
        if (!run) {
            return;
        }
        if (childX != 0) {
            throw error(at, "connect " + child.name + "(" + fmt(childX) + "): only a section's 0-end connected to its"
                    + " parent is read");
        }
        if (!(parentX >= 0 && parentX <= 1)) {
            throw error(at, "connect " + child.name + " to " + parent.name + "(" + fmt(parentX) + "): x must be in "
                    + "[0, 1]");
        }
        if (child.parent != null) {
            throw error(at, "section " + child.name + " is connected twice (to " + child.parent.name + " and "
                    + parent.name + ")");
        }
        for (Sec p = parent; p != null; p = p.parent) {
            if (p == child) {
                throw error(at, "connecting " + child.name + " to " + parent.name + " makes a loop");
            }
        }
        child.parent = parent;
        child.parentX = parentX;
    }

    /** hoc's {@code for i = a, b}: a and b evaluated once, then i from a while i <= b + float_epsilon. */
    private void forLoop(boolean run) {
        next();
        Token var = expectId();
        expect("=");
        double from = expression(eval(run));
        expect(",");
        double to = expression(eval(run)) + HocCompare.EPSILON;
        skipNewlines();
        int body = pos;
        if (!run || !(from <= to)) {
            statement(false);
            return;
        }
        int end = body;
        // the variable keeps the value that ended the loop, as in hoc (shortfor)
        for (variables.put(var.text, from); variables.get(var.text) <= to;
                variables.put(var.text, variables.get(var.text) + 1)) {
            pos = body;
            statement(true);
            end = pos;
        }
        pos = end;
    }

    /** {@code forall statement}: the statement run on every section, in creation order. */
    private void forall(boolean run) {
        next();
        int body = pos;
        if (!run || sections.isEmpty()) {
            statement(false);
            return;
        }
        int end = body;
        for (Sec s : List.copyOf(sections.values())) {
            pos = body;
            stack.add(s);
            statement(true);
            stack.remove(stack.size() - 1);
            end = pos;
        }
        pos = end;
    }

    /** {@code sec statement}, {@code sec { ... }} or {@code parent connect child(0), x}. */
    private void sectionStatement(boolean run) {
        Sec s = section(run);
        if (peek().is("connect")) {
            next();
            connect(run, s);
            return;
        }
        if (run) {
            stack.add(s);
        }
        statement(run);
        if (run) {
            stack.remove(stack.size() - 1);
        }
    }

    /** Calls, assignments and object statements. */
    private void simple(boolean run) {
        Token t = peek();
        Token after = peekAt(1);
        if (after.is("(")) {
            call(run);
        } else if (after.is("=") && (peekAt(2).is("new") || peekAt(2).kind == Kind.STR)) {
            skipLine(); // all = new SectionList(), name = "j7" (a strdef)
        } else if (after.is(".")) {
            if (run && isSectionName(t.text) && SHAPE.contains(peekAt(2).text)) {
                throw error(t, t.text + "." + peekAt(2).text + " changes the geometry in a way this reader does not"
                        + " run (dot notation)");
            }
            skipLine(); // all.append(), an object's method
        } else if (after.is("[")) {
            arrayElement(run);
        } else if (isAssignment(after)) {
            assignment(run);
        } else {
            throw error(t, "unexpected '" + t.text + "'");
        }
    }

    /**
     * Whether the statement ahead is {@code name[...] = ...}: an element of an array of numbers assigned (Golding
     * et al. 2001's {@code original_diam[i] = ...} in a procedure never called), not a section array's statement.
     */
    private boolean assignedElementAhead() {
        int depth = 0;
        for (int k = 1; ; k++) {
            Token t = peekAt(k);
            if (t.kind == Kind.EOF || t.kind == Kind.NL) {
                return false;
            }
            depth += t.is("[") ? 1 : t.is("]") ? -1 : 0;
            if (depth == 0) {
                return isAssignment(peekAt(k + 1));
            }
        }
    }

    private static boolean isAssignment(Token op) {
        return op.kind == Kind.PUNCT && op.text.endsWith("=") && !op.is("==");
    }

    /** {@code x[i] = value} of an array of numbers: not geometry (its values are not read); its fscan() calls read. */
    private void arrayElement(boolean run) {
        Token name = next();
        Eval mode = run ? Eval.LENIENT : Eval.SKIP;
        expect("[");
        expression(mode);
        expect("]");
        Token op = next();
        if (!isAssignment(op)) {
            throw error(op, "unexpected '" + op.text + "'");
        }
        expression(mode);
        warn(name, name.text + "[...] " + op.text + " ... (an array of numbers)");
    }

    private void call(boolean run) {
        Token name = next();
        int start = pos;
        boolean geometry = name.is("pt3dadd") || name.is("pt3dstyle");
        List<Double> args = arguments(!run ? Eval.SKIP : geometry ? Eval.RUN : Eval.LENIENT);
        switch (name.text) {
            case "pt3dclear" -> {
                if (run) {
                    Sec s = current(name);
                    if (s.pointCount() > 0) { // NEURON keeps L and diam of the points cleared: not read here
                        s.length = Double.NaN;
                        s.diam = Double.NaN;
                    }
                    // NEURON's nrn_pt3dclear frees the points only: a pt3dstyle logical connection stays
                    s.points.clear();
                    s.changed = null;
                } else {
                    shapeChange = name.text;
                }
            }
            case "pt3dadd" -> {
                if (!run) {
                    shapeChange = name.text;
                } else if (args.size() != 4) {
                    throw error(name, "pt3dadd needs x, y, z, diam, got " + args.size() + " values");
                } else if (current(name).changed != null) {
                    throw error(name, "pt3dadd on " + current(name).name + " after L or diam set by code changed "
                            + "its 3-D points: not read");
                } else {
                    current(name).points.add(new double[] {args.get(0), args.get(1), args.get(2), args.get(3)});
                }
            }
            case "fscan" -> {
                if (run) {
                    fscan(name);
                } else {
                    shapeChange = name.text;
                }
            }
            case "pt3dstyle" -> {
                if (run) {
                    Sec s = current(name);
                    s.wire = args.size() == 4 && args.get(0) != 0 ? new ImportedSection.Wire(args.get(1).floatValue(),
                            args.get(2).floatValue(), args.get(3).floatValue()) : null;
                }
            }
            case "define_shape" -> {
                // moves sections of 3-D points to their connection points: coordinates only, the geometry is
                // unchanged; but it gives a section without points new ones (float diameters, one per segment)
                for (Sec s : sections.values()) {
                    if (run && s.pointCount() == 0) {
                        throw error(name, "define_shape() gives " + s.name + ", a section without 3-D points, "
                                + "points of its own: not run");
                    }
                }
            }
            case "ropen" -> {
                if (run) {
                    throw error(name, "ropen() makes fscan() read another file: not run");
                }
            }
            default -> {
                if (SHAPE.contains(name.text)) {
                    if (run) {
                        throw error(name, name.text + "() changes the geometry in a way this reader does not run");
                    }
                    shapeChange = name.text; // in a procedure's definition: an error only if it is called
                }
                Integer body = procedures.get(name.text);
                if (body == null && run && earlierProcedures.contains(name.text)) {
                    throw error(name, "procedure " + name.text + " was defined in a file run before this one: "
                            + "calling it from another file is not run");
                }
                if (body == null) {
                    if (run) {
                        warn(name, name.text + "()");
                    }
                } else if (run) {
                    if (pos != start + 2) {
                        throw error(name, "procedure " + name.text + " is called with arguments: procedures with "
                                + "arguments are not run");
                    }
                    int back = pos;
                    pos = body;
                    block(true);
                    pos = back;
                }
            }
        }
    }

    private void assignment(boolean run) {
        Token name = next();
        Token op = next();
        boolean shape = name.text.equals("L") || name.text.equals("diam");
        boolean membrane = !shape && (Set.of("nseg", "Ra", "cm").contains(name.text) || !stack.isEmpty());
        double value = expression(!run ? Eval.SKIP : membrane ? Eval.LENIENT : Eval.RUN);
        if (shape) {
            if (run) {
                setShape(name, op, value);
            } else {
                shapeChange = name.text;
            }
        } else if (membrane) {
            if (run) {
                warn(name, name.text + " " + op.text + " ... (the cell description gives nseg and the membrane)");
            }
        } else if (run) {
            double old = variables.getOrDefault(name.text, 0.0);
            variables.put(name.text, switch (op.text) {
                case "=" -> value;
                case "+=" -> old + value;
                case "-=" -> old - value;
                case "*=" -> old * value;
                case "/=" -> old / value;
                default -> throw error(op, "unexpected '" + op.text + "'");
            });
        }
    }

    /**
     * {@code L = value} or {@code diam = value} on the current section, as NEURON does it: on a section without 3-D
     * points it is the section's cylinder; on one with points, L stretches them ({@code nrn_length_change}) and diam
     * gives every point that diameter ({@code nrn_diam_change}: each point takes its segment's, here all the same).
     */
    private void setShape(Token name, Token op, double value) {
        if (!op.is("=")) {
            throw error(op, name.text + " " + op.text + " ...: only '=' is run for L and diam");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(name, name.text + " = " + value + ": must be finite and > 0");
        }
        Sec s = current(name);
        int n = s.pointCount();
        if (n == 0) {
            if (name.is("L")) {
                s.length = value;
            } else {
                s.diam = value;
            }
            return;
        }
        if (n == 1) {
            throw error(name, "sets " + name.text + " of " + s.name + ", which has one 3-D point: not read");
        }
        try {
            Pt3d p = s.shape();
            double[] diam = new double[p.size()];
            Arrays.fill(diam, value);
            s.changed = name.is("L") ? p.stretchedTo(value) : p.withDiameters(diam);
        } catch (IllegalArgumentException e) {
            throw error(name, "section " + s.name + ": " + e.getMessage());
        }
    }

    private void warn(Token at, String what) {
        notRunAt.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(at.line);
    }

    /** One warning per kind of statement not run: its first line, and how many other lines have it. */
    private List<String> warnings() {
        List<String> out = new ArrayList<>();
        notRunAt.forEach((what, lines) -> {
            int more = lines.size() - 1;
            out.add("not run, not geometry: " + file + ":" + lines.iterator().next()
                    + (more == 0 ? "" : " (and " + more + " more line" + (more > 1 ? "s" : "") + ")") + ": " + what);
        });
        return out;
    }

    /** A statement that sets up the model, not its shape: parsed, not run, listed in the warnings. */
    private void notRun(boolean run) {
        Token t = peek();
        String before = shapeChange;
        shapeChange = null;
        next();
        if (t.is("forsec") || t.is("ifsec")) {
            next(); // a list or a quoted name
        }
        if (t.is("if") || t.is("while")) {
            expect("(");
            skipBalanced();
        }
        if (t.is("insert") || t.is("uninsert")) {
            expectId();
        } else if (t.is("print") || t.is("load_file") || t.is("xopen") || t.is("load_proc")
                || t.is("nrn_load_dll")) {
            skipLine();
        } else {
            statement(false);
            if (t.is("if")) {
                skipNewlines();
                if (accept("else")) {
                    statement(false);
                }
            }
        }
        if (shapeChange != null && run) {
            throw error(t, "'" + t.text + "' statement changes the geometry (" + shapeChange + "): code that makes "
                    + "or reshapes sections, or reads data, is read only outside forsec, if and while");
        }
        if (shapeChange == null) { // in a procedure's definition it stays set: an error if the procedure runs
            shapeChange = before;
        }
        if (run) {
            warn(t, t.text + " ...");
        }
    }

    // ---------------------------------------------------------------- sections

    private boolean isSectionName(String name) {
        return arraySizes.containsKey(name);
    }

    /** {@code name} or {@code name[expr]} of a created section ({@code dend} is {@code dend[0]}, as in hoc). */
    private Sec section(boolean run) {
        Token name = expectId();
        Integer size = arraySizes.get(name.text);
        if (size == null && run) {
            throw error(name, "no section named " + name.text + " has been created");
        }
        int i = 0;
        if (peek().is("[")) {
            next();
            double v = expression(eval(run));
            expect("]");
            if (run) {
                i = index(name, v);
            }
        }
        if (!run) {
            return null;
        }
        if (size < 0 && i != 0 || size >= 0 && i >= Math.max(size, 1)) {
            throw error(name, name.text + "[" + i + "] does not exist: " + (size < 0 ? name.text + " is not an array"
                    : "created with " + size));
        }
        return sections.get(size < 0 ? name.text : name.text + "[" + i + "]");
    }

    private Sec current(Token at) {
        if (!stack.isEmpty()) {
            return stack.get(stack.size() - 1);
        }
        if (accessed != null) {
            return accessed;
        }
        if (sections.isEmpty()) {
            throw error(at, at.text + " before any section was created");
        }
        return sections.values().iterator().next(); // NEURON's default: the first section created
    }

    private int index(Token at, double v) {
        if (v != Math.rint(v) || v < 0 || v > 1_000_000) {
            throw error(at, at.text + ": index or size " + fmt(v) + " is not a whole number >= 0");
        }
        return (int) v;
    }

    private ImportedMorphology result(String source) {
        List<Sec> all = new ArrayList<>(sections.values());
        Map<Sec, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        List<ImportedSection> out = new ArrayList<>();
        for (Sec s : all) {
            Pt3d points = null;
            ImportedSection.Cylinder cylinder = null;
            if (s.pointCount() == 0) {
                if (Double.isNaN(s.length) || Double.isNaN(s.diam)) {
                    throw new MorphologyFileException(s.file, s.line, "section " + s.name + " has no 3-D points and "
                            + (Double.isNaN(s.length) && Double.isNaN(s.diam) ? "neither L nor diam"
                            : Double.isNaN(s.length) ? "no L" : "no diam") + " set by code (NEURON's defaults, L "
                            + "100 and diam 500 um, are not taken)");
                }
                cylinder = new ImportedSection.Cylinder(s.length, s.diam);
            } else if (s.pointCount() == 1) {
                throw new MorphologyFileException(s.file, s.line, "section " + s.name + " has 1 3-D point: a section"
                        + " given by points needs at least two (pt3dadd)");
            } else {
                try {
                    points = s.shape();
                } catch (IllegalArgumentException e) {
                    throw new MorphologyFileException(s.file, s.line, "section " + s.name + ": " + e.getMessage());
                }
            }
            String array = s.name.contains("[") ? s.name.substring(0, s.name.indexOf('[')) : s.name;
            out.add(new ImportedSection(s.name, typeOf(array), s.parent == null ? -1 : index.get(s.parent),
                    s.parent == null ? 0 : s.parentX, points, s.wire, cylinder));
        }
        List<String> warnings = new ArrayList<>(earlierWarnings);
        warnings.addAll(warnings());
        return new ImportedMorphology(source, ImportedMorphology.SomaKind.CODE, out, warnings);
    }

    /** The SWC type of NEURON's usual names (soma 1, axon 2, dend 3, apic 4); 0 for any other. */
    private static int typeOf(String array) {
        return switch (array) {
            case "soma" -> 1;
            case "axon" -> 2;
            case "dend" -> 3;
            case "apic" -> 4;
            default -> 0;
        };
    }

    // ---------------------------------------------------------------- expressions

    private static Eval eval(boolean run) {
        return run ? Eval.RUN : Eval.SKIP;
    }

    private List<Double> arguments(Eval mode) {
        expect("(");
        List<Double> args = new ArrayList<>();
        skipNewlines();
        if (accept(")")) {
            return args;
        }
        do {
            skipNewlines();
            if (peek().kind == Kind.STR) {
                next();
                args.add(Double.NaN);
            } else {
                args.add(expression(mode));
            }
            skipNewlines();
        } while (accept(","));
        expect(")");
        return args;
    }

    private double expression(Eval mode) {
        double v = term(mode);
        while (peek().is("+") || peek().is("-")) {
            boolean plus = next().is("+");
            double r = term(mode);
            v = plus ? v + r : v - r;
        }
        return v;
    }

    private double term(Eval mode) {
        double v = power(mode);
        while (peek().is("*") || peek().is("/")) {
            boolean times = next().is("*");
            double r = power(mode);
            v = times ? v * r : v / r;
        }
        return v;
    }

    private double power(Eval mode) {
        double v = unary(mode);
        if (accept("^")) {
            return Math.pow(v, power(mode));
        }
        return v;
    }

    private double unary(Eval mode) {
        if (accept("-")) {
            return -unary(mode);
        }
        if (accept("+")) {
            return unary(mode);
        }
        Token t = next();
        if (t.kind == Kind.NUM) {
            return Double.parseDouble(t.text);
        }
        if (t.is("(")) {
            double v = expression(mode);
            expect(")");
            return v;
        }
        if (t.kind == Kind.ID) {
            if (peek().is("(")) { // a function's value: fscan() is read, others only in code that is not run
                if (mode == Eval.RUN && !t.is("fscan")) {
                    throw error(t, "function " + t.text + "() in a value: not run by this reader");
                }
                List<Double> args = arguments(mode);
                if (t.is("fscan")) {
                    if (!args.isEmpty()) {
                        throw error(t, "fscan() takes no arguments");
                    }
                    if (mode == Eval.SKIP) {
                        shapeChange = t.text; // data read in code that is not run: an error if it would run
                        return 0;
                    }
                    return fscan(t);
                }
                return Double.NaN;
            }
            if (peek().is("[") || peek().is(".")) { // an array element or a section's value: not run
                if (mode == Eval.RUN) {
                    throw error(t, t.text + peek().text + "... in a value: not run by this reader");
                }
                if (next().is("[")) {
                    expression(mode);
                    expect("]");
                } else {
                    expectId();
                    if (peek().is("(")) {
                        arguments(mode); // a range variable at x: somaA.diam(i/41)
                    }
                }
                return Double.NaN;
            }
            if (SHAPE.contains(t.text) && peek().is("=")) {
                shapeChange = t.text;
            }
            Double v = variables.get(t.text);
            if (v == null && mode == Eval.RUN) {
                throw error(t, t.text.equals("L") || t.text.equals("diam")
                        ? "reads " + t.text + " of a section in a value: not run by this reader"
                        : "variable " + t.text + " is not defined");
            }
            return v == null ? Double.NaN : v;
        }
        throw error(t, t.kind == Kind.ERROR ? t.text : "unexpected '" + t.text + "' in a value");
    }

    /**
     * hoc's {@code fscan()} on the file being run: the data start after the line where the running top-level
     * statement ends (located at the first call), and each call reads the next number ({@link Lexer#scan}).
     */
    private double fscan(Token at) {
        if (!dataLocated) {
            int back = pos;
            String change = shapeChange;
            pos = topStatement;
            statement(false); // parsed only, to find where it ends: hoc reads all of it before it runs it
            int last = pos - 1;
            while (last > topStatement && tokenAt(last).kind == Kind.NL) {
                last--;
            }
            int k = last + 1;
            while (tokenAt(k).kind != Kind.NL && tokenAt(k).kind != Kind.EOF) {
                k++;
            }
            Token lineEnd = tokenAt(k);
            tokens.subList(k + 1, tokens.size()).clear(); // lexed ahead: the data, not code
            lexer.moveTo(lineEnd.end, lineEnd.kind == Kind.NL ? lineEnd.line + 1 : lineEnd.line);
            pos = back;
            shapeChange = change;
            dataLocated = true;
        }
        return lexer.scan(file, at.line);
    }

    // ---------------------------------------------------------------- tokens

    /** Token i, lexed when first needed (so that fscan() data after the running statement are not lexed as code). */
    private Token tokenAt(int i) {
        while (tokens.size() <= i && (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind != Kind.EOF)) {
            tokens.add(lexer.token());
        }
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    private Token peek() {
        return tokenAt(pos);
    }

    private Token peekAt(int offset) {
        return tokenAt(Math.max(pos + offset, 0));
    }

    private Token next() {
        Token t = tokenAt(pos);
        if (t.kind == Kind.ERROR) {
            throw error(t, t.text);
        }
        if (t.kind != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!s.equals(")") && !s.equals("]")) {
            skipNewlinesIf(s.equals("{") || s.equals("}"));
        }
        Token t = next();
        if (!t.is(s)) {
            throw error(t, "expected '" + s + "', found " + (t.kind == Kind.EOF ? "the end of the file"
                    : t.kind == Kind.NL ? "the end of the line" : "'" + t.text + "'"));
        }
    }

    private Token expectId() {
        Token t = next();
        if (t.kind != Kind.ID) {
            throw error(t, "expected a name, found '" + t.text + "'");
        }
        return t;
    }

    private void skipNewlines() {
        while (peek().kind == Kind.NL) {
            pos++;
        }
    }

    private void skipNewlinesIf(boolean skip) {
        if (skip) {
            skipNewlines();
        }
    }

    /** The rest of the line (a declaration or an object statement). */
    private void skipLine() {
        while (peek().kind != Kind.NL && peek().kind != Kind.EOF && !peek().is("}")) {
            if (peek().is("{")) {
                throw error(peek(), "unexpected '{'");
            }
            next();
        }
    }

    /** After an opening '(': up to and including its ')'. */
    private void skipBalanced() {
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.kind == Kind.EOF) {
                throw error(t, "missing ')'");
            }
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
        }
    }

    private MorphologyFileException error(Token at, String message) {
        return new MorphologyFileException(file, at.line, message);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * hoc's tokens: names, numbers, strings, punctuation and line ends; comments and continued lines dropped. Text
     * that is not hoc becomes an ERROR token, an error only if the parser takes it as code (it may be fscan() data).
     */
    private static final class Lexer {
        private final String s;
        private int i;
        private int line = 1;

        Lexer(String text) {
            this.s = text.replace("\r\n", "\n").replace('\r', '\n');
        }

        /** Goes on lexing from {@code offset}, which is on {@code line}. */
        void moveTo(int offset, int atLine) {
            i = offset;
            line = atLine;
        }

        /**
         * hoc_scan: the next whitespace-separated word that is a number (words that are not, and words starting with
         * i, n, I or N, are skipped), then the whitespace after it. {@code callLine}: the fscan() call's line.
         */
        double scan(String file, int callLine) {
            while (true) {
                skipWhitespace();
                if (i >= s.length()) {
                    throw new MorphologyFileException(file, callLine, "fscan() reads past the end of the file");
                }
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                char c = word.charAt(0);
                if ("inIN".indexOf(c) >= 0) {
                    continue; // hoc's guard against reading inf or nan
                }
                if (DecimalNumber.PATTERN.matcher(word).matches()) {
                    skipWhitespace(); // fscanf(fi, "\n")
                    return Double.parseDouble(word);
                }
                if (Character.isDigit(c) || c == '+' || c == '-' || c == '.') {
                    throw new MorphologyFileException(file, line, "fscan() reads '" + word + "': only plain "
                            + "decimal numbers and words that are not numbers are read");
                }
            }
        }

        private void skipWhitespace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                if (s.charAt(i++) == '\n') {
                    line++;
                }
            }
        }

        Token token() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    i++;
                    return new Token(Kind.NL, "\n", line++, i);
                } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i += 2;
                    line++;
                } else if (Character.isWhitespace(c) || c == ';') {
                    i++;
                } else if (s.startsWith("//", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        int at = line;
                        i = s.length();
                        return new Token(Kind.ERROR, "comment '/*' is not closed", at, i);
                    }
                    line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                    i = end + 2;
                } else {
                    break;
                }
            }
            if (i >= s.length()) {
                return new Token(Kind.EOF, "", line, i);
            }
            char c = s.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                return new Token(Kind.ID, s.substring(start, i), line, i);
            }
            if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                java.util.regex.Matcher m = DecimalNumber.PATTERN.matcher(s).region(i, s.length());
                m.lookingAt();
                i = m.end();
                return new Token(Kind.NUM, s.substring(start, i), line, i);
            }
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0 || s.substring(i, end).indexOf('\n') >= 0) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                    return new Token(Kind.ERROR, "string is not closed on its line", line, i);
                }
                i = end + 1;
                return new Token(Kind.STR, s.substring(start + 1, end), line, i);
            }
            if (i + 1 < s.length() && "=+-*/!<>&|".indexOf(c) >= 0 && "=&|".indexOf(s.charAt(i + 1)) >= 0) {
                i += 2;
                return new Token(Kind.PUNCT, s.substring(start, i), line, i);
            }
            i++;
            if ("{}()[],=+-*/^<>!.$&|%".indexOf(c) < 0) {
                return new Token(Kind.ERROR, "unexpected character '" + c + "'", line, i);
            }
            return new Token(Kind.PUNCT, String.valueOf(c), line, i);
        }
    }
}
