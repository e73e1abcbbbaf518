package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.parse.Parser;

/** Each construct the checker rejects, and each semantic error, with the message it gives. */
class CheckerTest {
    private static final String HEADER = "NEURON { SUFFIX x }\nASSIGNED { v (mV) a }\n";

    /** The messages for a file made of HEADER and {@code body} (so the body starts on line 3). */
    private static List<String> check(String body) {
        return Checker.check(Parser.parse("x.mod", HEADER + body)).stream().map(Diagnostic::toString).toList();
    }

    @Test
    void everyFeatureFileOfTheProjectPasses() {
        for (String f : List.of("neuron_block", "units", "declarations", "kinetic", "function_table", "net_receive",
                "comments", "control", "table_depend", "exp_synapse")) {
            assertThat(Checker.check(Resources.mod("features/" + f + ".mod"))).as(f).isEmpty();
        }
    }

    /** nocmodl 8.2.2 stops on u0 in ASSIGNED beside STATE u ("can't be declared a parameter by default"). */
    @Test
    void aStateStartValueDeclaredOutsidePARAMETER() {
        assertThat(check("ASSIGNED { u0 }\nSTATE { u }\n")).containsExactly("x.mod:3:12: 'u0' is declared in ASSIGNED:"
                + " nocmodl makes it the start value of STATE u, a PARAMETER (\"can't be declared a parameter by"
                + " default\"): declare it in PARAMETER or rename it");
        assertThat(check("PARAMETER { u0 = 0.7 }\nSTATE { u }\n")).isEmpty();
    }

    /**
     * A LOCAL of a FUNCTION's or PROCEDURE's body named as its argument: nocmodl 8.2.2 translates it, but both become
     * {@code _ly} in one C scope and the C compiler stops ("'_ly' redeclared", checked with nrnivmodl on each); a
     * LOCAL named otherwise is taken.
     */
    @Test
    void aLocalNamedAsItsArgumentIsRefused() {
        assertThat(check("ASSIGNED { q }\nFUNCTION f(y) { LOCAL y\n  f = y\n}\n"
                + "PROCEDURE p(y, z) { LOCAL a, z\n  a = 1\n  q = y + z + a\n}\n")).containsExactly(
                "x.mod:4:17: LOCAL y of FUNCTION f has the name of its argument y: NEURON cannot build it (nocmodl"
                        + " names both _ly in one C scope: \"'_ly' redeclared\")",
                "x.mod:7:21: LOCAL z of PROCEDURE p has the name of its argument z: NEURON cannot build it (nocmodl"
                        + " names both _lz in one C scope: \"'_lz' redeclared\")");
        assertThat(check("ASSIGNED { q }\nPROCEDURE p(y) { LOCAL a\n  a = y\n  q = a\n}\n")).isEmpty();
    }

    /**
     * A LOCAL inside an inner block named as an argument or a LOCAL around it: NEURON builds it (nocmodl declares it
     * in the inner C block, which shadows; checked with nrnivmodl), the generated Java could not (a Java local
     * cannot shadow another: an internal error before), so it is refused as not supported yet; the same name in
     * sibling blocks compiles and runs.
     */
    @Test
    void aLocalShadowingInsideAnInnerBlockIsNotSupportedYet() {
        assertThat(check("ASSIGNED { q }\nPROCEDURE p(y) { LOCAL a\n  a = y\n  if (y > 0) { LOCAL y, b\n"
                + "    y = 2  b = 1\n    if (b > 0) { LOCAL a\n      a = 1 }\n    q = y }\n}\n")).containsExactly(
                "x.mod:6:16: LOCAL y inside a block, named as an argument or LOCAL around it, is not supported yet"
                        + " (NEURON takes it: C's inner scope); rename it",
                "x.mod:8:18: LOCAL a inside a block, named as an argument or LOCAL around it, is not supported yet"
                        + " (NEURON takes it: C's inner scope); rename it");
        String siblings = "NEURON { SUFFIX sib NONSPECIFIC_CURRENT i }\nASSIGNED { v (mV) i (mA/cm2) q }\n"
                + "BREAKPOINT { p(v)\n  i = 0.001*q }\nPROCEDURE p(y) {\n  if (y > 0) { LOCAL b\n    b = 1\n"
                + "    q = b }\n  if (y <= 0) { LOCAL b\n    b = 2\n    q = b }\n}\n";
        assertThat(Checker.check(org.spineformer.nmodl.parse.Parser.parse("sib.mod", siblings))).isEmpty();
        assertThat(org.spineformer.nmodl.gen.NmodlMechanism.compile("sib.mod", siblings).name()).isEqualTo("sib");
    }

    /** A VERBATIM of #include lines only is accepted (IncludeOnlyVerbatimTest); C code besides is not. */
    @Test
    void verbatimAtTopLevel() {
        assertThat(check("VERBATIM\n#include <stdio.h>\nstatic int n;\nENDVERBATIM\n"))
                .containsExactly("x.mod:3:1: VERBATIM is not supported: C code cannot run on the JVM");
    }

    /**
     * A name of nocmodl's function library declared as a variable, a UNITS constant, a FUNCTION or a PROCEDURE: nocmodl
     * 8.2.2 stops ("floor is a RESERVED WORD ... multiple uses for same variable", checked with nocmodl on each kind);
     * as a LOCAL or an argument it is taken.
     */
    @Test
    void reservedWordsOfNocmodlAreRefused() {
        assertThat(check("PARAMETER { floor = 1 }\nASSIGNED { step }\nSTATE { f_flux }\n"
                + "UNITS { exp = (faraday) (coulomb) }\nFUNCTION sigmoid(x) { sigmoid = x }\n"
                + "PROCEDURE error() { LOCAL pow\n  pow = 1\n}\nFUNCTION f(ramp) { f = ramp }\n")).containsExactly(
                "x.mod:3:13: 'floor' declared in PARAMETER is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it",
                "x.mod:4:12: 'step' declared in ASSIGNED is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it",
                "x.mod:5:9: 'f_flux' declared in STATE is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it",
                "x.mod:6:9: 'exp' declared in UNITS is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it",
                "x.mod:7:1: 'sigmoid' declared in FUNCTION is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it",
                "x.mod:8:1: 'error' declared in PROCEDURE is a reserved word of nocmodl (a function of its library,"
                        + " extdef.h): NEURON refuses it");
    }

    @Test
    void verbatimInABlock() {
        assertThat(check("INITIAL {\n  VERBATIM printf(\"%d\", 1); ENDVERBATIM\n}\n"))
                .containsExactly("x.mod:4:3: VERBATIM is not supported: C code cannot run on the JVM");
    }

    /**
     * VERBATIM return 0; ENDVERBATIM ending a PROCEDURE is accepted (ReturnZeroIdiomTest); the same text ending a
     * FUNCTION returns 0 instead of the function's value and stays refused, with the plain message.
     */
    @Test
    void verbatimReturnZeroEndingAProcedureIsAcceptedNotEndingAFunction() {
        assertThat(check("PROCEDURE p() {\n  a = 1\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n}\n"
                + "FUNCTION f() {\n  f = 1\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n}\n")).containsExactly(
                "x.mod:11:3: VERBATIM is not supported: C code cannot run on the JVM");
    }

    @Test
    void pointer() {
        assertThat(Checker.check(Parser.parse("p.mod", "NEURON {\n SUFFIX p\n POINTER vp\n}\n")).get(0))
                .hasToString("p.mod:3:2: POINTER is not supported: a mechanism cannot read another's variables"
                        + " through pointers");
    }

    @Test
    void bbcorePointer() {
        assertThat(Checker.check(Parser.parse("p.mod", "NEURON { SUFFIX p BBCOREPOINTER rng }")).get(0))
                .hasToString("p.mod:1:19: BBCOREPOINTER is not supported: a mechanism cannot read another's"
                        + " variables through pointers");
    }

    @Test
    void external() {
        assertThat(Checker.check(Parser.parse("e.mod", "NEURON { SUFFIX e EXTERNAL gk_hh }")).get(0))
                .hasToString("e.mod:1:19: EXTERNAL is not supported: variables of other mechanisms cannot be read");
    }

    @Test
    void watch() {
        assertThat(check("NET_RECEIVE(w) {\n  WATCH (v > 10) 2\n}\n"))
                .containsExactly("x.mod:4:3: WATCH is not supported: events triggered by conditions are not"
                        + " supported");
    }

    @Test
    void longitudinalDiffusion() {
        assertThat(check("STATE { ca }\nKINETIC k {\n  LONGITUDINAL_DIFFUSION 1 { ca }\n}\n"))
                .containsExactly("x.mod:5:3: LONGITUDINAL_DIFFUSION is not supported: diffusion between segments"
                        + " is not modelled");
    }

    /** A FUNCTION_TABLE is a function whose values the model gives (FunctionTableTest): its calls check. */
    @Test
    void functionTableIsAFunction() {
        assertThat(check("FUNCTION_TABLE tau(v (mV)) (ms)\nBREAKPOINT { a = tau(v) }\n")).isEmpty();
    }

    @Test
    void constructorAndOtherBlocksWithoutAStep() {
        assertThat(check("CONSTRUCTOR { }\nDESTRUCTOR { }\nAFTER BREAKPOINT { }\nDISCRETE d { }\n")).containsExactly(
                "x.mod:3:1: CONSTRUCTOR block is not supported: no equivalent in Spineformer's step",
                "x.mod:4:1: DESTRUCTOR block is not supported: no equivalent in Spineformer's step",
                "x.mod:5:1: AFTER BREAKPOINT is not supported: NEURON 8.2.2 cannot load it (\"before-after"
                        + " processing type ... not implemented\"); BEFORE INITIAL, AFTER INITIAL, BEFORE BREAKPOINT,"
                        + " AFTER SOLVE and BEFORE STEP are",
                "x.mod:6:1: DISCRETE block is not supported: no equivalent in Spineformer's step");
    }

    /**
     * The five BEFORE/AFTER blocks NEURON 8.2.2 runs pass (their statements checked as a block's); the three that
     * nocmodl translates but NEURON's hoc_reg_ba cannot load are refused.
     */
    @Test
    void beforeAfterBlocks() {
        assertThat(check("BEFORE INITIAL { a = v }\nAFTER INITIAL { }\nBEFORE BREAKPOINT { }\nAFTER SOLVE { }\n"
                + "BEFORE STEP { a = t }\n")).isEmpty();
        assertThat(check("BEFORE STEP { a = nope }\n")).containsExactly(
                "x.mod:3:19: 'nope' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)");
        assertThat(check("BEFORE SOLVE { }\nAFTER STEP { }\n")).hasSize(2).allMatch(m -> m.contains(
                "is not supported: NEURON 8.2.2 cannot load it"));
    }

    @Test
    void sectionVariables() {
        assertThat(Checker.check(Parser.parse("s.mod", "NEURON { SUFFIX s SECTION q }")).get(0))
                .hasToString("s.mod:1:19: SECTION is not supported: section variables are not supported");
    }

    @Test
    void scopStatements() {
        assertThat(check("BREAKPOINT {\n  SENS a\n}\n"))
                .containsExactly("x.mod:4:3: SENS is not supported: this SCoP statement has no NEURON meaning");
    }

    @Test
    void undeclaredVariable() {
        assertThat(check("BREAKPOINT {\n  a = gbar*v\n}\n")).containsExactly(
                "x.mod:4:7: 'gbar' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)");
    }

    @Test
    void localsArgumentsAndLoopIndicesAreDeclaredOnlyInTheirScope() {
        assertThat(check("FUNCTION f(q) {\n  LOCAL z\n  z = q\n  FROM i = 0 TO 2 { z = z + i }\n  f = z + i\n}\n"
                + "BREAKPOINT { a = f(1) + z }\n")).containsExactly(
                "x.mod:7:11: 'i' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)",
                "x.mod:9:25: 'z' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)");
    }

    @Test
    void duplicateDeclaration() {
        assertThat(check("PARAMETER { g = 1 }\nSTATE {\n  g\n}\n"))
                .containsExactly("x.mod:5:3: 'g' is declared twice (in PARAMETER and STATE)");
    }

    @Test
    void duplicateFunction() {
        assertThat(check("PROCEDURE r() { }\nPROCEDURE r() { }\n"))
                .containsExactly("x.mod:4:1: PROCEDURE r is defined twice (first at line 3)");
    }

    @Test
    void unknownFunction() {
        assertThat(check("BREAKPOINT { a = alpha(v) }\n")).containsExactly("x.mod:3:18: call of 'alpha', which is"
                + " neither a FUNCTION or PROCEDURE of this file nor one of NMODL's functions");
    }

    @Test
    void solveOfAnUnknownBlock() {
        assertThat(check("BREAKPOINT {\n  SOLVE states METHOD cnexp\n}\n")).containsExactly("x.mod:4:3: SOLVE states:"
                + " there is no DERIVATIVE, KINETIC, LINEAR, NONLINEAR or PROCEDURE block named states");
    }

    @Test
    void solveWithAnUnknownMethod() {
        assertThat(check("STATE { m }\nBREAKPOINT {\n  SOLVE s METHOD magic\n}\nDERIVATIVE s { m' = -m }\n"))
                .containsExactly("x.mod:5:3: SOLVE s METHOD magic: unknown method (known: cnexp, derivimplicit,"
                        + " euler, sparse, runge, ...)");
    }

    // ---- what nocmodl 8.2.2 stops on (each checked with nocmodl: exit status 1, or an assertion)

    /** nocmodl's solve.cpp: a method works with the block kinds of init.cpp's table (lsoda is not one of its names). */
    @Test
    void solveWithAMethodOfAnotherBlockKind() {
        assertThat(check("STATE { x b }\nBREAKPOINT {\n  SOLVE s METHOD derivimplicit\n  SOLVE s METHOD cnexp\n"
                + "  SOLVE d METHOD sparse\n  SOLVE p METHOD euler\n  SOLVE d METHOD lsoda\n}\n"
                + "KINETIC s {\n  ~ x <-> b (1, 2)\n}\nDERIVATIVE d { x' = -x }\nPROCEDURE p() { }\n"))
                .containsExactly(
                        "x.mod:5:3: SOLVE s METHOD derivimplicit: METHOD derivimplicit can't be used with the"
                                + " KINETIC block s (nocmodl: \"Method derivimplicit can't be used with Block s\")",
                        "x.mod:6:3: SOLVE s METHOD cnexp: METHOD cnexp can't be used with the KINETIC block s"
                                + " (nocmodl: \"Method derivimplicit can't be used with Block s\")",
                        "x.mod:7:3: SOLVE d METHOD sparse: METHOD sparse can't be used with the DERIVATIVE block d"
                                + " (nocmodl: \"Method sparse can't be used with Block d\")",
                        "x.mod:8:3: SOLVE p METHOD euler: METHOD euler can't be used with the PROCEDURE block p"
                                + " (nocmodl: \"Method euler can't be used with Block p\")",
                        "x.mod:9:3: SOLVE d METHOD lsoda: unknown method (known: cnexp, derivimplicit, euler,"
                                + " sparse, runge, ...)");
    }

    /** nocmodl warns and writes C that no C compiler takes (every METHOD; checked with nrnivmodl). */
    @Test
    void derivativeOfAnArrayElement() {
        assertThat(check("STATE { x[4] }\nBREAKPOINT { SOLVE s METHOD euler }\n"
                + "DERIVATIVE s { FROM i = 0 TO 3 { x'[i] = -x[i] } }\n"))
                .containsExactly("x.mod:5:34: the derivative x'[...] of an array element is not supported: NEURON"
                        + " 8.2.2 cannot build it either (nocmodl: \"Derivatives of STATE array variables are not"
                        + " translated correctly and compile time errors will be generated\"; nrnivmodl's C compile"
                        + " fails with every METHOD); write one STATE per element, or a KINETIC scheme over the array");
    }

    /** nocmodl 8.2.2 translates it, calling _advance_thread, which NEURON 8.2.2's library does not define. */
    @Test
    void kineticWithoutMethod() {
        assertThat(check("STATE { x b }\nBREAKPOINT {\n  SOLVE s\n}\nKINETIC s {\n  ~ x <-> b (1, 2)\n}\n"))
                .containsExactly("x.mod:5:3: SOLVE s without METHOD: nocmodl 8.2.2 solves a KINETIC block so by"
                        + " scopmath's _advance_thread, which NEURON 8.2.2 does not have (its library does not load:"
                        + " undefined symbol); write METHOD sparse");
    }

    @Test
    void aUnitNeuronDoesNotKnow() {
        // nrnunits.lib has no "molar": nocmodl says "Cannot recognize the units: molar"
        assertThat(check("UNITS {\n  (mM) = (millimolar)\n}\n")).containsExactly("x.mod:4:10: unknown unit"
                + " 'molar' in (millimolar): not in NEURON's units table (nrnunits.lib) nor defined earlier in a UNITS"
                + " block, as (molar) = (...) (nocmodl stops: Cannot recognize the units)");
    }

    @Test
    void unitsNeuronKnows() {
        // prefixes (milli, micro, kilo), plurals, powers, products, a leading number, and names defined earlier
        assertThat(check("UNITS {\n  (mM) = (milli/liter)\n  (um) = (micron)\n  (molar) = (1/liter)\n"
                + "  (x) = (1e-6 um2)\n  (y) = (mM-um)\n  (pS) = (picosiemens)\n"
                + "  F = (faraday) (kilocoulombs)\n  R = (k-mole) (joule/degC)\n  G = 3 (anything)\n}\n"))
                .isEmpty();
    }

    @Test
    void aConstantFromAnUnknownUnit() {
        assertThat(check("UNITS {\n  FOO = (foobar) (coulomb)\n}\n")).containsExactly("x.mod:4:9: unknown unit"
                + " 'foobar' in (foobar): not in NEURON's units table (nrnunits.lib) nor defined earlier in a UNITS"
                + " block, as (foobar) = (...) (nocmodl stops: Cannot recognize the units)");
    }

    @Test
    void aUnitDefinedTwice() {
        assertThat(check("UNITS {\n  (mM) = (milli/liter)\n  (mM) = (milli/liter)\n  (degC) = (K)\n}\n"))
                .containsExactly("x.mod:5:3: UNITS (mM) = (milli/liter) redefines the unit mM, which NEURON already"
                                + " knows (nocmodl stops: Units redefinition)",
                        "x.mod:6:3: UNITS (degC) = (K) redefines the unit degC, which NEURON already knows"
                                + " (nocmodl stops: Units redefinition)");
    }

    @Test
    void aPowerInADerivativeEquation() {
        assertThat(check("STATE { m }\nBREAKPOINT { SOLVE s METHOD cnexp }\nDERIVATIVE s {\n"
                + "  m' = (a - m)/a^2\n}\n")).containsExactly("x.mod:6:17: '^' in the equation of m' (outside a"
                + " function's arguments): nocmodl's equation parser (diffeq.ypp) stops on it; write pow(a, b)");
    }

    /**
     * A SOLVE inside a DERIVATIVE block: nocmodl 8.2.2 writes the SOLVEd block's name before the next statement
     * (`eq Dm = ...`), which no C compiler takes (nrnivmodl of such a file fails), whatever the block and METHOD.
     */
    @Test
    void aSolveInsideADerivativeBlock() {
        assertThat(check("STATE { m u }\nBREAKPOINT { SOLVE s METHOD cnexp }\nDERIVATIVE s {\n  SOLVE eq\n"
                + "  m' = (u - m)/3\n}\nNONLINEAR eq SOLVEFOR u {\n  ~ u*u*u + u = 1\n}\n")).containsExactly(
                "x.mod:6:3: SOLVE eq inside a DERIVATIVE block is not supported: NEURON 8.2.2 cannot build it either"
                        + " (nocmodl leaves 'eq' before the next statement, without a call, and the C compiler stops"
                        + " there); call a PROCEDURE that SOLVEs it instead");
    }

    @Test
    void aComparisonInADerivativeEquationWhateverTheMethod() {
        assertThat(check("STATE { m }\nBREAKPOINT { SOLVE s METHOD derivimplicit }\nDERIVATIVE s {\n"
                + "  if (a > 0) { m' = (a > 1)*(1 - m) }\n}\n")).containsExactly("x.mod:6:24: '>' in the equation"
                + " of m' (outside a function's arguments): nocmodl's equation parser (diffeq.ypp) stops on it;"
                + " compute it in a variable before the equation");
    }

    @Test
    void aPowerInsideACallOrBeforeTheEquationPasses() {
        assertThat(check("STATE { m }\nBREAKPOINT { SOLVE s METHOD cnexp }\nDERIVATIVE s {\n"
                + "  LOCAL q\n  q = a^2\n  m' = (a - m)/exp(a^2)/q\n}\n")).isEmpty();
    }
    /** nocmodl's varname rule; each text here stops nocmodl 8.2.2 with the message quoted. */
    @Test
    void anArrayNeedsAnIndexAndOnlyAnArrayTakesOne() {
        assertThat(check("PARAMETER { g[3] }\nBREAKPOINT { a = g + a[1] }\n")).containsExactly(
                "x.mod:4:18: 'g' is an array: write g[index] (nocmodl stops: variable needs an index)",
                "x.mod:4:22: 'a' is indexed but is not an array (nocmodl stops: variable is not an array)");
        assertThat(check("BREAKPOINT { LOCAL q[2], r\n  FROM i = 0 TO 1 { q[i] = i }\n  r = q[0] + q[1]\n"
                + "  a = r[0] + i[0] + v[0] }\n")).containsExactly(
                "x.mod:6:7: 'r' is indexed but is not an array (nocmodl stops: variable is not an array)",
                "x.mod:6:14: 'i' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)",
                "x.mod:6:21: 'v' is indexed but is not an array (nocmodl stops: variable is not an array)");
    }
    /** nocmodl 8.2.2 stops on each ("is a special NEURON variable that should not be assigned a value ..."). */
    @Test
    void assigningWhatNeuronSets() {
        assertThat(check("ASSIGNED { diam (um) }\nINITIAL {\n  diam = 2\n  t = 0\n  a = diam\n}\n"
                + "PROCEDURE p(dt) {\n  LOCAL t\n  t = 1\n  dt = 2\n}\n"))
                .containsExactly("x.mod:5:3: 'diam' is a special NEURON variable that a mod file cannot assign"
                                + " (nocmodl stops: \"should not be assigned a value in a model description file\")",
                        "x.mod:6:3: 't' is a special NEURON variable that a mod file cannot assign (nocmodl stops:"
                                + " \"should not be assigned a value in a model description file\")");
    }
}
