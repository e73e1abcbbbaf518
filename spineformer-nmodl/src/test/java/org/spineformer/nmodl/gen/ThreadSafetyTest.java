package org.spineformer.nmodl.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.nmodl.parse.Parser;

/**
 * Which mechanisms nocmodl 8.2.2 makes thread safe ({@link ThreadSafety}), each case as nocmodl 8.2.2 translates
 * the same text (checked with Debian's /usr/bin/nocmodl on each, n17, 2026-12-07: a thread-safe translation defines
 * {@code _threadargscomma_} as {@code _p, _ppvar, _thread, _nt,}, another as nothing). The TABLE-checking
 * consequence is tested against NEURON's output in {@code NocmodlQuirksReferenceTest}. In the texts below, {@code $}
 * stands for a line end.
 */
class ThreadSafetyTest {
    private static final String HEAD = "NEURON { SUFFIX x NONSPECIFIC_CURRENT i GLOBAL q RANGE r }\n"
            + "PARAMETER { p = 1 r = 2 }\nASSIGNED { v i q }\nSTATE { n }\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "nothing unsafe|BREAKPOINT { SOLVE s METHOD cnexp i = n }$DERIVATIVE s { n' = -n }|true",
        "a GLOBAL assigned|INITIAL { q = 1 }|false",
        "a PARAMETER not RANGE assigned|INITIAL { p = 1 }|true",
        "a RANGE PARAMETER assigned|INITIAL { r = 1 }|true",
        "a LOCAL of a GLOBAL's name assigned|INITIAL { LOCAL q$ q = 1 }|true",
        "a GLOBAL assigned under PROTECT|INITIAL { PROTECT q = 1 }|true",
        "the VERBATIM return 0 idiom|PROCEDURE f() {$VERBATIM$return 0;$ENDVERBATIM$}|false",
        "set_seed|INITIAL { set_seed(1) }|false",
        "METHOD derivimplicit|BREAKPOINT { SOLVE s METHOD derivimplicit i = n }$DERIVATIVE s { n' = -n }|true",
        "METHOD runge|BREAKPOINT { SOLVE s METHOD runge i = n }$DERIVATIVE s { n' = -n }|false",
        "a DERIVATIVE block without METHOD|BREAKPOINT { SOLVE s i = n }$DERIVATIVE s { n' = -n }|false",
        "a LINEAR block|INITIAL { SOLVE l }$LINEAR l { ~ n = 1 }|false",
        "state_discontinuity in BREAKPOINT|BREAKPOINT { state_discontinuity(n, 1) i = n }|false",
        "a VERBATIM of #include lines|VERBATIM$#include <stdlib.h>$ENDVERBATIM|false",
    })
    void asNocmodl(String what, String body, boolean threadSafe) {
        String text = HEAD + body.replace("$", "\n") + "\n";
        assertThat(ThreadSafety.threadSafe(Parser.parse("x.mod", text))).as(what).isEqualTo(threadSafe);
    }

    /** THREADSAFE keeps a mechanism with an assigned GLOBAL thread safe, not one with METHOD runge (solve.cpp). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a GLOBAL assigned|INITIAL { q = 1 }|true",
        "METHOD runge|BREAKPOINT { SOLVE s METHOD runge i = n }$DERIVATIVE s { n' = -n }|false",
        "a VERBATIM of #include lines after the NEURON block|VERBATIM$#include <stdlib.h>$ENDVERBATIM|true",
        "state_discontinuity in BREAKPOINT|BREAKPOINT { state_discontinuity(n, 1) i = n }|false",
    })
    void withThreadsafe(String what, String body, boolean threadSafe) {
        String text = HEAD.replace("SUFFIX x", "SUFFIX x THREADSAFE") + body.replace("$", "\n") + "\n";
        assertThat(ThreadSafety.threadSafe(Parser.parse("x.mod", text))).as(what).isEqualTo(threadSafe);
    }

    /**
     * THREADSAFE covers a VERBATIM block or a call of set_seed only when it came first: nocmodl tests it as it reads
     * them (ModelDB 153280's channels have their VERBATIM of {@code #include <stdlib.h>} before the NEURON block).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a VERBATIM of #include lines|VERBATIM$#include <stdlib.h>$ENDVERBATIM",
        "set_seed|PROCEDURE seed() { set_seed(1) }",
    })
    void beforeThreadsafe(String what, String before) {
        String text = before.replace("$", "\n") + "\n" + HEAD.replace("SUFFIX x", "SUFFIX x THREADSAFE");
        assertThat(ThreadSafety.threadSafe(Parser.parse("x.mod", text))).as(what).isFalse();
    }
}
