package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.ast.Decl;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.ast.Stmt;
import org.spineformer.nmodl.parse.NmodlSyntaxException;
import org.spineformer.nmodl.parse.Parser;

/** One of the project's small mod files per NMODL feature, parsed into the tree the feature should give. */
class ParserTest {

    /**
     * nocmodl reads a lone CR (old Mac files) and CRLF as line ends (io.cpp Fgets): a ':' comment ends there, so the
     * '}' after a CR closes the block (ModelDB 116835's NmdaS.mod; nocmodl 8.2.2 translates such a file), and
     * lines count as nocmodl's.
     */
    @Test
    void loneCarriageReturnsAndCrlfEndLines() {
        ModFile mod = Parser.parse("cr.mod", "NEURON { SUFFIX cr }\r\nPARAMETER {\r  a = 1 : comment\r}\r"
                + "ASSIGNED { b }\r\nBREAKPOINT {\n  b = a : to the end\r\n}\n");
        assertThat(mod.declarations("PARAMETER")).extracting(Decl::name).containsExactly("a");
        assertThat(mod.declarations("ASSIGNED")).extracting(Decl::name).containsExactly("b");
        Item.Block bp = mod.blocks("BREAKPOINT").findFirst().orElseThrow();
        assertThat(bp.pos()).isEqualTo(new Pos(6, 1));
        assertThat(bp.body()).singleElement().extracting(Stmt::pos).isEqualTo(new Pos(7, 3));
        assertThatThrownBy(() -> Parser.parse("cr.mod", "NEURON { SUFFIX cr }\rPARAMETER { a = 1 }\r"
                + "BREAKPOINT {\r  b = = 1\r}\r")).hasMessage("cr.mod:4:7: expected an expression but found '='");
    }

    @Test
    void neuronBlock() {
        ModFile mod = Resources.mod("features/neuron_block.mod");
        List<NeuronStmt> n = mod.neuron().toList();
        assertThat(n.get(0)).isEqualTo(new NeuronStmt.Suffix(n.get(0).pos(), "SUFFIX", "nb"));
        NeuronStmt.UseIon ca = (NeuronStmt.UseIon) n.get(1);
        assertThat(ca.ion()).isEqualTo("ca");
        assertThat(ca.read()).containsExactly("eca", "cai");
        assertThat(ca.write()).containsExactly("ica");
        assertThat(ca.valence()).isEqualTo(2);
        assertThat(ca.represents()).isEqualTo("CHEBI:29108");
        NeuronStmt.UseIon k = (NeuronStmt.UseIon) n.get(2);
        assertThat(k.valence()).isNaN();
        assertThat(n.subList(3, 8)).extracting(s -> ((NeuronStmt.Names) s).keyword())
                .containsExactly("NONSPECIFIC_CURRENT", "ELECTRODE_CURRENT", "RANGE", "GLOBAL", "THREADSAFE");
        assertThat(((NeuronStmt.Names) n.get(5)).names()).containsExactly("gbar", "g");
        assertThat(((NeuronStmt.Represents) n.get(8)).id()).isEqualTo("NCIT:C17145");
        assertThat(mod.items().get(0)).isInstanceOf(Item.Title.class);
        assertThat(((Item.Title) mod.items().get(0)).text()).isEqualTo("every statement of the NEURON block");
    }

    @Test
    void unitsInTheUnitsBlockAndInExpressions() {
        ModFile mod = Resources.mod("features/units.mod");
        Item.Units units = (Item.Units) mod.items().get(1);
        assertThat(units.definitions()).extracting(Item.UnitDef::name, Item.UnitDef::left, Item.UnitDef::right,
                        Item.UnitDef::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "mV", "millivolt", null),
                        org.assertj.core.groups.Tuple.tuple(null, "mA", "milliamp", null),
                        org.assertj.core.groups.Tuple.tuple("FARADAY", "faraday", "coulombs", null),
                        org.assertj.core.groups.Tuple.tuple("R", "k-mole", "joule/degC", null),
                        org.assertj.core.groups.Tuple.tuple("F2", null, "coulomb", "96485.3"));
        Stmt.Assign x = (Stmt.Assign) mod.blocks("BREAKPOINT").findFirst().orElseThrow().body().get(0);
        // FARADAY*(v - 23 (mV)) / R / (celsius + 273.15 (degC)): left-associative division
        Expr.Binary outer = (Expr.Binary) x.value();
        assertThat(outer.op()).isEqualTo("/");
        Expr.Binary sum = (Expr.Binary) outer.right();
        assertThat(((Expr.Num) sum.right()).unit()).isEqualTo("degC");
        assertThat(((Expr.Num) sum.right()).value()).isEqualTo(273.15);
    }

    @Test
    void declarations() {
        ModFile mod = Resources.mod("features/declarations.mod");
        Decl t = mod.declarations("INDEPENDENT").findFirst().orElseThrow();
        assertThat(t.name()).isEqualTo("t");
        assertThat(t.unit()).isEqualTo("ms");
        assertThat(mod.declarations("CONSTANT").findFirst().orElseThrow().value()).isEqualTo("-3.5");
        List<Decl> p = mod.declarations("PARAMETER").toList();
        assertThat(p.get(0)).extracting(Decl::name, Decl::value, Decl::unit, Decl::low, Decl::high)
                .containsExactly("a", "0.5", "/ms", "0", "1e9");
        assertThat(p.get(1).value()).isEqualTo("-2e-3");
        assertThat(p.get(2)).extracting(Decl::name, Decl::size, Decl::unit).containsExactly("arr", 3, "1");
        assertThat(mod.declarations("ASSIGNED").toList().get(1).size()).isEqualTo(2);
        List<Decl> s = mod.declarations("STATE").toList();
        assertThat(s.get(0)).extracting(Decl::low, Decl::high).containsExactly("0", "1");
        assertThat(s.get(1)).extracting(Decl::unit, Decl::start).containsExactly("1", null);
    }

    @Test
    void kineticScheme() {
        ModFile mod = Resources.mod("features/kinetic.mod");
        Item.Block kin = mod.blocks("KINETIC").findFirst().orElseThrow();
        assertThat(kin.name()).isEqualTo("scheme");
        List<Stmt> b = kin.body();
        assertThat(((Stmt.Compartment) b.get(0)).names()).containsExactly("c", "o");
        Stmt.Reaction r2 = (Stmt.Reaction) b.get(2);
        assertThat(r2.lhs()).extracting(Stmt.Species::coefficient).containsExactly(2, 1);
        assertThat(r2.arrow()).isEqualTo("<->");
        assertThat(((Stmt.Reaction) b.get(3)).arrow()).isEqualTo("<<");
        assertThat(((Stmt.Reaction) b.get(4)).arrow()).isEqualTo("->");
        assertThat(((Stmt.Conserve) b.get(5)).species()).hasSize(3);
        Stmt.Solve init = (Stmt.Solve) mod.blocks("INITIAL").findFirst().orElseThrow().body().get(0);
        assertThat(init).extracting(Stmt.Solve::block, Stmt.Solve::method, Stmt.Solve::steadyState)
                .containsExactly("scheme", "sparse", true);
    }

    @Test
    void whereAReactionsSpeciesGoInItsRate() {
        // nocmodl pastes "* species" after a rate's text: into the right operand of + - < && ... outside parentheses
        List<Stmt> body = Parser.parse("k.mod", "KINETIC s {\n  ~ a <-> b (ka + kb, (kc + kd))\n"
                + "  ~ a <-> b (ka*kb - kc/kd, -ka)\n  ~ a <-> b (x < y + z, x < (y + z))\n"
                + "  ~ a <-> b (x + (y + z), ka^kb)\n  ~ a << (ka + kb)\n}\n")
                .blocks("KINETIC").findFirst().orElseThrow().body();
        assertThat(body).extracting(s -> ((Stmt.Reaction) s).forwardPaste()).containsExactly(1, 1, 2, 1, 0);
        assertThat(body.subList(0, 4)).extracting(s -> ((Stmt.Reaction) s).backwardPaste())
                .containsExactly(0, 0, 1, 0);
    }

    @Test
    void functionsWithTables() {
        ModFile mod = Resources.mod("features/function_table.mod");
        Item.Block rate = mod.blocks("FUNCTION").findFirst().orElseThrow();
        assertThat(rate.args()).extracting(a -> a.name() + " " + a.unit()).containsExactly("v mV");
        assertThat(rate.unit()).isEqualTo("/ms");
        Stmt.Table table = (Stmt.Table) rate.body().get(0);
        assertThat(table.names()).isEmpty();
        assertThat(table.depends()).containsExactly("vhalf");
        assertThat(table.points()).isEqualTo(200);
        assertThat(((Expr.Unary) table.from()).op()).isEqualTo("-");
        Stmt.Table procTable = (Stmt.Table) mod.blocks("PROCEDURE").findFirst().orElseThrow().body().get(0);
        assertThat(procTable.names()).containsExactly("x");
        // a^b^2 - -a^2 is (a^(b^2)) - (-(a^2))
        Item.Block shift = mod.blocks("FUNCTION").toList().get(1);
        Expr.Binary minus = (Expr.Binary) ((Stmt.Assign) shift.body().get(0)).value();
        Expr.Binary pow = (Expr.Binary) minus.left();
        assertThat(pow.op()).isEqualTo("^");
        assertThat(((Expr.Binary) pow.right()).op()).isEqualTo("^");
        Expr.Unary neg = (Expr.Unary) minus.right();
        assertThat(((Expr.Binary) neg.operand()).op()).isEqualTo("^");
    }

    @Test
    void netReceive() {
        ModFile mod = Resources.mod("features/net_receive.mod");
        assertThat(mod.neuron().findFirst().orElseThrow())
                .isEqualTo(new NeuronStmt.Suffix(mod.neuron().findFirst().orElseThrow().pos(), "POINT_PROCESS", "nr"));
        Item.Block nr = mod.blocks("NET_RECEIVE").findFirst().orElseThrow();
        assertThat(nr.args()).extracting(a -> a.name() + " " + a.unit()).containsExactly("weight uS", "count ");
        assertThat(nr.body().get(0)).isInstanceOf(Stmt.Initial.class);
        Stmt.Assign d = (Stmt.Assign) mod.blocks("DERIVATIVE").findFirst().orElseThrow().body().get(0);
        assertThat(d.target().name()).isEqualTo("g");
        assertThat(d.primes()).isEqualTo(1);
    }

    @Test
    void commentsOfEveryKind() {
        ModFile mod = Resources.mod("features/comments.mod");
        assertThat(mod.items()).extracting(i -> i.getClass().getSimpleName())
                .containsExactly("Title", "Comment", "Neuron", "Declarations", "Block");
        assertThat(((Item.Comment) mod.items().get(1)).text()).contains("this is not parsed");
        assertThat(mod.blocks("INITIAL").findFirst().orElseThrow().body().get(0)).isInstanceOf(Stmt.Comment.class);
    }

    @Test
    void controlFlow() {
        ModFile mod = Resources.mod("features/control.mod");
        List<Stmt> b = mod.blocks("BREAKPOINT").findFirst().orElseThrow().body();
        assertThat(((Stmt.Local) b.get(0)).names()).containsExactly("k", "s");
        assertThat(((Stmt.From) b.get(2)).index()).isEqualTo("k");
        assertThat(b.get(3)).isInstanceOf(Stmt.While.class);
        Stmt.If i = (Stmt.If) b.get(4);
        assertThat(((Expr.Binary) i.condition()).op()).isEqualTo("||");
        Stmt.If elseIf = (Stmt.If) i.otherwise().get(0);
        assertThat(elseIf.otherwise()).hasSize(1);
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> Parser.parse("bad.mod", "NEURON { SUFFIX x }\nPARAMETER {\n  g = \n}\n"))
                .isInstanceOf(NmodlSyntaxException.class)
                .hasMessage("bad.mod:4:1: expected a number but found '}'");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "BREAKPOINT {\n  x = (1 + 2\n}"))
                .hasMessage("bad.mod:3:1: expected ')' but found '}'");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "INITIAL { x = 1 "))
                .hasMessage("bad.mod:1:17: block not closed: expected '}' before the end of the file");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "PARAMETER { g = 1 (S/cm2 }"))
                .hasMessage("bad.mod:1:19: unit without its closing ')'");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "COMMENT never closed"))
                .hasMessage("bad.mod:1:1: COMMENT without its ENDCOMMENT");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "NEURON { SUFFIX PARAMETER }"))
                .hasMessage("bad.mod:1:17: expected a name but found the keyword PARAMETER");
        // CONSTANT takes NAME = number (units) only: nocmodl 8.2.2 stops on an array or a name without a value
        assertThatThrownBy(() -> Parser.parse("bad.mod", "CONSTANT { c[3] }"))
                .hasMessage("bad.mod:1:13: expected '=' but found '['");
        assertThatThrownBy(() -> Parser.parse("bad.mod", "CONSTANT { c (mV) }"))
                .hasMessage("bad.mod:1:14: expected '=' but found '('");
    }
    /** nocmodl's intexpr: indices and FROM bounds are names, integers, + - * / and INT(expr); it stops on others. */
    @Test
    void indicesAndFromBoundsAreIntegerExpressions() {
        List<Stmt> b = ((Item.Block) Parser.parse("i.mod", "DEFINE N 4\nPARAMETER { a[N] }\nBREAKPOINT {\n"
                + "  FROM i = 0 TO (N - 1)/2 BY 2 { a[INT(b*2.5) + i*2] = a[(b + 1)/2] }\n}\n").items().get(2))
                .body();
        Stmt.From f = (Stmt.From) b.get(0);
        assertThat(((Expr.Binary) f.to()).op()).isEqualTo("/");
        assertThat(((Expr.Num) ((Expr.Binary) ((Expr.Binary) f.to()).left()).left()).text()).isEqualTo("4");
        Stmt.Assign a = (Stmt.Assign) f.body().get(0);
        Expr.Binary index = (Expr.Binary) a.target().index();
        assertThat(index.op()).isEqualTo("+");
        assertThat(((Expr.Call) index.left()).name()).isEqualTo("INT");
        assertThat(((Expr.Binary) index.right()).op()).isEqualTo("*");
        // each of these nocmodl 8.2.2 refuses ("Illegal expression")
        assertThatThrownBy(() -> Parser.parse("i.mod", "BREAKPOINT { b = a[2.5] }"))
                .hasMessage("i.mod:1:20: expected an integer expression (names, integers, + - * / and INT(...), as"
                        + " nocmodl's array indices and FROM bounds) but found '2.5'");
        assertThatThrownBy(() -> Parser.parse("i.mod", "BREAKPOINT { b = a[-1] }"))
                .hasMessage("i.mod:1:20: expected an integer expression (names, integers, + - * / and INT(...), as"
                        + " nocmodl's array indices and FROM bounds) but found '-'");
        assertThatThrownBy(() -> Parser.parse("i.mod", "BREAKPOINT { b = a[b^2] }"))
                .hasMessage("i.mod:1:21: expected ']' but found '^'");
        assertThatThrownBy(() -> Parser.parse("i.mod", "BREAKPOINT { b = INT(2.5) }"))
                .hasMessage("i.mod:1:18: expected an expression but found 'INT'");
        assertThatThrownBy(() -> Parser.parse("i.mod", "BREAKPOINT { FROM i = 0 TO b*0.5 { } }"))
                .hasMessage("i.mod:1:30: expected an integer expression (names, integers, + - * / and INT(...), as"
                        + " nocmodl's array indices and FROM bounds) but found '0.5'");
    }
}
