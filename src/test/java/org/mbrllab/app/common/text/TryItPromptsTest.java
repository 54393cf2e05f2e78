package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.lessons.Lesson;
import org.mbrllab.lessons.LessonCatalog;

/** The "Try it" prompts a lesson's checklist shows. */
class TryItPromptsTest {

    @Test
    void promptsAreTheTryItBlockQuotesAsOneLineOfPlainText() {
        String md = "Intro.\n\n> **Try it.** Set $\\gamma = 0.9$ and press\n> **Space**; watch *V*.\n\nText.\n\n"
                + "> A quote that is not a prompt.\n\n> **Try it.** Drag $q_\\theta$ and $K_t$ to $\\pm 2\\sigma_{\\text{ens}}$.\n";
        assertEquals(List.of("Set γ = 0.9 and press Space; watch V.", "Drag qθ and Kₜ to ± 2σₑₙₛ."), TryItPrompts.of(md));
    }

    @Test
    void formulasBecomeUnicode() {
        assertEquals("V*(A) ≈ 24.4", TryItPrompts.formula("V^*(A) \\approx 24.4"));
        assertEquals("𝔼p̂[R] = +8.2", TryItPrompts.formula("\\mathbb{E}_{\\hat{p}}[R] = +8.2"));
        assertEquals("μ̄", TryItPrompts.formula("\\bar{\\mu}"));
        assertEquals("ε = 0.1", TryItPrompts.formula("\\varepsilon = 0.1"));
    }

    /** Every bundled lesson has prompts, and none keeps a TeX command, a brace or a Markdown marker. */
    @Test
    void everyBundledPromptIsPlainText() {
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
        for (Lesson lesson : catalog.lessons()) {
            List<String> prompts = TryItPrompts.of(lesson.markdown());
            if (lesson.id().equals("which-method")) continue;
            assertFalse(prompts.isEmpty(), lesson.id() + " has no Try it prompt");
            for (String p : prompts) {
                assertFalse(p.matches(".*[\\\\{}$`].*") || p.contains("**"), lesson.id() + ": " + p);
                assertTrue(p.length() > 10, lesson.id() + ": " + p);
            }
        }
    }
}
