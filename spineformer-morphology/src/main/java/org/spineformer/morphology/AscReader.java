package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Neurolucida v3 text file read as NEURON 8.2's {@code Import3d_Neurolucida3}
 * (share/lib/hoc/import3d/read_nlcda3.hoc) reads it, then instantiated as {@code Import3d_GUI.instantiate} does.
 *
 * <p>The same recursive descent over the same tokens: a contour named CellBody, Cell Body or Soma (three points or
 * more) is a soma; every other contour, marker, text, set and spine is skipped (counted in the warnings); a tree
 * takes its type from its last property (Axon 2, Dendrite 3, Apical 4, else 0), and every branch of it becomes a
 * section whose first point is its parent's last one (with the branch's first diameter) unless the branch repeats
 * that point. A tree whose first point lies within a soma contour's bounding box (enlarged by 0.5 um) is connected
 * to the soma's centre, soma(0.5), starting at its own first point; a tree outside every box is connected the same
 * way to the nearest soma, with a warning. Soma contours are turned into 21-point sections by
 * {@link ContourCentroid}.
 *
 * <p>Contours whose xy bounding boxes overlap the one before form a stack: one soma whose section has a point per
 * contour, at its centre with its mean diameter; trees inside the stack's box are wired to the middle of the line
 * through the contour centres.
 *
 * <p>Where NEURON stops with "parse error", the error names the file, line and token.
 */
final class AscReader {
    private enum Tok { EOF, NUMBER, LEFTPAR, RIGHTPAR, COMMA, BAR, SET, RGB, STRING, LABEL, LEFTSP, RIGHTSP }

    private record Token(Tok kind, double x, String s, int line) {
        String describe() {
            return switch (kind) {
                case NUMBER -> "number " + s;
                case STRING -> "string \"" + s + "\"";
                case LABEL -> "label " + s;
                case EOF -> "end of file";
                default -> "'" + s + "'";
            };
        }
    }

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]+");

    private final String file;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private final List<Double> px = new ArrayList<>();
    private final List<Double> py = new ArrayList<>();
    private final List<Double> pz = new ArrayList<>();
    private final List<Double> pd = new ArrayList<>();
    private final List<Integer> pline = new ArrayList<>();
    private final List<Import3dSection> sections = new ArrayList<>();
    /** The properties just read (each a list of tokens, the first its label). */
    private final List<List<Token>> plist = new ArrayList<>();
    private int sectype;
    private Import3dSection parentsec;
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private AscReader(String file) {
        this.file = file;
    }

    static ImportedMorphology read(String file, String text, ImportTarget target) {
        AscReader r = new AscReader(file);
        r.lex(text);
        r.objects();
        if (r.current().kind != Tok.EOF) {
            throw r.parseError();
        }
        return r.build(target);
    }

    // ---------------------------------------------------------------- lexer (lex)

    private void lex(String text) {
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].stripTrailing();
            int i = 0;
            int n = line.length();
            while (true) {
                while (i < n && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i >= n || line.charAt(i) == ';') {
                    break; // comment or end of line: the rest of the line is dropped
                }
                int lineNo = ln + 1;
                char c = line.charAt(i);
                Matcher number = DecimalNumber.PATTERN.matcher(line).region(i, n);
                if (number.lookingAt()) {
                    String s = number.group();
                    tokens.add(new Token(Tok.NUMBER, Double.parseDouble(s), s, lineNo));
                    i = number.end();
                    continue;
                }
                Tok single = switch (c) {
                    case '(' -> Tok.LEFTPAR;
                    case ')' -> Tok.RIGHTPAR;
                    case ',' -> Tok.COMMA;
                    case '|' -> Tok.BAR;
                    case '<' -> Tok.LEFTSP;
                    case '>' -> Tok.RIGHTSP;
                    default -> null;
                };
                if (single != null) {
                    tokens.add(new Token(single, 0, String.valueOf(c), lineNo));
                    i++;
                    continue;
                }
                String rest = line.substring(i);
                if (rest.startsWith("set") || rest.startsWith("Set") || rest.startsWith("SET")) {
                    tokens.add(new Token(Tok.SET, 0, rest.substring(0, 3), lineNo)); // as hoc's sscanf " set %[^@]"
                    i += 3;
                    continue;
                }
                if (rest.startsWith("RGB")) {
                    tokens.add(new Token(Tok.RGB, 0, "RGB", lineNo));
                    i += 3;
                    continue;
                }
                if (c == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new MorphologyFileException(file, lineNo, "no closing '\"' in string: " + rest);
                    }
                    tokens.add(new Token(Tok.STRING, 0, line.substring(i + 1, close), lineNo));
                    i = close + 1;
                    continue;
                }
                Matcher label = LABEL.matcher(line).region(i, n);
                if (label.lookingAt()) {
                    tokens.add(new Token(Tok.LABEL, 0, label.group(), lineNo));
                    i = label.end();
                    continue;
                }
                throw new MorphologyFileException(file, lineNo, "unexpected character '" + c + "' in: " + line.strip());
            }
        }
        tokens.add(new Token(Tok.EOF, 0, "", lines.length));
    }

    private Token token(int at) {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token current() {
        return token(pos);
    }

    private Token lookAhead() {
        return token(pos + 1);
    }

    private Token lookAhead2() {
        return token(pos + 2);
    }

    private void next() {
        if (pos < tokens.size() - 1) {
            pos++;
        }
    }

    private MorphologyFileException parseError() {
        Token t = current();
        return new MorphologyFileException(file, t.line, "parse error at " + t.describe());
    }

    private void chk(Tok kind) {
        if (current().kind != kind) {
            throw parseError();
        }
    }

    private void demand(Tok kind) {
        next();
        chk(kind);
    }

    private void optionalComma() {
        if (current().kind == Tok.COMMA) {
            next();
        }
    }

    private void skip(String what) {
        skipped.merge(what, 1, Integer::sum);
    }

    // ---------------------------------------------------------------- parser (the productions of read_nlcda3.hoc)

    private void objects() {
        object();
        while (true) {
            optionalComma();
            if (current().kind != Tok.LEFTPAR) {
                break;
            }
            object();
        }
    }

    private void object() {
        if (current().kind != Tok.LEFTPAR) {
            throw parseError();
        }
        switch (lookAhead().kind) {
            case STRING -> contour();
            case LABEL -> markerOrProperty();
            case LEFTPAR -> treeOrText();
            case SET -> set();
            default -> throw parseError();
        }
    }

    private void markerOrProperty() {
        if (lookAhead2().kind == Tok.LEFTPAR) {
            marker();
        } else {
            property();
        }
    }

    /** Text and tree both start with properties and a point: try text, else read it again as a tree. */
    private void treeOrText() {
        int saved = pos;
        if (text()) {
            skip("text");
        } else {
            pos = saved;
            tree();
        }
    }

    private void properties() {
        plist.clear();
        if (current().kind == Tok.LEFTPAR && (lookAhead().kind == Tok.LABEL || lookAhead().kind == Tok.SET)) {
            propertyOrSet();
            while (true) {
                optionalComma();
                if (current().kind != Tok.LEFTPAR
                        || (lookAhead().kind != Tok.LABEL && lookAhead().kind != Tok.SET)) {
                    break;
                }
                propertyOrSet();
            }
        }
    }

    private void propertyOrSet() {
        if (lookAhead().kind == Tok.LABEL) {
            property();
        } else {
            set();
        }
    }

    private void property() {
        chk(Tok.LEFTPAR);
        demand(Tok.LABEL);
        List<Token> prop = new ArrayList<>();
        prop.add(current());
        plist.add(prop);
        next();
        Tok c = current().kind;
        if (c == Tok.NUMBER || c == Tok.STRING || c == Tok.LABEL || c == Tok.RGB) {
            values(prop);
        }
        chk(Tok.RIGHTPAR);
        next();
    }

    private void values(List<Token> prop) {
        value(prop);
        while (true) {
            Tok c = current().kind;
            if (c != Tok.NUMBER && c != Tok.STRING && c != Tok.LABEL && c != Tok.RGB) {
                break;
            }
            value(prop);
        }
    }

    private void value(List<Token> prop) {
        Tok c = current().kind;
        if (c == Tok.NUMBER || c == Tok.STRING || c == Tok.LABEL) {
            prop.add(current());
        } else if (c == Tok.RGB) {
            demand(Tok.LEFTPAR);
            demand(Tok.NUMBER);
            next();
            optionalComma();
            chk(Tok.NUMBER);
            next();
            optionalComma();
            chk(Tok.NUMBER);
            demand(Tok.RIGHTPAR);
        } else {
            throw parseError();
        }
        next();
    }

    private void set() {
        chk(Tok.LEFTPAR);
        demand(Tok.SET);
        demand(Tok.STRING);
        next();
        if (current().kind != Tok.RIGHTPAR) {
            objects();
        }
        chk(Tok.RIGHTPAR);
        next();
        skip("set");
    }

    private void contour() {
        chk(Tok.LEFTPAR);
        int begin = px.size();
        demand(Tok.STRING);
        String name = current().s;
        boolean soma = name.equals("CellBody") || name.equals("Cell Body") || name.equals("Soma");
        int line = current().line;
        next();
        properties();
        points();
        if (soma) {
            int end = px.size();
            if (end - begin > 2) {
                sectype = 1;
                newSection(begin, end).contour = true;
            } else {
                warnings.add("line " + line + ": CellBody contour has fewer than three points: ignored, as NEURON"
                        + " does");
            }
        } else {
            skip("contour \"" + name + "\"");
        }
        chk(Tok.RIGHTPAR);
        next();
    }

    /** Skips a marker list inside a tree: balanced parentheses. */
    private void markerList() {
        chk(Tok.LEFTPAR);
        int depth = 1;
        while (depth != 0) {
            next();
            if (current().kind == Tok.EOF) {
                throw parseError();
            }
            if (current().kind == Tok.RIGHTPAR) {
                depth--;
            } else if (current().kind == Tok.LEFTPAR) {
                depth++;
            }
        }
        next();
        skip("marker");
    }

    private void tree() {
        parentsec = null;
        chk(Tok.LEFTPAR);
        next();
        properties();
        sectype = 0;
        if (!plist.isEmpty()) {
            String kind = plist.get(plist.size() - 1).get(0).s;
            sectype = switch (kind) {
                case "Axon" -> 2;
                case "Dendrite" -> 3;
                case "Apical" -> 4;
                default -> 0;
            };
        }
        branch();
        chk(Tok.RIGHTPAR);
        next();
        parentsec = null;
    }

    private void branch() {
        Import3dSection saved = parentsec;
        int begin = px.size();
        treePoints();
        int end = px.size();
        if (end == begin) {
            throw new MorphologyFileException(file, current().line, "a branch without points");
        }
        Import3dSection sec = newSection(begin, end);
        sec.parent = parentsec;
        parentsec = sec;
        branchEnd();
        parentsec = saved;
    }

    private void treePoints() {
        treePoint();
        while (true) {
            optionalComma();
            if (current().kind != Tok.LEFTPAR || lookAhead().kind != Tok.NUMBER) {
                break;
            }
            treePoint();
        }
    }

    private void treePoint() {
        if (lookAhead().kind == Tok.LABEL) {
            markerOrProperty();
        } else {
            int before = px.size();
            point();
            double diam = pd.get(before);
            if (!(diam > 0)) {
                throw new MorphologyFileException(file, pline.get(before), "diameter must be > 0, was " + diam);
            }
            if (current().kind == Tok.LEFTSP) {
                while (current().kind == Tok.LEFTSP) {
                    spine();
                }
            }
        }
    }

    private void spine() {
        chk(Tok.LEFTSP);
        next();
        properties();
        chk(Tok.LEFTPAR);
        demand(Tok.NUMBER);
        next();
        optionalComma();
        chk(Tok.NUMBER);
        next();
        optionalZAndDiameter(new double[2]);
        chk(Tok.RIGHTPAR);
        next();
        chk(Tok.RIGHTSP);
        next();
        skip("spine");
    }

    private void branchEnd() {
        optionalComma();
        if (current().kind == Tok.LEFTPAR) {
            while (lookAhead().kind == Tok.LABEL) {
                markerList();
            }
        }
        optionalComma();
        if (current().kind == Tok.LEFTPAR || current().kind == Tok.LABEL) {
            node();
        }
    }

    private void node() {
        if (current().kind == Tok.LEFTPAR) {
            next();
            branch();
            while (current().kind == Tok.BAR) {
                next();
                branch();
            }
            chk(Tok.RIGHTPAR);
            next();
        } else if (current().kind == Tok.LABEL) {
            next(); // an ending: Normal, Incomplete, High, Low, ...
        } else {
            throw parseError();
        }
    }

    private void marker() {
        chk(Tok.LEFTPAR);
        demand(Tok.LABEL);
        next();
        properties();
        points();
        chk(Tok.RIGHTPAR);
        next();
        skip("marker");
    }

    private boolean text() {
        chk(Tok.LEFTPAR);
        next();
        properties();
        point();
        if (current().kind != Tok.STRING) {
            return false;
        }
        next();
        if (current().kind != Tok.RIGHTPAR) {
            return false;
        }
        next();
        return true;
    }

    private void points() {
        point();
        while (true) {
            optionalComma();
            if (current().kind != Tok.LEFTPAR) {
                break;
            }
            point();
        }
    }

    private void point() {
        chk(Tok.LEFTPAR);
        demand(Tok.NUMBER);
        double xval = current().x;
        int line = current().line;
        next();
        optionalComma();
        chk(Tok.NUMBER);
        double yval = current().x;
        next();
        double[] zd = new double[2];
        optionalZAndDiameter(zd);
        px.add(xval);
        py.add(yval);
        pz.add(zd[0]);
        pd.add(zd[1]);
        pline.add(line);
        chk(Tok.RIGHTPAR);
        next();
    }

    /** optz, optmodifier and optbezier: z, then the diameter, a label (e.g. S1) and a Bezier quadruple. */
    private void optionalZAndDiameter(double[] zd) {
        optionalComma();
        if (current().kind != Tok.NUMBER) {
            return;
        }
        zd[0] = current().x;
        next();
        optionalComma();
        if (current().kind != Tok.NUMBER) {
            return;
        }
        zd[1] = current().x;
        next();
        optionalComma();
        if (current().kind == Tok.LABEL) {
            next();
        }
        optionalComma();
        if (current().kind == Tok.LEFTPAR) {
            demand(Tok.NUMBER);
            next();
            optionalComma();
            chk(Tok.NUMBER);
            next();
            optionalComma();
            chk(Tok.NUMBER);
            next();
            optionalComma();
            chk(Tok.NUMBER);
            demand(Tok.RIGHTPAR);
            next();
        }
    }

    /**
     * {@code newsec}: points begin .. end-1; a branch whose first point is not its parent's last (hoc's fuzzy
     * {@code ==}) gets that point first, with the branch's own first diameter.
     */
    private Import3dSection newSection(int begin, int end) {
        int n = end - begin;
        boolean extra = false;
        if (parentsec != null) {
            int last = parentsec.size() - 1;
            extra = !(HocCompare.eq(parentsec.x[last], px.get(begin)) && HocCompare.eq(parentsec.y[last], py.get(begin))
                    && HocCompare.eq(parentsec.z[last], pz.get(begin)));
        }
        Import3dSection sec = new Import3dSection(begin, extra ? n + 1 : n);
        int offset = 0;
        if (extra) {
            int last = parentsec.size() - 1;
            sec.set(0, parentsec.x[last], parentsec.y[last], parentsec.z[last], pd.get(begin));
            offset = 1;
        }
        for (int k = 0; k < n; k++) {
            sec.set(offset + k, px.get(begin + k), py.get(begin + k), pz.get(begin + k), pd.get(begin + k));
        }
        sec.type = sectype;
        sec.line = pline.get(begin);
        sections.add(sec);
        return sec;
    }

    // ---------------------------------------------------------------- connect2soma and instantiate

    private ImportedMorphology build(ImportTarget target) {
        int minType = sections.stream().mapToInt(s -> s.type).min()
                .orElseThrow(() -> new MorphologyFileException(file, 0, "no soma contour and no tree"));
        List<Import3dSection> ordered = new ArrayList<>();
        List<Import3dSection> contours = new ArrayList<>();
        for (Import3dSection s : sections) {
            if (s.contour) {
                contours.add(s);
            }
        }
        ordered.addAll(contours); // soma contours first, as connect2soma moves them
        for (Import3dSection s : sections) {
            if (!s.contour) {
                ordered.add(s);
            }
        }
        List<Import3dSection> somas = somaContourStacks(contours);
        connectToSoma(ordered, somas);
        if (!skipped.isEmpty()) {
            List<String> items = new ArrayList<>();
            skipped.forEach((what, count) -> items.add(what + " x" + count));
            warnings.add("skipped, not part of the cell: " + String.join(", ", items));
        }
        ImportedMorphology.SomaKind soma = somas.isEmpty() ? ImportedMorphology.SomaKind.NONE
                : somas.get(0).stack.isEmpty() ? ImportedMorphology.SomaKind.CONTOUR
                : ImportedMorphology.SomaKind.CONTOUR_STACK;
        return Import3dInstantiate.instantiate(file, soma, ordered, minType, warnings, target);
    }

    /**
     * {@code soma_contour_stack}: a contour whose xy bounding box overlaps the previous contour's joins the stack of
     * the soma being built, as a subsidiary contour; the others start a soma of their own. Returns the somata.
     * {@code somastack_makes_sense}'s doubts (a contour not flat, two at one z, z not monotonic) become warnings.
     */
    private List<Import3dSection> somaContourStacks(List<Import3dSection> contours) {
        List<Import3dSection> somas = new ArrayList<>();
        if (contours.isEmpty()) {
            return somas;
        }
        Import3dSection first = contours.get(0);
        somas.add(first);
        for (int i = 1; i < contours.size(); i++) {
            Import3dSection next = contours.get(i);
            double[] a = box(contours.get(i - 1));
            double[] b = box(next);
            boolean overlap = !(HocCompare.gt(a[0], b[2]) || HocCompare.gt(b[0], a[2]))
                    && !(HocCompare.gt(a[1], b[3]) || HocCompare.gt(b[1], a[3]));
            if (overlap) {
                first.stack.add(next);
                next.subsidiary = true;
            } else {
                first = next;
                somas.add(first);
            }
        }
        for (Import3dSection soma : somas) {
            if (!soma.stack.isEmpty()) {
                checkStack(soma);
            }
        }
        return somas;
    }

    private void checkStack(Import3dSection soma) {
        String where = "soma contour stack starting at line " + soma.line + ": ";
        if (!flat(soma)) {
            warnings.add(where + "its first contour does not have one z value (NEURON: the soma area may be"
                    + " seriously in error)");
            return;
        }
        double z = soma.z[0];
        int direction = 0;
        for (Import3dSection c : soma.stack) {
            double dz = c.z[0] - z;
            if (HocCompare.eq(dz, 0)) {
                warnings.add(where + "the contour at line " + c.line + " has the same z as the one before");
                return;
            }
            int d = HocCompare.gt(dz, 0) ? 1 : -1;
            if (direction != 0 && d != direction) {
                warnings.add(where + "the contour at line " + c.line + " breaks the monotonic order in z (NEURON:"
                        + " the soma surface is nonsense)");
                return;
            }
            direction = d;
            z = c.z[0];
            if (!flat(c)) {
                warnings.add(where + "the contour at line " + c.line + " does not have one z value");
                return;
            }
        }
    }

    private static boolean flat(Import3dSection contour) {
        for (double z : contour.z) {
            if (!HocCompare.eq(z, contour.z[0])) {
                return false;
            }
        }
        return true;
    }

    private static double[] box(Import3dSection s) {
        return new double[] {min(s.x), min(s.y), max(s.x), max(s.y)};
    }

    /** connect2soma / connect2soma_2: every tree root to the soma whose box holds it, else to the nearest soma. */
    private void connectToSoma(List<Import3dSection> ordered, List<Import3dSection> somas) {
        List<Import3dSection> roots = new ArrayList<>();
        for (Import3dSection s : ordered) {
            if (!s.contour && s.parent == null) {
                roots.add(s);
            }
        }
        if (somas.isEmpty()) {
            if (roots.size() > 1) {
                warnings.add(roots.size() + " trees and no soma contour: each is a root section of its own, as"
                        + " NEURON leaves them");
            }
            return;
        }
        List<double[]> centres = new ArrayList<>();
        for (Import3dSection soma : somas) {
            // GUIMath.inside compares InterViews Coords: floats. A single contour's box is enlarged by 0.5 um, a
            // stack's (the union of its contours' boxes) is not
            double[] box = box(soma);
            double margin = .5;
            double[] centre;
            if (soma.stack.isEmpty()) {
                centre = ContourCentroid.contourCenter(soma.x.clone(), soma.y.clone(), soma.z.clone())[3];
            } else {
                margin = 0;
                for (Import3dSection c : soma.stack) {
                    double[] b = box(c);
                    box = new double[] {Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]),
                        Math.max(box[3], b[3])};
                }
                centre = ContourCentroid.stackCentre(outlines(soma));
            }
            float xmin = (float) (box[0] - margin);
            float xmax = (float) (box[2] + margin);
            float ymin = (float) (box[1] - margin);
            float ymax = (float) (box[3] + margin);
            centres.add(centre);
            for (int i = roots.size() - 1; i >= 0; i--) {
                Import3dSection sec = roots.get(i);
                float x0 = (float) sec.x[0];
                float y0 = (float) sec.y[0];
                if (x0 >= xmin && x0 <= xmax && y0 >= ymin && y0 <= ymax) {
                    attachToCentre(sec, soma, centre);
                    roots.remove(i);
                }
            }
        }
        for (Import3dSection sec : roots) {
            int nearest = 0;
            double dmin = 1e9;
            for (int j = 0; j < centres.size(); j++) {
                double[] c = centres.get(j);
                double dx = sec.x[0] - c[0];
                double dy = sec.y[0] - c[1];
                double dz = sec.z[0] - c[2];
                double dist = Math.sqrt(0. + dx * dx + dy * dy + dz * dz);
                if (HocCompare.lt(dist, dmin)) {
                    nearest = j;
                    dmin = dist;
                }
            }
            warnings.add("line " + sec.line + ": main branch outside the soma bounding boxes: connected to the"
                    + " centre of the nearest soma, as NEURON does");
            attachToCentre(sec, somas.get(nearest), centres.get(nearest));
        }
    }

    /** The outlines {x, y, z} of a soma's contours: itself, then its stack. */
    static List<double[][]> outlines(Import3dSection soma) {
        List<double[][]> out = new ArrayList<>();
        out.add(new double[][] {soma.x, soma.y, soma.z});
        for (Import3dSection c : soma.stack) {
            out.add(new double[][] {c.x, c.y, c.z});
        }
        return out;
    }

    /** A root wired to the soma centre: the centre is its hidden first point (diameter 0.01), soma(0.5). */
    private static void attachToCentre(Import3dSection sec, Import3dSection soma, double[] centre) {
        sec.parent = soma;
        sec.parentX = .5;
        sec.insertFirst(centre[0], centre[1], centre[2], .01);
        sec.first = 1;
    }

    private static double min(double[] v) {
        double m = v[0];
        for (double e : v) {
            m = Math.min(m, e);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double e : v) {
            m = Math.max(m, e);
        }
        return m;
    }
}
