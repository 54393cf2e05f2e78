package org.mbrllab.app.common.search;

import java.util.HashSet;
import java.util.Set;

/**
 * The tree nodes a student opened below the tree view's depth limit. Node ids belong to one tree
 * version: a move played renumbers the tree, and the set empties itself when it meets a new version.
 * Used on the FX thread only.
 */
public final class ExpandedNodes {
    private final Set<Integer> ids = new HashSet<>();
    private int version = -1;

    /** Opens a closed node or closes an open one; returns the open nodes now, an immutable copy. */
    public Set<Integer> toggle(int nodeId, int treeVersion) {
        follow(treeVersion);
        if (!ids.remove(nodeId)) ids.add(nodeId);
        return Set.copyOf(ids);
    }

    public boolean contains(int nodeId, int treeVersion) {
        return treeVersion == version && ids.contains(nodeId);
    }

    /** Forgets the open nodes if {@code treeVersion} is not the version they belong to. */
    public void follow(int treeVersion) {
        if (treeVersion != version) {
            ids.clear();
            version = treeVersion;
        }
    }

    /** Forgets every open node (a new game or search). */
    public void clear() {
        ids.clear();
    }
}
