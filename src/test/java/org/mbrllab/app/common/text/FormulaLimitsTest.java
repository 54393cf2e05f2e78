package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormulaLimitsTest {

    @Test
    void ordinaryFormulasPass() {
        assertNull(FormulaLimits.refusal(LessonTextViewUiTest.BELLMAN));
        assertNull(FormulaLimits.refusal("\\left( \\frac{a}{b} \\right) \\\\ \\{x\\} \\begin{pmatrix} 1 \\end{pmatrix}"));
    }

    @Test
    void commandsThatLoadOrDefineAreRefusedByName() {
        assertEquals("\\includegraphics is not allowed in lessons", FormulaLimits.refusal("x \\includegraphics{http://example.org/a.png}"));
        assertEquals("\\includegraphics is not allowed in lessons", FormulaLimits.refusal("\\includegraphics@x{/etc/passwd}"));
        assertEquals("\\newcommand is not allowed in lessons", FormulaLimits.refusal("\\newcommand{\\boom}{\\boom\\boom}\\boom"));
        assertEquals("\\def is not allowed in lessons", FormulaLimits.refusal("\\def\\a{\\a}"));
        assertEquals("\\DeclareMathSizes is not allowed in lessons", FormulaLimits.refusal("\\DeclareMathSizes{1}{2}{3}{4}"));
    }

    @Test
    void anEscapedBackslashBeforeLettersIsNotACommand() {
        assertNull(FormulaLimits.refusal("a \\\\def b"));             // a line break, then the letters "def"
    }

    @Test
    void nestingIsCountedOverBracesLeftRightAndEnvironments() {
        int max = FormulaLimits.MAX_FORMULA_NESTING;
        assertNull(FormulaLimits.refusal("{".repeat(max) + "x" + "}".repeat(max)));
        assertEquals("too deeply nested (more than 32 levels)", FormulaLimits.refusal("{".repeat(max + 1) + "x" + "}".repeat(max + 1)));
        assertEquals("too deeply nested (more than 32 levels)",
                FormulaLimits.refusal("\\left(".repeat(max / 2) + "\\begin{matrix}".repeat(max / 2) + "{x}"));
    }

    @Test
    void longFormulasAreRefused() {
        assertEquals("too long (4001 characters, at most 4000)", FormulaLimits.refusal("x".repeat(4001)));
        assertNull(FormulaLimits.refusal("x".repeat(4000)));
    }
}
