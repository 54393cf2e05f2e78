package org.mbrllab.app.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Try it" prompts of a lesson, for the pane's checklist: every block quote that starts with
 * {@code **Try it.**}, as one line of plain text. The checklist is a reminder beside the figure, not a
 * second copy of the lesson, so Markdown emphasis is dropped and the short formulas the prompts use
 * ({@code $\gamma = 0.9$}, {@code $K_t$}, {@code $\pm 2\sigma$}) become Unicode text; the lesson text
 * beside it keeps the typeset version.
 */
public final class TryItPrompts {
    private TryItPrompts() {}

    private static final Pattern BLOCK = Pattern.compile("(?m)^>\\s*\\*\\*Try it\\.\\*\\*(.*(?:\\n>.*)*)");
    private static final Pattern MATH = Pattern.compile("\\$([^$]+)\\$");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("varepsilon", "ε"), Map.entry("epsilon", "ε"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("pi", "π"), Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("pm", "±"), Map.entry("approx", "≈"),
            Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("leq", "≤"), Map.entry("geq", "≥"),
            Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("infty", "∞"), Map.entry("to", "→"),
            Map.entry("log", "log"), Map.entry("max", "max"), Map.entry("min", "min"), Map.entry("sqrt", "√"));
    private static final String SUB_FROM = "0123456789aehijklmnoprstuvx+-=()";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₊₋₌₍₎";

    /** The prompts of {@code markdown}, in order, as plain text without the "Try it." label. */
    public static List<String> of(String markdown) {
        List<String> prompts = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown.replace("\r\n", "\n"));
        while (m.find()) {
            String text = m.group(1).replaceAll("\\n>\\s?", " ").strip();
            prompts.add(plain(text));
        }
        return prompts;
    }

    /** Markdown and inline formulas of one prompt as plain text. */
    static String plain(String text) {
        Matcher m = MATH.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(formula(m.group(1))));
        m.appendTail(b);
        return b.toString().replace("**", "").replaceAll("(?<![\\w*])\\*([^*]+)\\*(?![\\w*])", "$1")
                .replaceAll("`([^`]+)`", "$1").replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1").replaceAll("\\s+", " ").strip();
    }

    /** A short TeX formula as Unicode: Greek letters and a few operators, accents, sub- and superscripts. */
    static String formula(String tex) {
        String s = tex;
        s = s.replaceAll("\\\\(?:text|mathrm|operatorname)\\{([^}]*)}", "$1");
        s = s.replaceAll("\\\\mathbb\\{E}", "𝔼");
        s = s.replaceAll("\\\\hat\\{\\\\?([A-Za-z]+)}", "$1\u0302");
        s = s.replaceAll("\\\\bar\\{\\\\?([A-Za-z]+)}", "$1\u0304");
        Matcher cmd = Pattern.compile("\\\\([A-Za-z]+)").matcher(s);
        StringBuilder b = new StringBuilder();
        while (cmd.find()) cmd.appendReplacement(b, Matcher.quoteReplacement(SYMBOLS.getOrDefault(cmd.group(1), cmd.group(1))));
        cmd.appendTail(b);
        s = b.toString();
        // Accents on a Greek letter (the command was replaced after the accent's braces were removed).
        s = s.replace("mu\u0304", "μ\u0304").replace("p\u0302", "p\u0302");
        s = sub(s, "_");
        s = s.replaceAll("\\^\\{?\\*}?", "*").replaceAll("\\^\\{?([^}\\s])}?", "^$1");
        return s.replace("{", "").replace("}", "");
    }

    private static String sub(String s, String mark) {
        Matcher m = Pattern.compile(Pattern.quote(mark) + "(?:\\{([^}]*)}|(\\S))").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String body = m.group(1) != null ? m.group(1) : m.group(2);
            StringBuilder out = new StringBuilder();
            boolean all = true;
            for (char c : body.toCharArray()) {
                int i = SUB_FROM.indexOf(c);
                if (i < 0) {
                    all = false;
                    break;
                }
                out.append(SUB_TO.charAt(i));
            }
            m.appendReplacement(b, Matcher.quoteReplacement(all ? out.toString() : body));
        }
        m.appendTail(b);
        return b.toString();
    }
}
