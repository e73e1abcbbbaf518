package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * NET_RECEIVE as NEURON runs it (nocmodl's net_receive, netcvode.cpp): the block's arguments are its connection's
 * (NetCon's) weight vector: the first is the weight, the others are state kept per connection, set by the INITIAL
 * inside NET_RECEIVE at initialization (for each connection, in creation order, after the mechanisms' INITIAL
 * blocks) or else to 0, and changed by the events; {@code flag} is 0 for a connection's event and net_send's flag
 * for an event the instance sent itself (which sees the arguments of the connection whose event sent it); {@code t}
 * is the event's time.
 *
 * <p>With the weight alone (and no INITIAL) the weight is the event's. Otherwise the block keeps every argument per
 * connection ({@code MechanismBlock.connect}), the weight included, and an event reads and writes back its
 * connection's values, as NEURON's weight vector (an event sent from INITIAL, of no connection, sees the weight 0
 * and the other arguments 0).
 *
 * <p>{@code FOR_NETCONS(a1, a2 ...) { ... }} (nocmodl's fornetcon, netcvode.cpp's fornetcon_prepare and
 * _nrn_netcon_args): the body runs once for each connection to the event's instance, in connection order (NEURON's:
 * its PreSyns in order, each one's NetCons in order; here sources in order, each one's synapses in order), its
 * arguments naming that connection's weight vector. In NEURON's C both NET_RECEIVE's arguments and the loop's are
 * the vectors' numbers themselves, so a write through one is seen through the other at once (the event's own
 * connection is among those visited); a block with FOR_NETCONS therefore reads and writes its event's arguments in
 * the per-connection arrays directly ({@link JavaGenerator#aliases}) instead of in locals written back at the end.
 */
final class NetReceiveLowering {
    private final JavaGenerator g;
    private final Item.Block block;
    private final List<String> args = new ArrayList<>();
    private final Stmt.Initial initial;
    /** Whether the block has a FOR_NETCONS (its arguments then live in the per-connection arrays alone). */
    private final boolean forNetcons;
    /** True while the event's body (not NET_RECEIVE's INITIAL) is translated: FOR_NETCONS is made there. */
    private boolean inReceive;
    /** How many FOR_NETCONS were made, for their loop variables' names. */
    private int loops;

    NetReceiveLowering(JavaGenerator g, Item.Block block) {
        this.g = g;
        this.block = block;
        block.args().stream().map(Arg::name).forEach(args::add);
        Stmt.Initial found = null;
        for (Stmt s : block.body()) {
            if (s instanceof Stmt.Initial i) {
                found = i;
            }
        }
        this.initial = found;
        boolean[] seen = {false};
        JavaGenerator.walk(block.body(), st -> seen[0] |= st instanceof Stmt.ForNetcons);
        this.forNetcons = seen[0];
    }

    /**
     * Whether the block keeps state per connection: arguments after the weight, an INITIAL inside, or a FOR_NETCONS
     * (which reads and writes every connection's weight vector).
     */
    boolean perConnection() {
        return args.size() > 1 || initial != null || forNetcons;
    }

    boolean inReceive() {
        return inReceive;
    }

    void emitFields() {
        if (!perConnection()) {
            return;
        }
        g.line("/** The connections to this block (MechanismBlock.connect): index, instance; in creation order. */");
        g.line("private int[] connIndex = new int[0];");
        g.line("private int[] connInstance = new int[0];");
        g.line("private int connCount;");
        g.line("/** NET_RECEIVE's arguments per connection index and lane, [c * lanes + lane] (NEURON's NetCon weight vector). */");
        for (String a : args) {
            g.line("private double[] n_" + a + " = new double[0];");
        }
        if (forNetcons) {
            g.line("/** NET_RECEIVE's arguments per lane for an event of no connection (weight given, the others 0). */");
            for (String a : args) {
                g.line("private double[] x_" + a + ";");
            }
        }
    }

    /** connect(), and the per-connection initialization called at the end of initialize(). */
    void emitConnections() {
        if (!perConnection()) {
            return;
        }
        g.line("");
        g.open("@Override public void connect(int c, int k, double weight)");
        g.open("if (connCount == connIndex.length)");
        g.line("connIndex = java.util.Arrays.copyOf(connIndex, 2 * connCount + 1);");
        g.line("connInstance = java.util.Arrays.copyOf(connInstance, 2 * connCount + 1);");
        g.close();
        g.line("connIndex[connCount] = c;");
        g.line("connInstance[connCount] = k;");
        g.line("connCount++;");
        g.open("if ((c + 1) * lanes > n_" + args.get(0) + ".length)");
        for (String a : args) {
            g.line("n_" + a + " = java.util.Arrays.copyOf(n_" + a + ", (c + 1) * lanes);");
        }
        g.close();
        g.line("java.util.Arrays.fill(n_" + args.get(0) + ", c * lanes, (c + 1) * lanes, weight);");
        g.close();
        g.line("");
        g.line("/** NEURON's init_net_events: NET_RECEIVE's INITIAL for each connection, else its arguments 0. */");
        g.open("private void initConnections(CellState s)");
        g.open("for (int j = 0; j < connCount * lanes; j++)");
        g.line("int c = connIndex[j / lanes] * lanes + j % lanes;");
        if (initial == null) {
            for (String a : args.subList(1, args.size())) {
                g.line("n_" + a + "[c] = 0.0;");
            }
        } else {
            g.line("int k = connInstance[j / lanes] * lanes + j % lanes;");
            g.line("c_v[k] = s.v[laneNode[k]];");
            for (String a : args) {
                g.line("double l_" + a + " = n_" + a + "[c];");
            }
            g.body(initial.body(), new HashSet<>(args));
            for (String a : args) {
                g.line("n_" + a + "[c] = l_" + a + ";");
            }
        }
        g.close();
        g.close();
    }

    void emitReceive() {
        g.line("");
        g.open("@Override public void deliver(int k, int lane, double weight)");
        g.line("receive(k, lane, -1, state.t, weight, 0.0);");
        g.close();
        g.line("");
        g.open("@Override public void receive(int instance, int lane, int c, double te, double weight, double flag)");
        g.line("CellState s = state;");
        g.line("int k = instance * lanes + lane;");
        g.line("c_v[k] = s.v[laneNode[k]];");
        g.line("double l_flag = flag;");
        Set<String> scope = new HashSet<>(args);
        scope.add("flag");
        Map<String, String> inArrays = new HashMap<>();
        if (forNetcons) {
            // the event's arguments where NEURON has them, its connection's weight vector, so that FOR_NETCONS and
            // NET_RECEIVE see each other's writes
            scope.removeAll(args);
            for (String a : args) {
                g.line("double[] r_" + a + " = n_" + a + ";");
                inArrays.put(a, "r_" + a + "[nc]");
            }
            g.line("int nc = c * lanes + lane;");
            g.open("if (c < 0)");
            g.open("if (x_" + args.get(0) + " == null)");
            for (String a : args) {
                g.line("x_" + a + " = new double[lanes];");
            }
            g.close();
            for (String a : args) {
                g.line("r_" + a + " = x_" + a + ";");
                g.line("x_" + a + "[lane] = " + (a.equals(args.get(0)) ? "weight" : "0.0") + ";");
            }
            g.line("nc = lane;");
            g.close();
        } else if (perConnection()) {
            g.line("double l_" + args.get(0) + " = c >= 0 ? n_" + args.get(0) + "[c * lanes + lane] : weight;");
            for (String a : args.subList(1, args.size())) {
                g.line("double l_" + a + " = c >= 0 ? n_" + a + "[c * lanes + lane] : 0.0;");
            }
        } else if (args.size() == 1) {
            g.line("double l_" + args.get(0) + " = weight;");
        }
        List<Stmt> body = block.body().stream().filter(st -> !(st instanceof Stmt.Initial)).toList();
        // NEURON's delivery sets the thread's t to the event's time (SelfEvent/NetCon::deliver, PP2t = tt): the
        // FUNCTIONs and PROCEDUREs NET_RECEIVE calls see it too (IntFire4's update: t0 = t), then the step's clock
        g.line("double stepTime = s.t;");
        g.line("s.t = te;");
        g.open("try");
        g.aliases.push(inArrays);
        inReceive = true;
        g.body(body, scope);
        inReceive = false;
        g.aliases.pop();
        if (perConnection() && !forNetcons) {
            g.open("if (c >= 0)");
            for (String a : args) {
                g.line("n_" + a + "[c * lanes + lane] = l_" + a + ";");
            }
            g.close();
        }
        g.close();
        g.open("finally");
        g.line("s.t = stepTime;");
        g.close();
        g.close();
    }

    /**
     * One FOR_NETCONS: its body for each connection to the event's instance, in connection order, its arguments
     * the elements of that connection's arrays in the event's lane.
     */
    void forNetcons(Stmt.ForNetcons f) {
        String j = "fn" + (++loops);
        g.open("for (int " + j + " = 0; " + j + " < connCount; " + j + "++)");
        g.open("if (connInstance[" + j + "] != instance)");
        g.line("continue;");
        g.close();
        g.line("int " + j + "c = connIndex[" + j + "] * lanes + lane;");
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < f.args().size(); i++) {
            names.put(f.args().get(i).name(), "n_" + args.get(i) + "[" + j + "c]");
        }
        g.aliases.push(names);
        g.body(f.body(), Set.of());
        g.aliases.pop();
        g.close();
    }
}
