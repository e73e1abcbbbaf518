package org.spineformer.nmodl.parse;

import org.spineformer.nmodl.ast.Pos;

/**
 * NMODL's tokens as nocmodl's lex.lpp makes them: names, derivatives ({@code m'}), integers and reals (no sign),
 * strings, operators; {@code :} and {@code ?} start comments to the end of the line (CR, LF or CRLF, as nocmodl). Units, TITLE lines, COMMENT
 * and VERBATIM bodies and REPRESENTS identifiers are read raw on the parser's request, as nocmodl does.
 */
final class Lexer {
    private final String file;
    /** The INCLUDE's file name as written, for a text an INCLUDE brought in (its places name the file); else null. */
    private final String includedAs;
    private final String src;
    private int at;
    private int line = 1;
    private int lineStart;

    Lexer(String file, String source) {
        this(file, source, null);
    }

    /** A text that {@code INCLUDE "includedAs"} brought in, found at {@code file}. */
    Lexer(String file, String source, String includedAs) {
        this.file = file;
        this.includedAs = includedAs;
        this.src = lineEnds(source);
    }

    /**
     * The text with every line ending a {@code \n}: nocmodl reads its input line by line (io.cpp, {@code Fgets}),
     * taking {@code \r\n} and a lone {@code \r} (old Mac files) as a line's end, so a {@code :} comment ends there.
     */
    static String lineEnds(String source) {
        return source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
    }

    String file() {
        return file;
    }

    String includedAs() {
        return includedAs;
    }

    Pos pos() {
        return new Pos(includedAs == null ? null : file, line, at - lineStart + 1);
    }

    NmodlSyntaxException error(Pos pos, String message) {
        return new NmodlSyntaxException(file, pos, message);
    }

    /** Continues reading at a token's end, forgetting any token scanned after it. */
    void resetTo(Token t) {
        resetTo(t.end());
    }

    private void resetTo(int offset) {
        while (at > offset) {
            at--;
            if (src.charAt(at) == '\n') {
                line--;
            }
        }
        lineStart = src.lastIndexOf('\n', at - 1) + 1;
    }

    private char ch(int k) {
        return at + k < src.length() ? src.charAt(at + k) : '\0';
    }

    private void advance() {
        if (src.charAt(at) == '\n') {
            line++;
            lineStart = at + 1;
        }
        at++;
    }

    Token next() {
        skipSpaceAndComments();
        Pos p = pos();
        int start = at;
        if (at >= src.length()) {
            return new Token(Token.Kind.EOF, "", p, at, 0);
        }
        char c = ch(0);
        if (isLetter(c)) {
            while (isLetter(ch(0)) || isDigit(ch(0)) || ch(0) == '_') {
                advance();
            }
            String name = src.substring(start, at);
            int primes = 0;
            while (ch(0) == '\'') {
                advance();
                primes++;
            }
            if (primes > 0) {
                return new Token(Token.Kind.PRIME, name, p, at, primes);
            }
            if (name.equals("IF") || name.equals("ELSE") || name.equals("WHILE")) {
                name = name.toLowerCase();
            }
            return new Token(Token.Kind.NAME, name, p, at, 0);
        }
        if (isDigit(c) || (c == '.' && isDigit(ch(1)))) {
            return number(p, start);
        }
        if (c == '"') {
            advance();
            while (at < src.length() && ch(0) != '"') {
                advance();
            }
            if (at >= src.length()) {
                throw error(p, "string without its closing '\"'");
            }
            advance();
            return new Token(Token.Kind.STRING, src.substring(start, at), p, at, 0);
        }
        for (String op : new String[] {"<->", "<=", ">=", "==", "!=", "&&", "||", "~+"}) {
            if (src.startsWith(op, at)) {
                at += op.length();
                return new Token(Token.Kind.PUNCT, op, p, at, 0);
            }
        }
        if ("(){}[],=+-*/^~@<>!%".indexOf(c) >= 0) {
            advance();
            return new Token(Token.Kind.PUNCT, String.valueOf(c), p, at, 0);
        }
        throw error(p, "unexpected character '" + c + "'");
    }

    private Token number(Pos p, int start) {
        boolean real = false;
        while (isDigit(ch(0))) {
            advance();
        }
        if (ch(0) == '.') {
            real = true;
            advance();
            while (isDigit(ch(0))) {
                advance();
            }
        }
        if ((ch(0) == 'e' || ch(0) == 'E')
                && (isDigit(ch(1)) || ((ch(1) == '+' || ch(1) == '-') && isDigit(ch(2))))) {
            real = true;
            advance();
            advance();
            while (isDigit(ch(0))) {
                advance();
            }
        }
        return new Token(real ? Token.Kind.REAL : Token.Kind.INTEGER, src.substring(start, at), p, at, 0);
    }

    private void skipSpaceAndComments() {
        while (at < src.length()) {
            char c = ch(0);
            if (c == ':' || c == '?') {
                while (at < src.length() && ch(0) != '\n') {
                    advance();
                }
            } else if (Character.isWhitespace(c)) {
                advance();
            } else {
                return;
            }
        }
    }

    /** The text up to the next ')' on the same line (a unit, without parentheses), consuming the ')'. */
    String readUnit(Pos open) {
        int start = at;
        while (at < src.length() && ch(0) != ')' && ch(0) != '\n') {
            advance();
        }
        if (ch(0) != ')') {
            throw error(open, "unit without its closing ')'");
        }
        String unit = src.substring(start, at).trim();
        advance();
        return unit;
    }

    /** The rest of the current line (TITLE). */
    String readLine() {
        int start = at;
        while (at < src.length() && ch(0) != '\n') {
            advance();
        }
        return src.substring(start, at).trim();
    }

    /** Everything up to the keyword {@code end} (ENDCOMMENT, ENDVERBATIM), consuming it. */
    String readUntil(String end, Pos open, String what) {
        int stop = src.indexOf(end, at);
        if (stop < 0) {
            throw error(open, what + " without its " + end);
        }
        String text = src.substring(at, stop);
        while (at < stop + end.length()) {
            advance();
        }
        return text;
    }

    /** An ontology identifier after REPRESENTS: {@code NCIT:C17145} or {@code [NCIT:C17145]}. */
    String readOntologyId(Pos where) {
        skipSpaceOnLine();
        int start = at;
        while (at < src.length() && !Character.isWhitespace(ch(0)) && ch(0) != '}') {
            advance();
        }
        String id = src.substring(start, at);
        if (!id.matches("\\[?[a-zA-Z][a-zA-Z0-9_]*:[a-zA-Z0-9_]*]?")) {
            throw error(where, "REPRESENTS needs an ontology identifier such as NCIT:C17145, not '" + id + "'");
        }
        return id;
    }

    private void skipSpaceOnLine() {
        while (at < src.length() && (ch(0) == ' ' || ch(0) == '\t')) {
            advance();
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
