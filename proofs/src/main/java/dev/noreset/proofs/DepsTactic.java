package dev.noreset.proofs;

import de.uka.ilkd.key.control.AbstractUserInterfaceControl;
import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.Position;
import de.uka.ilkd.key.logic.PosInOccurrence;
import de.uka.ilkd.key.logic.PosInTerm;
import de.uka.ilkd.key.logic.SequentFormula;
import de.uka.ilkd.key.logic.Term;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.logic.op.Junctor;
import de.uka.ilkd.key.macros.scripts.ProofScriptEngine;
import de.uka.ilkd.key.macros.scripts.ScriptException;
import de.uka.ilkd.key.parser.Location;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.rulefilter.TacletFilter;
import de.uka.ilkd.key.rule.Taclet;
import de.uka.ilkd.key.rule.TacletApp;
import de.uka.ilkd.key.rule.UseDependencyContractApp;
import de.uka.ilkd.key.rule.UseDependencyContractRule;
import de.uka.ilkd.key.speclang.Contract;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.key_project.util.collection.ImmutableList;
import org.key_project.util.collection.ImmutableSLList;

/**
 * The {@code deps} proof shape (index strategy column) for the dependency contract of a model
 * predicate that is a conjunction of predicates with proved dependency contracts of their own,
 * such as {@code Memory.wellFormed()}. Auto mode alone unfolds the conjuncts as well and gets lost
 * in their quantifiers; with class axioms off it cannot relate the predicate to its conjuncts at
 * all. So, before auto mode (class axioms off) runs, this tactic unfolds the class invariant (the
 * arrays' non-null facts) and the predicate's own definition on both heaps, and lets each
 * conjunct cross from the anonymised heap to the original one by its dependency contract.
 *
 * <p>Every step is one of KeY's own rules or macros (taclets, {@code split-prop},
 * {@code simp-upd}, the built-in rule "Use Dependency Contract"); nothing is assumed. The
 * dependency contracts used are recorded by KeY like any other contract application, so the
 * evidence's {@code restsOn} check covers them. Only KeY's rule for instantiating the dependency
 * step needed help: it finds no step by itself here, so the tactic names the conjunct's
 * occurrence on the original heap.
 */
final class DepsTactic {
    private DepsTactic() { }

    /** KeY's taclet that splits an implication in the antecedent into its premise and conclusion. */
    private static final TacletFilter IMP_LEFT = new TacletFilter() {
        @Override
        protected boolean filter(Taclet t) {
            return t.name().toString().equals("impLeft");
        }
    };

    /** Runs the steps before auto mode; throws when a step does not apply (a changed predicate). */
    static void apply(KeYEnvironment<?> env, Proof proof, Contract c)
            throws IOException, InterruptedException, ScriptException {
        String type = c.getKJT().getFullName().replace('.', '_');
        String target = c.getTarget().name().toString();
        String method = target.substring(target.lastIndexOf(':') + 1);
        AbstractUserInterfaceControl ui = (AbstractUserInterfaceControl) env.getUi();
        run(ui, proof, null, "macro split-prop;\nrule Class_invariant_axiom_for_" + type
                + ";\nmacro split-prop;\nmacro simp-upd;\nmacro split-prop;\n");
        String unfold = "rule Definition_axiom_for_" + method + "_in_" + type + " occ=0;\n";
        for (Goal g : proof.openGoals()) {
            run(ui, proof, g, unfold + unfold + "macro split-prop;\n");
        }
        for (Goal g : proof.openGoals()) {
            useConjunctDependencies(proof, g, target);
        }
    }

    private static void run(AbstractUserInterfaceControl ui, Proof proof, Goal goal, String script)
            throws IOException, InterruptedException, ScriptException {
        Location where = Location.fromFileName("deps-tactic", Position.newOneBased(1, 1));
        ProofScriptEngine engine = goal == null ? new ProofScriptEngine(script, where)
                : new ProofScriptEngine(script, where, goal);
        engine.execute(ui, proof);
    }

    /** Each observer read on an anonymised heap, other than the target, by its dependency contract. */
    private static void useConjunctDependencies(Proof proof, Goal goal, String target) {
        String sameType = target.substring(0, target.lastIndexOf(':') + 1);
        Set<String> done = new HashSet<>();
        Goal g = goal;
        while (g != null) {
            PosInOccurrence focus = find(g, t -> t.op() instanceof IObserverFunction && t.arity() > 0
                    && t.op().name().toString().startsWith(sameType)
                    && !t.op().name().toString().equals(target) && !done.contains(t.op().name().toString())
                    && t.sub(0).op().name().toString().equals("anon"));
            if (focus == null) {
                return;
            }
            String name = focus.subTerm().op().name().toString();
            done.add(name);
            PosInOccurrence step = find(g, t -> t.op().name().toString().equals(name)
                    && t.sub(0).op().name().toString().equals("heap"));
            if (step == null) {
                throw new IllegalStateException(name + " is read on the anonymised heap but not on the original one");
            }
            UseDependencyContractApp app = UseDependencyContractRule.INSTANCE.createApp(focus, proof.getServices())
                    .setStep(step);
            ImmutableList<PosInOccurrence> ifInsts = ImmutableSLList.<PosInOccurrence>nil().prepend(step);
            app = ((UseDependencyContractApp) app.setIfInsts(ifInsts)).tryToInstantiateContract(proof.getServices());
            if (app == null || !app.complete()) {
                throw new IllegalStateException("no dependency contract applies to " + name);
            }
            Set<SequentFormula> before = new HashSet<>();
            g.sequent().antecedent().forEach(before::add);
            ImmutableList<Goal> next = g.apply(app);
            g = next == null || next.isEmpty() ? null : splitPremise(proof, next.head(), before);
        }
    }

    /**
     * The rule adds "premise -> (read on the anonymised heap = read on the original heap)" to the
     * antecedent. Left to auto mode, that implication is split late, and auto mode first cuts on
     * the conjuncts' values, one case split per conjunct (measured on Kernel.wellFormed(): 267
     * branches). Splitting it here with KeY's impLeft taclet leaves the premise (the footprint's
     * disjointness) as a goal of its own for auto mode; the tactic goes on with the goal that
     * holds the plain equation.
     */
    private static Goal splitPremise(Proof proof, Goal g, Set<SequentFormula> before) {
        for (SequentFormula sf : g.sequent().antecedent()) {
            if (before.contains(sf) || sf.formula().op() != Junctor.IMP) {
                continue;
            }
            PosInOccurrence pio = new PosInOccurrence(sf, PosInTerm.getTopLevel(), true);
            ImmutableList<TacletApp> apps = g.ruleAppIndex().getTacletAppAt(IMP_LEFT, pio, proof.getServices());
            if (apps.isEmpty()) {
                throw new IllegalStateException("impLeft does not apply to the dependency premise");
            }
            Term equation = sf.formula().sub(1);
            for (Goal n : g.apply(apps.head())) {
                for (SequentFormula a : n.sequent().antecedent()) {
                    if (a.formula().equals(equation)) {
                        return n;
                    }
                }
            }
            throw new IllegalStateException("impLeft left no goal holding the dependency equation");
        }
        throw new IllegalStateException("the dependency rule added no implication");
    }

    /** The first subterm (breadth-first, antecedent then succedent) that matches. */
    private static PosInOccurrence find(Goal g, java.util.function.Predicate<Term> match) {
        for (boolean antec : new boolean[] {true, false}) {
            for (SequentFormula sf : antec ? g.sequent().antecedent() : g.sequent().succedent()) {
                ArrayDeque<PosInOccurrence> queue = new ArrayDeque<>();
                queue.add(new PosInOccurrence(sf, PosInTerm.getTopLevel(), antec));
                while (!queue.isEmpty()) {
                    PosInOccurrence pio = queue.poll();
                    Term t = pio.subTerm();
                    if (match.test(t)) {
                        return pio;
                    }
                    for (int i = 0; i < t.arity(); i++) {
                        queue.add(pio.down(i));
                    }
                }
            }
        }
        return null;
    }
}
