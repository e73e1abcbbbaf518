package org.spineformer.nmodl.parse;

import org.spineformer.nmodl.ast.Pos;

/**
 * A token of a mod file. Keywords are NAME tokens (the parser knows them); IF, ELSE and WHILE arrive in lower
 * case, as nocmodl translates them.
 *
 * @param end    offset just after the token in the source, where raw reads (units, TITLE) continue
 * @param primes for a PRIME token (a derivative {@code m'}), the number of primes; text is the bare name
 */
record Token(Kind kind, String text, Pos pos, int end, int primes) {
    enum Kind {
        NAME,
        PRIME,
        INTEGER,
        REAL,
        STRING,
        /** An operator or punctuation: ( ) { } [ ] , = + - * / ^ ~ @ < > <= >= == != ! && || <-> ~+ */
        PUNCT,
        EOF
    }

    boolean is(String punctOrName) {
        return (kind == Kind.PUNCT || kind == Kind.NAME) && text.equals(punctOrName);
    }

    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.REAL;
    }

    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string " + text;
            case PRIME -> "'" + text + "'".repeat(primes) + "'";
            default -> "'" + text + "'";
        };
    }
}
