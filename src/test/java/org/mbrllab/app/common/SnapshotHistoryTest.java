package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SnapshotHistoryTest {

    @Test
    void keepsTheNewestUpToTheCapacityWithIndicesThatStayValid() {
        SnapshotHistory<String> h = new SnapshotHistory<>(3);
        for (String s : List.of("a", "b", "c", "d", "e")) h.record(s);
        assertEquals(2, h.first(), "a and b dropped");
        assertEquals(4, h.last());
        assertEquals(List.of("c", "d", "e"), h.snapshots());
        assertEquals("d", h.get(3), "index 3 is still the fourth recorded");
        assertNull(h.get(1), "dropped");
        assertNull(h.get(5), "not yet recorded");
    }

    @Test
    void theSameSnapshotPublishedTwiceIsKeptOnce() {
        SnapshotHistory<String> h = new SnapshotHistory<>(5);
        String a = "a";
        h.record(a);
        h.record(a);
        h.record(null);
        assertEquals(1, h.size());
    }

    @Test
    void clearForgetsButIndicesGoOnCounting() {
        SnapshotHistory<String> h = new SnapshotHistory<>(5);
        h.record("a");
        h.record("b");
        h.clear();
        assertTrue(h.isEmpty());
        h.record("c");
        assertEquals(2, h.first());
        assertEquals("c", h.get(2));
    }

    @Test
    void aCapacityBelowOneIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SnapshotHistory<String>(0));
        assertTrue(e.getMessage().contains("capacity") && e.getMessage().contains("0"), e.getMessage());
    }
}
