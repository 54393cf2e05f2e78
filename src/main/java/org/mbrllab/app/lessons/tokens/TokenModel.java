package org.mbrllab.app.lessons.tokens;

import java.util.Objects;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.tokens.TokenImagination;

/**
 * The token world model the pane shows: its imagination (tokenizer and transformer), the mean training frame
 * (the mean-frame baseline) and a line saying where it comes from. Immutable: the imagination holds copied
 * weights and never changes, and the mean frame is copied in and out.
 *
 * @param description "64 codes, 2 blocks, trained beforehand" or the like, for the pane's status line
 */
record TokenModel(TokenImagination imagination, float[] meanFrame, String description) {
    TokenModel {
        Objects.requireNonNull(imagination, "imagination");
        if (meanFrame.length != PixelPendulum.PIXELS) {
            throw new IllegalArgumentException("meanFrame has " + meanFrame.length + " pixels, expected " + PixelPendulum.PIXELS);
        }
        meanFrame = meanFrame.clone();
        Objects.requireNonNull(description, "description");
    }

    @Override
    public float[] meanFrame() {
        return meanFrame.clone();
    }
}
