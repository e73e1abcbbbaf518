package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@code access}, {@code pt3dclear}, {@code pt3dadd}, {@code pt3dstyle}, procedures without arguments and their
 * calls, {@code for i = a, b}, and numeric variables. Statements that set up the model rather than its shape
 * ({@code forall}, {@code forsec}, {@code nseg}, {@code cm}, {@code Ra}, {@code insert}, section lists, calls of
 * other functions) are not run and are listed in the warnings, because the cell description gives nseg and the
 * membrane; one of them that would change the shape ({@code L} or {@code diam} assigned, 3-D points or connections
 * made) is an error, as is any construct outside this subset, naming the line. Sections are in the order they were
 * created (NEURON's order), each with its 3-D points stored as {@code pt3dadd} stores them (single precision), so a
 * section without 3-D points (L and diam set by code) is an error.
 */
final class HocMorphologyReader {
    /** Statements that introduce names this reader has no use for: the rest of the line is not read. */
    private static final Set<String> DECLARATIONS = Set.of("objref", "objectvar", "strdef", "local", "double",
            "public", "external");
    /** Names that, when assigned or called in code that is not run, would change the geometry. */
    private static final Set<String> SHAPE = Set.of("L", "diam", "pt3dadd", "pt3dclear", "pt3dinsert", "pt3dchange",
            "pt3dremove", "connect", "create", "disconnect", "delete_section", "define_shape_from");

    private final String file;
    private final List<Token> tokens;
    private int pos;

    private final Map<String, Integer> arraySizes = new LinkedHashMap<>(); // in creation order; scalars: -1
    private final Map<String, Sec> sections = new LinkedHashMap<>();
    private final Map<String, Double> variables = new HashMap<>();
    private final Map<String, Integer> procedures = new HashMap<>(); // name -> token index of its body's '{'
    private final List<Sec> stack = new ArrayList<>();
    private Sec accessed;
    private final List<String> warnings = new ArrayList<>();
    /** Set while a statement is parsed but not run when it would change the geometry. */
    private String shapeChange;

    private HocMorphologyReader(String file, String text) {
        this.file = file;
        this.tokens = new Lexer(file, text).all();
        variables.put("PI", Math.PI); // hoc's constants
        variables.put("E", Math.E);
    }

    static ImportedMorphology read(String file, String text) {
        HocMorphologyReader r = new HocMorphologyReader(file, text);
        r.statements(true, false);
        return r.result();
    }

    private enum Kind { ID, NUM, STR, PUNCT, NL, EOF }

    private record Token(Kind kind, String text, int line) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.ID) && text.equals(s);
        }
    }

    /** A created section while the file runs. */
    private static final class Sec {
        final String name;
        Sec parent;
        double parentX;
        int line;
        final List<double[]> points = new ArrayList<>();
        ImportedSection.Wire wire;

        Sec(String name) {
            this.name = name;
        }
    }

    // ---------------------------------------------------------------- statements

    /** Statements until '}' (inside a block) or the end of the file. */
    private void statements(boolean run, boolean inBlock) {
        while (true) {
            skipNewlines();
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
            case "forall", "forsec", "ifsec", "insert", "uninsert", "if", "while", "print", "load_file", "xopen",
                 "load_proc", "nrn_load_dll" -> notRun(run);
            case "func", "begintemplate", "endtemplate", "iterator" ->
                    throw error(t, "'" + t.text + "' is not part of the hoc this reader runs (create, connect, "
                            + "pt3dadd, proc, for; docs/user/morphology.md)");
            default -> {
                if (DECLARATIONS.contains(t.text)) {
                    skipLine();
                } else if (isSectionName(t.text) && !peekAt(1).is("=") && !peekAt(1).is(".")
                        || !run && (peekAt(1).is("[") || peekAt(1).is("{"))) { // in a procedure read before create
                    sectionStatement(run);
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
                double n = expression(run);
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
        double childX = expression(run);
        expect(")");
        expect(",");
        Sec parent = parentGiven;
        double parentX;
        if (parentGiven == null && peek().kind == Kind.ID && isSectionName(peek().text)) {
            parent = section(run);
            expect("(");
            parentX = expression(run);
            expect(")");
        } else {
            parentX = expression(run);
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

    private void forLoop(boolean run) {
        next();
        Token var = expectId();
        expect("=");
        double from = expression(run);
        expect(",");
        double to = expression(run);
        skipNewlines();
        int body = pos;
        if (!run || from > to) {
            statement(false);
            return;
        }
        Double saved = variables.get(var.text);
        int end = body;
        for (double i = from; i <= to; i++) {
            variables.put(var.text, i);
            pos = body;
            statement(true);
            end = pos;
        }
        pos = end;
        if (saved != null) {
            variables.put(var.text, saved);
        }
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
            skipLine(); // all.append(), an object's method
        } else if (after.kind == Kind.PUNCT && after.text.endsWith("=") && !after.is("==")) {
            assignment(run);
        } else {
            throw error(t, "unexpected '" + t.text + "'");
        }
    }

    private void call(boolean run) {
        Token name = next();
        int start = pos;
        List<Double> args = arguments(run && (name.is("pt3dadd") || name.is("pt3dstyle")));
        switch (name.text) {
            case "pt3dclear" -> {
                if (run) {
                    Sec s = current(name);
                    s.points.clear();
                    s.wire = null;
                } else {
                    shapeChange = name.text;
                }
            }
            case "pt3dadd" -> {
                if (!run) {
                    shapeChange = name.text;
                } else if (args.size() != 4) {
                    throw error(name, "pt3dadd needs x, y, z, diam, got " + args.size() + " values");
                } else {
                    current(name).points.add(new double[] {args.get(0), args.get(1), args.get(2), args.get(3)});
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
                // moves sections to their connection points: coordinates only, the geometry is unchanged
            }
            default -> {
                if (SHAPE.contains(name.text)) {
                    if (run) {
                        throw error(name, name.text + "() changes the geometry in a way this reader does not run");
                    }
                    shapeChange = name.text; // in a procedure's definition: an error only if it is called
                }
                Integer body = procedures.get(name.text);
                if (body == null) {
                    if (run) {
                        warnings.add("not run, not geometry: " + file + ":" + name.line + ": " + name.text + "("
                                + ")");
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
        boolean membrane = Set.of("nseg", "Ra", "cm").contains(name.text) || !stack.isEmpty();
        double value = expression(run && !shape && !membrane);
        if (shape) {
            if (run) {
                throw error(name, "sets " + name.text + " by code: only sections given by 3-D points (pt3dadd) are "
                        + "read");
            }
            shapeChange = name.text;
        } else if (membrane) {
            if (run) {
                warnings.add("not run, not geometry: " + file + ":" + name.line + ": " + name.text + " " + op.text
                        + " ... (the cell description gives nseg and the membrane)");
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
                    + "or reshapes sections is read only outside forall, forsec, if and while");
        }
        if (shapeChange == null) { // in a procedure's definition it stays set: an error if the procedure runs
            shapeChange = before;
        }
        if (run) {
            warnings.add("not run, not geometry: " + file + ":" + t.line + ": " + t.text + " ...");
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
            double v = expression(run);
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

    private ImportedMorphology result() {
        List<Sec> all = new ArrayList<>(sections.values());
        Map<Sec, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        List<ImportedSection> out = new ArrayList<>();
        for (Sec s : all) {
            if (s.points.size() < 2) {
                throw new MorphologyFileException(file, s.line, "section " + s.name + " has " + s.points.size()
                        + " 3-D points: every section must be given by at least two (pt3dadd)");
            }
            double[][] p = new double[4][s.points.size()];
            for (int i = 0; i < s.points.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    p[k][i] = s.points.get(i)[k];
                }
            }
            Pt3d points;
            try {
                points = Pt3d.of(p[0], p[1], p[2], p[3]);
            } catch (IllegalArgumentException e) {
                throw new MorphologyFileException(file, s.line, "section " + s.name + ": " + e.getMessage());
            }
            String array = s.name.contains("[") ? s.name.substring(0, s.name.indexOf('[')) : s.name;
            out.add(new ImportedSection(s.name, typeOf(array), s.parent == null ? -1 : index.get(s.parent),
                    s.parent == null ? 0 : s.parentX, points, s.wire));
        }
        return new ImportedMorphology(file, ImportedMorphology.SomaKind.CODE, out, warnings);
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

    private List<Double> arguments(boolean evaluate) {
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
                args.add(expression(evaluate));
            }
            skipNewlines();
        } while (accept(","));
        expect(")");
        return args;
    }

    private double expression(boolean run) {
        double v = term(run);
        while (peek().is("+") || peek().is("-")) {
            boolean plus = next().is("+");
            double r = term(run);
            v = plus ? v + r : v - r;
        }
        return v;
    }

    private double term(boolean run) {
        double v = power(run);
        while (peek().is("*") || peek().is("/")) {
            boolean times = next().is("*");
            double r = power(run);
            v = times ? v * r : v / r;
        }
        return v;
    }

    private double power(boolean run) {
        double v = unary(run);
        if (accept("^")) {
            return Math.pow(v, power(run));
        }
        return v;
    }

    private double unary(boolean run) {
        if (accept("-")) {
            return -unary(run);
        }
        if (accept("+")) {
            return unary(run);
        }
        Token t = next();
        if (t.kind == Kind.NUM) {
            return Double.parseDouble(t.text);
        }
        if (t.is("(")) {
            double v = expression(run);
            expect(")");
            return v;
        }
        if (t.kind == Kind.ID) {
            if (peek().is("(")) { // a function's value: only in code that is not run
                pos--;
                if (run) {
                    throw error(t, "function " + t.text + "() in a value: not run by this reader");
                }
                next();
                arguments(false);
                return 0;
            }
            if (peek().is("[") || peek().is(".")) { // an array element or a section's value: not run
                if (run) {
                    throw error(t, t.text + peek().text + "... in a value: not run by this reader");
                }
                next();
                if (peekAt(-1).is("[")) {
                    expression(false);
                    expect("]");
                } else {
                    expectId();
                }
                return 0;
            }
            if (SHAPE.contains(t.text) && peek().is("=")) {
                shapeChange = t.text;
            }
            Double v = variables.get(t.text);
            if (v == null && run) {
                throw error(t, "variable " + t.text + " is not defined");
            }
            return v == null ? 0 : v;
        }
        throw error(t, "unexpected '" + t.text + "' in a value");
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(Math.max(pos + offset, 0), tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
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
            pos++;
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

    /** hoc's tokens: names, numbers, strings, punctuation and line ends; comments and continued lines dropped. */
    private static final class Lexer {
        private final String file;
        private final String s;
        private int i;
        private int line = 1;

        Lexer(String file, String text) {
            this.file = file;
            this.s = text.replace("\r\n", "\n").replace('\r', '\n');
        }

        List<Token> all() {
            List<Token> out = new ArrayList<>();
            while (true) {
                Token t = token();
                out.add(t);
                if (t.kind == Kind.EOF) {
                    return out;
                }
            }
        }

        private Token token() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    i++;
                    return new Token(Kind.NL, "\n", line++);
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
                        throw new MorphologyFileException(file, line, "comment '/*' is not closed");
                    }
                    line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                    i = end + 2;
                } else {
                    break;
                }
            }
            if (i >= s.length()) {
                return new Token(Kind.EOF, "", line);
            }
            char c = s.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                return new Token(Kind.ID, s.substring(start, i), line);
            }
            if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                java.util.regex.Matcher m = DecimalNumber.PATTERN.matcher(s).region(i, s.length());
                m.lookingAt();
                i = m.end();
                return new Token(Kind.NUM, s.substring(start, i), line);
            }
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0 || s.substring(i, end).indexOf('\n') >= 0) {
                    throw new MorphologyFileException(file, line, "string is not closed on its line");
                }
                i = end + 1;
                return new Token(Kind.STR, s.substring(start + 1, end), line);
            }
            if (i + 1 < s.length() && "=+-*/!<>&|".indexOf(c) >= 0 && "=&|".indexOf(s.charAt(i + 1)) >= 0) {
                i += 2;
                return new Token(Kind.PUNCT, s.substring(start, i), line);
            }
            if ("{}()[],=+-*/^<>!.$&|%".indexOf(c) < 0) {
                throw new MorphologyFileException(file, line, "unexpected character '" + c + "'");
            }
            i++;
            return new Token(Kind.PUNCT, String.valueOf(c), line);
        }
    }
}
