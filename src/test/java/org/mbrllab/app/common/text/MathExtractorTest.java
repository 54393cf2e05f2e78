package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MathExtractorTest {

    private final MathExtractor extractor = new MathExtractor(Parser.builder().extensions(List.of(TablesExtension.create())));

    private static String token(int i) {
        return MathExtractor.OPEN + Integer.toString(i) + MathExtractor.CLOSE;
    }

    @Test
    void inlineAndDisplayMathBecomeTokens() {
        MathExtractor.Result r = extractor.extract("Value $V_k(s)$ and\n\n$$V_{k+1} = \\max_a x$$\n");

        assertEquals("Value " + token(0) + " and\n\n" + token(1) + "\n", r.markdown());
        assertEquals(new MathExtractor.Formula("V_k(s)", false, "$V_k(s)$"), r.formulas().get(0));
        assertEquals("V_{k+1} = \\max_a x", r.formulas().get(1).latex());
        assertTrue(r.formulas().get(1).display());
    }

    @Test
    void displayMathMaySpanLines() {
        MathExtractor.Result r = extractor.extract("$$\nV(s) = \\max_a\n  \\sum_{s'} p\n$$\n");

        assertEquals(1, r.formulas().size());
        assertEquals("V(s) = \\max_a\n  \\sum_{s'} p", r.formulas().get(0).latex());
    }

    @Test
    void displayMathInABlockQuoteLosesTheQuoteMarkers() {
        MathExtractor.Result r = extractor.extract("> Look:\n> $$\n> a +\n> b\n> $$\n");

        assertEquals("a +\nb", r.formulas().get(0).latex());
    }

    @Test
    void dollarsInCodeStayLiteral() {
        String md = "Run `echo $HOME $x$` now.\n\n```\nprice = $5 + $x$\n```\n\n    $y$ indented\n";

        MathExtractor.Result r = extractor.extract(md);

        assertEquals(List.of(), r.formulas());
        assertEquals(md, r.markdown());
    }

    @Test
    void escapedDollarIsKeptForCommonmark() {
        MathExtractor.Result r = extractor.extract("It costs \\$5, and $x$ is math.");

        assertEquals("It costs \\$5, and " + token(0) + " is math.", r.markdown());
    }

    @Test
    void amountsOfMoneyAreNotMath() {
        MathExtractor.Result r = extractor.extract("Between $5 and $10 a day.");

        assertEquals(List.of(), r.formulas());
        assertEquals("Between \\$5 and \\$10 a day.", r.markdown());
    }

    @Test
    void inlineMathDoesNotCrossABlankLine() {
        MathExtractor.Result r = extractor.extract("Open $x\n\nclosed$ later.");

        assertEquals(List.of(), r.formulas());
    }

    @Test
    void underscoresInMathAreHiddenFromEmphasis() {
        MathExtractor.Result r = extractor.extract("$a_1$ and $b_1$");

        assertFalse(r.markdown().contains("_"));
        assertEquals("$a_1$ and $b_1$", r.restore(r.markdown()));
    }

    @Test
    void pipesInMathDoNotSplitTableCells() {
        MathExtractor.Result r = extractor.extract("| p | value |\n|---|---|\n| $p(s'|s,a)$ | 1 |\n");

        assertEquals("p(s'|s,a)", r.formulas().get(0).latex());
        assertFalse(r.markdown().contains("s'|s"));
    }

    @Test
    void manyLoneDollarsAreExtractedInLinearTime() {
        // No $ ever closes; each $$ pair on the one long line is a formula.
        String text = "$a ".repeat(200_000) + "\n\n" + "$$b $$ ".repeat(100_000);

        MathExtractor.Result r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> extractor.extract(text));

        assertEquals(100_000, r.formulas().size());
        assertEquals(new MathExtractor.Formula("b", true, "$$b $$"), r.formulas().get(99_999));
    }

    @Test
    void aFormulaAfterAnUnclosedDollarInAnotherParagraphIsStillFound() {
        MathExtractor.Result r = extractor.extract("Costs $5 and more.\n\nThen $x$ and $y$.\n");

        assertEquals(List.of("x", "y"), r.formulas().stream().map(MathExtractor.Formula::latex).toList());
    }
}
