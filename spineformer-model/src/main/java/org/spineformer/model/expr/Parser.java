package org.spineformer.model.expr;

import java.util.ArrayList;
import java.util.List;

/** Recursive descent over the grammar of {@link Expression}; errors name the column (1-based). */
final class Parser {
    private final String text;
    private final String where;
    private int pos;

    Parser(String text, String where) {
        this.text = text;
        this.where = where;
    }

    Node parseAll() {
        Node n = conditional();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return n;
    }

    private Node conditional() {
        Node condition = or();
        if (accept("?")) {
            Node then = conditional();
            expect(":");
            return new Node.Conditional(condition, then, conditional());
        }
        return condition;
    }

    private Node or() {
        Node n = and();
        while (accept("||")) {
            n = new Node.Binary('|', n, and());
        }
        return n;
    }

    private Node and() {
        Node n = comparison();
        while (accept("&&")) {
            n = new Node.Binary('&', n, comparison());
        }
        return n;
    }

    private Node comparison() {
        Node n = additive();
        while (true) {
            char op;
            if (accept("<=")) {
                op = 'l';
            } else if (accept(">=")) {
                op = 'g';
            } else if (accept("==")) {
                op = '=';
            } else if (accept("!=")) {
                op = '!';
            } else if (accept("<")) {
                op = '<';
            } else if (accept(">")) {
                op = '>';
            } else {
                return n;
            }
            n = new Node.Binary(op, n, additive());
        }
    }

    private Node additive() {
        Node n = multiplicative();
        while (true) {
            if (accept("+")) {
                n = new Node.Binary('+', n, multiplicative());
            } else if (accept("-")) {
                n = new Node.Binary('-', n, multiplicative());
            } else {
                return n;
            }
        }
    }

    private Node multiplicative() {
        Node n = unary();
        while (true) {
            if (accept("*")) {
                n = new Node.Binary('*', n, unary());
            } else if (accept("/")) {
                n = new Node.Binary('/', n, unary());
            } else {
                return n;
            }
        }
    }

    private Node unary() {
        if (accept("-")) {
            return new Node.Negate(unary());
        }
        if (accept("+")) {
            return unary();
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (accept("^")) {
            return new Node.Binary('^', base, unary()); // right-associative: 2^-1 and 2^3^2 = 2^(3^2)
        }
        return base;
    }

    private Node primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the expression ends where a number, name or '(' is expected");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Node n = conditional();
            expect(")");
            return n;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (accept("(")) {
                Functions f = Functions.named(name);
                if (f == null) {
                    pos = start;
                    throw error("unknown function '" + name + "'");
                }
                List<Node> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(conditional());
                    } while (accept(","));
                    expect(")");
                }
                if (args.size() != f.arity()) {
                    pos = start;
                    throw error(name + " takes " + f.arity() + " argument(s), got " + args.size());
                }
                return new Node.Call(f, List.copyOf(args));
            }
            return new Node.Variable(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        String literal = text.substring(start, pos);
        try {
            return new Node.Number(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + literal + "'");
        }
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            // '<' must not swallow the first half of '<=' etc.: longer tokens are tried first by the callers
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(where + ": expression \"" + text + "\", column " + (pos + 1) + ": "
                + message);
    }
}
