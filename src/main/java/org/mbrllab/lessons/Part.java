package org.mbrllab.lessons;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three parts of the course; the navigator groups lessons by part, in this order. */
public enum Part {
    KNOWN_DYNAMICS("known-dynamics", "Known dynamics"),
    LEARNED_MODELS("learned-models", "Learned models"),
    LATENT_MODELS("latent-models", "Latent models");

    private final String key;
    private final String title;

    Part(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The spelling used in front matter, e.g. {@code known-dynamics}. */
    public String key() {
        return key;
    }

    /** What the navigator shows, e.g. "Known dynamics". */
    public String title() {
        return title;
    }

    /** The part spelled {@code key} in front matter, if there is one. */
    public static Optional<Part> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** "known-dynamics, learned-models, latent-models", for error messages. */
    public static String allowedKeys() {
        return Arrays.stream(values()).map(Part::key).collect(Collectors.joining(", "));
    }
}
