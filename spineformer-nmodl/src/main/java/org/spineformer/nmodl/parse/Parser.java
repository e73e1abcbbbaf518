package org.spineformer.nmodl.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Decl;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A recursive-descent parser for NMODL as NEURON 8.2's nocmodl accepts it (its grammar is
 * {@code src/nmodl/parse1.ypp}): every block and statement of that grammar is read into the AST, including those
 * the compiler does not support (VERBATIM, WATCH, KINETIC ...), so that the checker can name them. The first
 * syntax error stops the parse with file, line and column.
 */
public final class Parser {
    /** nocmodl's reserved words (src/nmodl/init.cpp); they cannot name variables. */
    static final Set<String> KEYWORDS = Set.of("VERBATIM", "COMMENT", "TITLE", "CONSTANT", "PARAMETER",
            "INDEPENDENT", "ASSIGNED", "INITIAL", "TERMINAL", "DERIVATIVE", "EQUATION", "BREAKPOINT", "CONDUCTANCE",
            "SOLVE", "STATE", "STEPPED", "LINEAR", "NONLINEAR", "DISCRETE", "FUNCTION", "FUNCTION_TABLE",
            "PROCEDURE", "PARTIAL", "INT", "DEL", "DEL2", "LOCAL", "METHOD", "STEADYSTATE", "SENS", "STEP", "WITH",
            "FROM", "FORALL", "TO", "BY", "if", "else", "while", "START", "DEFINE", "KINETIC", "CONSERVE", "PLOT",
            "VS", "LAG", "RESET", "MATCH", "MODEL_LEVEL", "SWEEP", "FIRST", "LAST", "COMPARTMENT",
            "LONGITUDINAL_DIFFUSION", "PUTQ", "GETQ", "IFERROR", "SOLVEFOR", "UNITS", "UNITSON", "UNITSOFF", "TABLE",
            "DEPEND", "NEURON", "SUFFIX", "POINT_PROCESS", "ARTIFICIAL_CELL", "NONSPECIFIC_CURRENT",
            "ELECTRODE_CURRENT", "SECTION", "RANGE", "USEION", "READ", "WRITE", "VALENCE", "CHARGE", "GLOBAL",
            "POINTER", "BBCOREPOINTER", "EXTERNAL", "INCLUDE", "CONSTRUCTOR", "DESTRUCTOR", "NET_RECEIVE", "BEFORE",
            "AFTER", "WATCH", "FOR_NETCONS", "THREADSAFE", "PROTECT", "MUTEXLOCK", "MUTEXUNLOCK", "REPRESENTS");
    private static final Set<String> NEURON_KEYWORDS = Set.of("SUFFIX", "POINT_PROCESS", "ARTIFICIAL_CELL",
            "USEION", "NONSPECIFIC_CURRENT", "ELECTRODE_CURRENT", "SECTION", "RANGE", "GLOBAL", "POINTER",
            "BBCOREPOINTER", "EXTERNAL", "THREADSAFE", "REPRESENTS");
    private static final Set<String> DECLARATION_BLOCKS = Set.of("PARAMETER", "ASSIGNED", "STATE", "CONSTANT",
            "INDEPENDENT", "STEPPED");

    /** The name of the mod file, for messages about its own text. */
    private final String file;
    /** The text being read: the mod file's, or that of an INCLUDE inside it. */
    private Lexer lexer;
    /** The texts an INCLUDE interrupted, innermost first: each goes on where its INCLUDE was when the next ends. */
    private final Deque<Lexer> including = new ArrayDeque<>();
    private final IncludePath includePath;
    /** The files being read (the mod file's when known, then those of the INCLUDEs being read), innermost first. */
    private final Deque<Path> openFiles = new ArrayDeque<>();
    private Token lookahead;
    /** DEFINE name integer: later uses of the name are that integer. */
    private final Map<String, Integer> defines = new HashMap<>();
    /** The keyword of the block being parsed: '~' means a reaction in KINETIC, an equation in (NON)LINEAR. */
    private String blockKeyword = "";
    /** The expressions written in parentheses (by identity): what a KINETIC rate's text means depends on them. */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    private Parser(String file, String source, IncludePath includePath) {
        this.file = file;
        this.lexer = new Lexer(file, source);
        this.includePath = includePath;
    }

    /** Parses the text of a mod file; {@code file} names it in messages. An INCLUDE in it is an error. */
    public static ModFile parse(String file, String source) {
        return parse(file, source, IncludePath.NONE);
    }

    /** Parses the text of a mod file, reading each INCLUDEd file from where {@code includes} finds it. */
    public static ModFile parse(String file, String source, IncludePath includes) {
        return new Parser(file, source, includes).modFile();
    }

    /**
     * Parses a mod file and the files it INCLUDEs, found as nrnivmodl's nocmodl finds them ({@link IncludePath}: the
     * file's folder, its parent, {@code MODL_INCLUDE}).
     */
    public static ModFile parse(Path file) throws IOException {
        Parser parser = new Parser(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1),
                IncludePath.nrnivmodl(file.getParent() == null ? Path.of("") : file.getParent()));
        parser.openFiles.push(file);
        return parser.modFile();
    }

    // ---- tokens

    private Token peek() {
        if (lookahead == null) {
            lookahead = lexer.next();
            // an INCLUDEd text ends: nocmodl's Getc pops its file stack and reads on after the INCLUDE
            while (lookahead.kind() == Token.Kind.EOF && !including.isEmpty()) {
                lexer = including.pop();
                openFiles.pop();
                lookahead = lexer.next();
            }
        }
        return lookahead;
    }

    private Token next() {
        Token t = peek();
        lookahead = null;
        return t;
    }

    private boolean at(String text) {
        return peek().is(text);
    }

    private boolean accept(String text) {
        if (at(text)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(String text) {
        Token t = next();
        if (!t.is(text)) {
            throw error(t, "expected '" + text + "' but found " + t.describe());
        }
        return t;
    }

    private NmodlSyntaxException error(Token at, String message) {
        return error(at.pos(), message);
    }

    private NmodlSyntaxException error(Pos at, String message) {
        return new NmodlSyntaxException(at.file() != null ? at.file() : file, at, message);
    }

    private String name() {
        Token t = next();
        if (t.kind() != Token.Kind.NAME) {
            throw error(t, "expected a name but found " + t.describe());
        }
        if (KEYWORDS.contains(t.text())) {
            throw error(t, "expected a name but found the keyword " + t.text());
        }
        return t.text();
    }

    private List<String> names() {
        List<String> list = new ArrayList<>();
        list.add(name());
        while (accept(",")) {
            list.add(name());
        }
        return list;
    }

    /** A unit in parentheses if one follows, else "". */
    private String optUnit() {
        if (!at("(")) {
            return "";
        }
        Token open = next();
        lexer.resetTo(open);
        return lexer.readUnit(open.pos());
    }

    private String unit() {
        if (!at("(")) {
            throw error(peek(), "expected a unit in parentheses but found " + peek().describe());
        }
        return optUnit();
    }

    /** nocmodl's {@code number}: an optional '-' and an integer, real or DEFINEd name. */
    private String number() {
        boolean minus = accept("-");
        Token t = next();
        String text;
        if (t.isNumber()) {
            text = t.text();
        } else if (t.kind() == Token.Kind.NAME && defines.containsKey(t.text())) {
            text = defines.get(t.text()).toString();
        } else {
            throw error(t, "expected a number but found " + t.describe());
        }
        return minus ? "-" + text : text;
    }

    private int integer() {
        Token t = next();
        if (t.kind() == Token.Kind.INTEGER) {
            return Integer.parseInt(t.text());
        }
        if (t.kind() == Token.Kind.NAME && defines.containsKey(t.text())) {
            return defines.get(t.text());
        }
        throw error(t, "expected an integer but found " + t.describe());
    }

    // ---- top level

    private ModFile modFile() {
        List<Item> items = new ArrayList<>();
        while (peek().kind() != Token.Kind.EOF) {
            items.add(item());
        }
        return new ModFile(lexer.file(), items);
    }

    private Item item() {
        Token t = next();
        Pos p = t.pos();
        if (t.kind() != Token.Kind.NAME) {
            throw error(t, "expected a block (NEURON, PARAMETER, BREAKPOINT ...) but found " + t.describe());
        }
        String k = t.text();
        if (DECLARATION_BLOCKS.contains(k)) {
            return declarations(p, k);
        }
        return switch (k) {
            case "TITLE" -> new Item.Title(p, lexer.readLine());
            case "COMMENT" -> new Item.Comment(p, lexer.readUntil("ENDCOMMENT", p, "COMMENT"));
            case "VERBATIM" -> new Item.Verbatim(p, lexer.readUntil("ENDVERBATIM", p, "VERBATIM"));
            case "NEURON" -> neuron(p);
            case "UNITS" -> units(p);
            case "LOCAL" -> {
                List<Integer> sizes = new ArrayList<>();
                List<String> names = localNames(sizes);
                yield new Item.TopLocal(p, names, sizes);
            }
            case "DEFINE" -> {
                String name = name();
                int value = integer();
                defines.put(name, value);
                yield new Item.Define(p, name, value);
            }
            case "INCLUDE" -> {
                Token name = next();
                if (name.kind() != Token.Kind.STRING) {
                    throw error(name, "INCLUDE needs a file name in quotes");
                }
                yield include(p, name.text().substring(1, name.text().length() - 1));
            }
            case "UNITSON", "UNITSOFF" -> new Item.UnitsSwitch(p, k);
            case "INITIAL", "BREAKPOINT", "CONSTRUCTOR", "DESTRUCTOR", "TERMINAL" ->
                    block(p, k, "", List.of(), "", List.of());
            case "DERIVATIVE", "DISCRETE", "PARTIAL" -> block(p, k, name(), List.of(), "", List.of());
            case "KINETIC", "LINEAR", "NONLINEAR" -> {
                String name = name();
                List<String> solveFor = accept("SOLVEFOR") ? names() : List.of();
                yield block(p, k, name, List.of(), "", solveFor);
            }
            case "FUNCTION", "PROCEDURE" -> {
                String name = name();
                List<Arg> args = args();
                yield block(p, k, name, args, optUnit(), List.of());
            }
            case "NET_RECEIVE" -> block(p, k, "", args(), "", List.of());
            case "FUNCTION_TABLE" -> {
                String name = name();
                List<Arg> args = args();
                yield new Item.Block(p, k, name, args, optUnit(), List.of(), List.of());
            }
            case "BEFORE", "AFTER" -> {
                Token phase = next();
                if (!Set.of("BREAKPOINT", "SOLVE", "INITIAL", "STEP").contains(phase.text())) {
                    throw error(phase, k + " needs BREAKPOINT, SOLVE, INITIAL or STEP, not " + phase.describe());
                }
                yield block(p, k, phase.text(), List.of(), "", List.of());
            }
            default -> throw error(t, (KEYWORDS.contains(k) ? k + " is not allowed at the top level"
                    : "expected a block (NEURON, PARAMETER, BREAKPOINT ...) but found '" + k + "'"));
        };
    }

    /**
     * {@code INCLUDE "name"} between blocks (nocmodl's grammar has it nowhere else): the file's text is read next,
     * in place, as nocmodl's include_file pushes it on its input (a DEFINE or block in it counts from there on; the
     * mod file's text goes on after its end).
     */
    private Item.Include include(Pos p, String name) {
        if (includePath.folder() == null) {
            throw error(p, "INCLUDE \"" + name + "\": this text was not read from a folder, so there is nowhere to"
                    + " look for the file");
        }
        List<Path> tried = includePath.candidates(name, lexer.includedAs());
        Path found = tried.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (found == null) {
            throw error(p, "INCLUDE \"" + name + "\": no such file (looked for " + String.join(", ",
                    tried.stream().map(Path::toString).toList()) + ", as nocmodl does)");
        }
        for (Path open : openFiles) {
            if (sameFile(open, found)) {
                // nocmodl would read it again and again until it runs out of open files
                throw error(p, "INCLUDE \"" + name + "\": " + found + " is already being read (an INCLUDE cycle)");
            }
        }
        String text;
        try {
            text = Files.readString(found, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw error(p, "INCLUDE \"" + name + "\": cannot read " + found + " (" + e.getMessage() + ")");
        }
        including.push(lexer);
        openFiles.push(found);
        lexer = new Lexer(found.toString(), text, name);
        return new Item.Include(p, name, found.toString(), text);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private Item.Block block(Pos p, String keyword, String name, List<Arg> args, String unit,
                             List<String> solveFor) {
        blockKeyword = keyword;
        List<Stmt> body = body();
        blockKeyword = "";
        return new Item.Block(p, keyword, name, args, unit, solveFor, body);
    }

    private List<Arg> args() {
        expect("(");
        List<Arg> args = new ArrayList<>();
        if (!at(")")) {
            do {
                Token t = peek();
                args.add(new Arg(t.pos(), name(), optUnit()));
            } while (accept(","));
        }
        expect(")");
        return args;
    }

    /** LOCAL's names; each one's array size (0 for a scalar) goes to {@code sizes}. */
    private List<String> localNames(List<Integer> sizes) {
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
            int size = 0;
            if (accept("[")) {
                size = integer();
                expect("]");
            }
            sizes.add(size);
        } while (accept(","));
        return names;
    }

    // ---- NEURON and declarations

    private Item.Neuron neuron(Pos p) {
        expect("{");
        List<NeuronStmt> list = new ArrayList<>();
        while (!accept("}")) {
            Token t = next();
            Pos q = t.pos();
            String k = t.text();
            if (t.kind() != Token.Kind.NAME || !NEURON_KEYWORDS.contains(k)) {
                throw error(t, "expected a NEURON block statement (SUFFIX, RANGE, USEION ...) but found "
                        + t.describe());
            }
            list.add(switch (k) {
                case "SUFFIX", "POINT_PROCESS", "ARTIFICIAL_CELL" -> new NeuronStmt.Suffix(q, k, name());
                case "USEION" -> useIon(q);
                case "REPRESENTS" -> new NeuronStmt.Represents(q, lexer.readOntologyId(q));
                case "THREADSAFE" -> new NeuronStmt.Names(q, k,
                        peek().kind() == Token.Kind.NAME && !KEYWORDS.contains(peek().text()) ? names() : List.of());
                default -> new NeuronStmt.Names(q, k, names());
            });
        }
        return new Item.Neuron(p, list);
    }

    private NeuronStmt.UseIon useIon(Pos p) {
        String ion = name();
        List<String> read = accept("READ") ? names() : List.of();
        List<String> write = accept("WRITE") ? names() : List.of();
        if (read.isEmpty() && write.isEmpty()) {
            throw error(peek(), "USEION " + ion + " needs READ or WRITE");
        }
        double valence = Double.NaN;
        // CHARGE is nocmodl's other name for VALENCE (init.cpp's keyword table gives both the token VALENCE)
        if (accept("VALENCE") || accept("CHARGE")) {
            valence = Double.parseDouble(number());
        }
        String represents = null;
        if (at("REPRESENTS")) {
            Token r = next();
            represents = lexer.readOntologyId(r.pos());
        }
        return new NeuronStmt.UseIon(p, ion, read, write, valence, represents);
    }

    private Item.Units units(Pos p) {
        expect("{");
        List<Item.UnitDef> defs = new ArrayList<>();
        while (!accept("}")) {
            Token t = peek();
            if (t.is("(")) {
                String left = unit();
                expect("=");
                Pos rightAt = peek().pos();
                defs.add(new Item.UnitDef(t.pos(), null, left, unit(), null, t.pos(), rightAt));
            } else {
                String name = name();
                expect("=");
                if (at("(")) {
                    Pos leftAt = peek().pos();
                    String left = unit();
                    if (accept("-")) {
                        expect(">");
                    }
                    Pos rightAt = peek().pos();
                    defs.add(new Item.UnitDef(t.pos(), name, left, unit(), null, leftAt, rightAt));
                } else {
                    String value = number();
                    Pos rightAt = peek().pos();
                    defs.add(new Item.UnitDef(t.pos(), name, null, unit(), value, null, rightAt));
                }
            }
        }
        return new Item.Units(p, defs);
    }

    private Item.Declarations declarations(Pos p, String keyword) {
        expect("{");
        List<Decl> decls = new ArrayList<>();
        while (!accept("}")) {
            decls.add(declaration(keyword));
        }
        return new Item.Declarations(p, keyword, decls);
    }

    private Decl declaration(String keyword) {
        Token t = peek();
        if (keyword.equals("INDEPENDENT")) {
            accept("SWEEP");
            String name = name();
            expect("FROM");
            String from = number();
            expect("TO");
            String to = number();
            expect("WITH");
            integer();
            String start = accept("START") ? number() : null;
            return new Decl(t.pos(), name, 0, null, optUnit(), from, to, start);
        }
        if (keyword.equals("CONSTANT")) {
            // nocmodl's grammar (parse1.ypp conststmt): NAME = number units, nothing else (no array, no limits)
            String name = name();
            expect("=");
            String value = number();
            return new Decl(t.pos(), name, 0, value, optUnit(), null, null, null);
        }
        String name;
        if (peek().kind() == Token.Kind.PRIME) {
            Token prime = next();
            name = prime.text() + "'".repeat(prime.primes());
        } else {
            name = name();
        }
        int size = 0;
        if (accept("[")) {
            size = integer();
            expect("]");
        }
        String value = null;
        String low = null;
        String high = null;
        String start = null;
        if (accept("=")) {
            value = number();
        }
        if (accept("FROM")) {
            low = number();
            expect("TO");
            high = number();
        }
        if (accept("START")) {
            start = number();
        }
        if (keyword.equals("STEPPED")) {
            while (accept(",")) {
                number();
            }
        }
        String unit = optUnit();
        if (accept("<")) {
            // <lo, hi> limits, or <tolerance>: CVODE's absolute tolerance of a state, not kept
            String first = number();
            if (accept(",")) {
                low = first;
                high = number();
            }
            expect(">");
        }
        return new Decl(t.pos(), name, size, value, unit, low, high, start);
    }

    // ---- statements

    private List<Stmt> body() {
        expect("{");
        List<Stmt> list = new ArrayList<>();
        while (!accept("}")) {
            if (peek().kind() == Token.Kind.EOF) {
                throw error(peek(), "block not closed: expected '}' before the end of the file");
            }
            list.add(statement());
        }
        return list;
    }

    private Stmt statement() {
        Token t = peek();
        Pos p = t.pos();
        if (t.kind() == Token.Kind.PRIME) {
            next();
            Expr.Var target = new Expr.Var(p, t.text(), accept("[") ? indexThen("]") : null);
            expect("=");
            return new Stmt.Assign(p, target, t.primes(), expr());
        }
        if (t.is("{")) {
            return new Stmt.Block(p, body());
        }
        if (t.is("~") || t.is("~+")) {
            next();
            return tilde(p);
        }
        if (t.kind() != Token.Kind.NAME) {
            throw error(t, "expected a statement but found " + t.describe());
        }
        String k = t.text();
        if (!KEYWORDS.contains(k)) {
            return assignmentOrCall();
        }
        next();
        return switch (k) {
            case "LOCAL" -> {
                List<Integer> sizes = new ArrayList<>();
                List<String> names = localNames(sizes);
                yield new Stmt.Local(p, names, sizes);
            }
            case "if" -> ifStatement(p);
            case "while" -> {
                expect("(");
                Expr c = expr();
                expect(")");
                yield new Stmt.While(p, c, body());
            }
            case "FROM" -> {
                String index = name();
                expect("=");
                Expr from = integerExpression();
                expect("TO");
                Expr to = integerExpression();
                Expr by = accept("BY") ? integerExpression() : null;
                yield new Stmt.From(p, index, from, to, by, body());
            }
            case "SOLVE" -> solve(p);
            case "TABLE" -> table(p);
            case "CONSERVE" -> {
                List<Stmt.Species> species = reactants();
                expect("=");
                yield new Stmt.Conserve(p, species, expr());
            }
            case "COMPARTMENT", "LONGITUDINAL_DIFFUSION" -> compartment(p, k);
            case "VERBATIM" -> new Stmt.Verbatim(p, lexer.readUntil("ENDVERBATIM", p, "VERBATIM"));
            case "COMMENT" -> new Stmt.Comment(p, lexer.readUntil("ENDCOMMENT", p, "COMMENT"));
            case "UNITSON", "UNITSOFF", "MUTEXLOCK", "MUTEXUNLOCK", "RESET" -> new Stmt.Keyword(p, k, List.of());
            case "INITIAL" -> new Stmt.Initial(p, body());
            case "WATCH" -> watch(p);
            case "FOR_NETCONS" -> {
                List<Arg> args = args();
                yield new Stmt.ForNetcons(p, args, body());
            }
            case "PROTECT" -> new Stmt.Protect(p, (Stmt.Assign) assignmentOrCall());
            case "CONDUCTANCE" -> {
                List<String> names = new ArrayList<>(List.of(name()));
                if (accept("USEION")) {
                    names.add(name());
                }
                yield new Stmt.Keyword(p, k, names);
            }
            case "LAG" -> {
                String name = name();
                expect("BY");
                yield new Stmt.Keyword(p, k, List.of(name, name()));
            }
            case "SENS" -> new Stmt.Keyword(p, k, names());
            case "PUTQ", "GETQ" -> new Stmt.Keyword(p, k, List.of(name()));
            default -> throw error(t, k + " is not allowed inside a " + (blockKeyword.isEmpty() ? "block"
                    : blockKeyword + " block"));
        };
    }

    private Expr indexThen(String close) {
        Expr index = integerExpression();
        expect(close);
        return index;
    }

    /**
     * nocmodl's {@code intexpr} (parse1.ypp), what an array index and FROM's bounds and step are: names, integers,
     * parentheses, {@code + - * /} (usual precedence, left associative) and {@code INT(expr)}; no unary minus, no
     * real number, no array element. A name's value is truncated to an int and the arithmetic is C's int
     * arithmetic; INT(expr) truncates a double expression.
     */
    private Expr integerExpression() {
        Expr e = integerTerm();
        while (at("+") || at("-")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), op.text(), e, integerTerm());
        }
        return e;
    }

    private Expr integerTerm() {
        Expr e = integerPrimary();
        while (at("*") || at("/")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), op.text(), e, integerPrimary());
        }
        return e;
    }

    private Expr integerPrimary() {
        Token t = next();
        Pos p = t.pos();
        if (t.kind() == Token.Kind.INTEGER) {
            return new Expr.Num(p, t.text(), "");
        }
        if (t.is("(")) {
            Expr e = integerExpression();
            expect(")");
            return e;
        }
        if (t.is("INT")) {
            expect("(");
            Expr e = expr();
            expect(")");
            return new Expr.Call(p, "INT", List.of(e));
        }
        if (t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text())) {
            return defines.containsKey(t.text()) ? new Expr.Num(p, defines.get(t.text()).toString(), "")
                    : new Expr.Var(p, t.text(), null);
        }
        throw error(t, "expected an integer expression (names, integers, + - * / and INT(...), as nocmodl's"
                + " array indices and FROM bounds) but found " + t.describe());
    }

    private Stmt assignmentOrCall() {
        Token t = next();
        Pos p = t.pos();
        if (at("(")) {
            Expr.Call c = call(t);
            if (c.name().equals("state_discontinuity") && c.args().size() == 2
                    && c.args().get(0) instanceof Expr.Var state) {
                // nocmodl (parsact.cpp) turns it into state = value in NET_RECEIVE; the fixed step's adjustment
                // of that jump (netrec_discon.cpp) runs only with nrn_netrec_state_adjust, off by default.
                // Elsewhere NEURON's C function assigns only in some phases of a step (init.cpp): the assignment
                // state = state_discontinuity(state, value), which every analysis sees as one and the generator
                // emits as NEURON's condition (StatementEmitter)
                return new Stmt.Assign(p, state, 0, blockKeyword.equals("NET_RECEIVE") ? c.args().get(1) : c);
            }
            return new Stmt.CallStmt(p, c);
        }
        Expr.Var target = new Expr.Var(p, t.text(), accept("[") ? indexThen("]") : null);
        if (!at("=")) {
            throw error(peek(), "expected '=' after '" + t.text() + "' but found " + peek().describe());
        }
        next();
        return new Stmt.Assign(p, target, 0, expr());
    }

    private Stmt ifStatement(Pos p) {
        expect("(");
        Expr c = expr();
        expect(")");
        List<Stmt> then = body();
        List<Stmt> otherwise = List.of();
        if (at("else")) {
            Token e = next();
            if (at("if")) {
                next();
                otherwise = List.of(ifStatement(e.pos()));
            } else {
                otherwise = body();
            }
        }
        return new Stmt.If(p, c, then, otherwise);
    }

    private Stmt solve(Pos p) {
        String block = name();
        String method = "";
        boolean steady = false;
        if (accept("METHOD")) {
            method = name();
        } else if (accept("STEADYSTATE")) {
            method = name();
            steady = true;
        }
        List<Stmt> ifError = accept("IFERROR") ? body() : List.of();
        return new Stmt.Solve(p, block, method, steady, ifError);
    }

    private Stmt table(Pos p) {
        List<String> names = peek().kind() == Token.Kind.NAME && !KEYWORDS.contains(peek().text())
                ? names() : List.of();
        List<String> depends = accept("DEPEND") ? names() : List.of();
        expect("FROM");
        Expr from = expr();
        expect("TO");
        Expr to = expr();
        expect("WITH");
        return new Stmt.Table(p, names, depends, from, to, integer());
    }

    private Stmt compartment(Pos p, String keyword) {
        Expr first = expr();
        String index = null;
        Expr volume = first;
        if (accept(",")) {
            if (!(first instanceof Expr.Var v) || v.index() != null) {
                throw lexer.error(first.pos(), keyword + " index must be a name");
            }
            index = v.name();
            volume = expr();
        }
        expect("{");
        List<String> names = new ArrayList<>();
        while (!accept("}")) {
            Token n = next();
            if (n.kind() != Token.Kind.NAME) {
                throw error(n, "expected a state name in " + keyword + " but found " + n.describe());
            }
            names.add(n.text());
        }
        return new Stmt.Compartment(p, keyword, index, volume, names);
    }

    private Stmt watch(Pos p) {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> flags = new ArrayList<>();
        do {
            expect("(");
            conditions.add(expr());
            expect(")");
            flags.add(expr());
        } while (accept(","));
        return new Stmt.Watch(p, conditions, flags);
    }

    /** After '~': a reaction in a KINETIC block, an equation in LINEAR and NONLINEAR blocks. */
    private Stmt tilde(Pos p) {
        if (blockKeyword.equals("KINETIC")) {
            List<Stmt.Species> lhs = reactants();
            if (accept("<->")) {
                List<Stmt.Species> rhs = reactants();
                expect("(");
                Expr kf = expr();
                expect(",");
                Expr kb = expr();
                expect(")");
                return new Stmt.Reaction(p, lhs, "<->", rhs, kf, kb, pasteDepth(kf), pasteDepth(kb));
            }
            String arrow;
            if (accept("<")) {
                expect("<");
                arrow = "<<";
            } else if (accept("-")) {
                expect(">");
                arrow = "->";
            } else {
                throw error(peek(), "expected <->, << or -> in a reaction but found " + peek().describe());
            }
            expect("(");
            Expr rate = expr();
            expect(")");
            // nocmodl writes these rates in parentheses: the product multiplies the whole rate
            return new Stmt.Reaction(p, lhs, arrow, List.of(), rate, null, 0, 0);
        }
        if (blockKeyword.equals("LINEAR") || blockKeyword.equals("NONLINEAR") || blockKeyword.equals("PARTIAL")) {
            Expr left = expr();
            expect("=");
            return new Stmt.Equation(p, left, expr());
        }
        throw lexer.error(p, "'~' equations are allowed only in KINETIC, LINEAR and NONLINEAR blocks");
    }

    /**
     * How many operators looser than '*' (+ - comparisons && ||) lie on the rate's right edge outside parentheses:
     * nocmodl (kinetic.cpp) writes a flux as the rate's text followed by {@code * species}, so C's precedence puts
     * the species into the right operand of the last of them ({@code ka + kb * A}).
     */
    private int pasteDepth(Expr rate) {
        int depth = 0;
        Expr e = rate;
        while (e instanceof Expr.Binary b && !parenthesized.contains(b) && !Set.of("*", "/", "^").contains(b.op())) {
            depth++;
            e = b.right();
        }
        return depth;
    }

    private List<Stmt.Species> reactants() {
        List<Stmt.Species> list = new ArrayList<>();
        do {
            int coefficient = peek().kind() == Token.Kind.INTEGER ? integer() : 1;
            Token n = next();
            if (n.kind() != Token.Kind.NAME || KEYWORDS.contains(n.text())) {
                throw error(n, "expected a species name but found " + n.describe());
            }
            list.add(new Stmt.Species(coefficient,
                    new Expr.Var(n.pos(), n.text(), accept("[") ? indexThen("]") : null)));
        } while (accept("+"));
        return list;
    }

    // ---- expressions, with yacc's precedences: || < && < comparisons < + - < * / < unary - ! < ^ (right)

    private Expr expr() {
        return or();
    }

    private Expr or() {
        Expr e = and();
        while (at("||")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), "||", e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = comparison();
        while (at("&&")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), "&&", e, comparison());
        }
        return e;
    }

    private Expr comparison() {
        Expr e = additive();
        while (at("<") || at("<=") || at(">") || at(">=") || at("==") || at("!=")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), op.text(), e, additive());
        }
        return e;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (at("+") || at("-")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), op.text(), e, multiplicative());
        }
        return e;
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (at("*") || at("/")) {
            Token op = next();
            e = new Expr.Binary(op.pos(), op.text(), e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (at("-") || at("!")) {
            Token op = next();
            return new Expr.Unary(op.pos(), op.text(), unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (at("^")) {
            Token op = next();
            return new Expr.Binary(op.pos(), "^", base, unary());
        }
        return base;
    }

    private Expr primary() {
        Token t = next();
        Pos p = t.pos();
        if (t.isNumber()) {
            return new Expr.Num(p, t.text(), optUnit());
        }
        if (t.is("(")) {
            Expr e = expr();
            expect(")");
            parenthesized.add(e);
            return e;
        }
        if (t.kind() == Token.Kind.PRIME) {
            return new Expr.Var(p, t.text() + "'".repeat(t.primes()), null);
        }
        if (t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text())) {
            if (defines.containsKey(t.text())) {
                return new Expr.Num(p, defines.get(t.text()).toString(), "");
            }
            if (at("(")) {
                return call(t);
            }
            if (accept("@")) {
                throw error(t, "discrete-time variables (" + t.text() + "@n) are not supported");
            }
            return new Expr.Var(p, t.text(), accept("[") ? indexThen("]") : null);
        }
        throw error(t, "expected an expression but found " + t.describe());
    }

    private Expr.Call call(Token name) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        if (!at(")")) {
            do {
                if (peek().kind() == Token.Kind.STRING) {
                    Token s = next();
                    args.add(new Expr.Str(s.pos(), s.text()));
                } else {
                    args.add(expr());
                }
            } while (accept(","));
        }
        expect(")");
        return new Expr.Call(name.pos(), name.text(), args);
    }
}
