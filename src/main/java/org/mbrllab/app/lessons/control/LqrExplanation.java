package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.List;

import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.control.LqrSnapshot;

/**
 * The LQR view's explain panel as Markdown with typeset math: the gain K for the current weights, the
 * closed-loop eigenvalues and the Riccati iterations, then the numeric A and B of the linearisation.
 * Pure text, so it is tested without the toolkit.
 */
final class LqrExplanation {
    private LqrExplanation() {}

    static String markdown(LqrSnapshot s) {
        StringBuilder md = new StringBuilder();
        if (!s.problem().isEmpty()) {
            md.append("**No controller.** ").append(s.problem()).append("\n\n");
        } else {
            md.append("**Gain** for the current $Q$ and $R$, with $u = -K\\mathbf{x}$:\n\n");
            if (s.finite()) {
                int t = Math.min(s.step(), s.finiteGains().length - 1);
                md.append("$$K_{").append(t).append("} = ").append(Numbers.matrix(new double[][] {s.finiteGains()[t]}))
                        .append("$$\n\n");
                md.append("Finite horizon: one gain per step, $K_0 \\dots K_{").append(s.finiteGains().length - 1)
                        .append("}$, from ").append(s.finiteGains().length).append(" backward Riccati steps (tab *K_t against t*).\n\n");
            }
            LqrGain g = s.gain();
            md.append("$$K").append(s.finite() ? "_\\infty" : "").append(" = ").append(Numbers.matrix(g.k())).append("$$\n\n");
            md.append("on ").append(symbols(s.system())).append(".\n\n");
            double[][] eig = s.loopEigenvalues();
            double radius = s.spectralRadius();
            md.append("**Closed loop** $A - BK").append(s.finite() ? "_t" : "").append("$, eigenvalues $")
                    .append(Numbers.eigenvalues(eig)).append("$; largest $|\\lambda| = ").append(Numbers.tex(radius))
                    .append("$, ").append(radius < 1 ? "stable (inside the unit circle)" : "**not stable**").append(".\n\n");
            md.append("**Riccati recursion:** ").append(Format.number(g.iterations()))
                    .append(" iterations from $P = Q$ to the fixed point.\n\n");
        }
        Linearization lin = s.linearization();
        md.append("**Linearisation** about upright, one step of ")
                .append(s.system() == ControlSystem.CARTPOLE ? "$\\tau$" : "$dt$").append(" = ")
                .append(Format.number(s.plant().timeStep())).append(" s:\n\n");
        md.append("$$A = ").append(Numbers.matrix(lin.a())).append(" \\qquad B = ").append(Numbers.column(lin.b()))
                .append("$$\n");
        return md.toString();
    }

    /** "(x, ẋ, θ, θ̇)" as TeX. */
    static String symbols(ControlSystem system) {
        List<String> out = new ArrayList<>();
        for (String name : system.stateNames()) {
            out.add(switch (name) {
                case "x" -> "x";
                case "x_dot" -> "\\dot{x}";
                case "theta" -> "\\theta";
                default -> "\\dot{\\theta}";
            });
        }
        return "$(" + String.join(", ", out) + ")$";
    }
}
