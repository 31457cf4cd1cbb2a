package dev.noreset.tla.mbt;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * The state graph of a TLA+ spec, explored with TLC's own Init and Next (so every edge is a
 * step of the model, labelled with its action and arguments), and random walks over it.
 * Used in-process once per JVM: TLC keeps its parsed spec in static state.
 */
final class ModelWalker {

    /** A labelled transition to state {@code to} of the graph. */
    record Edge(List<Object> label, int to) {
    }

    private final FastTool tool;
    private final Action[] actions;
    private final List<TLCState> states = new ArrayList<>();
    private final List<List<Edge>> edges = new ArrayList<>();
    private final List<Integer> inits = new ArrayList<>();
    private final UniqueString labelVar = UniqueString.uniqueStringOf("label");

    /** cfg is the configuration file name without ".cfg". */
    ModelWalker(Path dir, String spec, String cfg) {
        util.ToolIO.setUserDir(dir.toAbsolutePath().toString());
        // TLC's fingerprint tables; without them every fingerprint is 0.
        tlc2.util.FP64.Init(0);
        tool = new FastTool(dir.toAbsolutePath() + File.separator, spec, cfg,
                new util.SimpleFilenameToStream(dir.toAbsolutePath().toString()));
        actions = tool.getActions();
    }

    /**
     * Explores the whole state graph breadth-first with TLC's successor function.  States
     * are identified without the label variable, which belongs to the incoming step.
     */
    void explore() {
        Map<Long, Integer> index = new HashMap<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        StateVec init = tool.getInitStates();
        for (int i = 0; i < init.size(); i++) {
            int n = intern(init.elementAt(i), index, todo);
            if (!inits.contains(n)) {
                inits.add(n);
            }
        }
        while (!todo.isEmpty()) {
            int n = todo.poll();
            TLCState s = states.get(n);
            List<Edge> out = new ArrayList<>();
            for (Action a : actions) {
                StateVec v = tool.getNextStates(a, s);
                for (int j = 0; j < v.size(); j++) {
                    TLCState t = v.elementAt(j);
                    @SuppressWarnings("unchecked")
                    List<Object> label = (List<Object>) plain((Value) t.lookup(labelVar));
                    out.add(new Edge(label, intern(t, index, todo)));
                }
            }
            edges.set(n, out);
        }
    }

    private int intern(TLCState s, Map<Long, Integer> index, ArrayDeque<Integer> todo) {
        long key = tlc2.util.FP64.New();
        Map<String, tlc2.value.IValue> byName = new TreeMap<>();
        s.getVals().forEach((k, v) -> byName.put(k.toString(), v));
        byName.remove(labelVar.toString());
        for (Map.Entry<String, tlc2.value.IValue> v : byName.entrySet()) {
            key = v.getValue().fingerPrint(tlc2.util.FP64.Extend(key, v.getKey()));
        }
        Integer n = index.get(key);
        if (n != null) {
            return n;
        }
        states.add(s);
        edges.add(List.of());
        index.put(key, states.size() - 1);
        todo.add(states.size() - 1);
        return states.size() - 1;
    }

    int stateCount() {
        return states.size();
    }

    long edgeCount() {
        long n = 0;
        for (List<Edge> l : edges) {
            n += l.size();
        }
        return n;
    }

    /** A random walk from an initial state until no action is enabled (or maxSteps). */
    List<Edge> walk(Random rnd, int maxSteps, int[] startOut) {
        int n = inits.get(rnd.nextInt(inits.size()));
        startOut[0] = n;
        List<Edge> path = new ArrayList<>();
        for (int i = 0; i < maxSteps && !edges.get(n).isEmpty(); i++) {
            Edge e = edges.get(n).get(rnd.nextInt(edges.get(n).size()));
            path.add(e);
            n = e.to();
        }
        return path;
    }

    /** The variables of graph state n as plain Java values (see {@link #plain}). */
    Map<String, Object> vars(int n) {
        Map<String, Object> vars = new LinkedHashMap<>();
        states.get(n).getVals().forEach((k, v) -> vars.put(k.toString(), plain((Value) v)));
        return vars;
    }

    /**
     * TLC value to Java: integers, booleans, strings; tuples to List; records to Map with
     * String keys; other functions to Map keyed by their plain domain values; sets (of
     * integers, the only sets in these models' states) to TreeSet.
     */
    static Object plain(Value v) {
        if (v instanceof IntValue) {
            return ((IntValue) v).val;
        }
        if (v instanceof BoolValue) {
            return ((BoolValue) v).val;
        }
        if (v instanceof StringValue) {
            return ((StringValue) v).val.toString();
        }
        if (v instanceof TupleValue) {
            List<Object> l = new ArrayList<>();
            for (Value e : ((TupleValue) v).elems) {
                l.add(plain(e));
            }
            return l;
        }
        if (v instanceof RecordValue) {
            RecordValue r = (RecordValue) v;
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.names.length; i++) {
                m.put(r.names[i].toString(), plain(r.values[i]));
            }
            return m;
        }
        if (v instanceof FcnRcdValue) {
            FcnRcdValue f = (FcnRcdValue) v;
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < f.values.length; i++) {
                Object key = f.intv != null ? (Object) (f.intv.low + i) : plain(f.domain[i]);
                m.put(key, plain(f.values[i]));
            }
            return m;
        }
        if (v instanceof SetEnumValue) {
            SetEnumValue s = (SetEnumValue) v;
            s.normalize();
            TreeSet<Integer> set = new TreeSet<>();
            for (int i = 0; i < s.elems.size(); i++) {
                Object e = plain(s.elems.elementAt(i));
                if (!(e instanceof Integer)) {
                    throw new IllegalStateException("set of non-integers in model state: " + v);
                }
                set.add((Integer) e);
            }
            return set;
        }
        throw new IllegalStateException("unexpected TLC value " + v.getClass().getSimpleName() + ": " + v);
    }
}
