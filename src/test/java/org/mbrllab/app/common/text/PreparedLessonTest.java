package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PreparedLessonTest {

    @Test
    void deepContainerMarkersOnALineAreCutToTheLimit() {
        assertEquals(">>>  text\nnext", PreparedLesson.limitNesting(">>>>>> text\nnext", 3));
        assertEquals("- - >  text", PreparedLesson.limitNesting("- - > 1. - text", 3));
    }

    @Test
    void linesWithinTheLimitAreLeftAlone() {
        String md = "> quote\n> > nested\n- item\n  1. sub\n-not a list\n* * *\n";
        assertSame(md, PreparedLesson.limitNesting(md, 3));
    }
}
