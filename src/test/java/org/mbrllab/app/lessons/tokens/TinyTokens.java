package org.mbrllab.app.lessons.tokens;

/** The default tiny token model, trained once for all the pane's tests. */
final class TinyTokens {
    private static TokenModel model;

    private TinyTokens() {}

    static synchronized TokenModel model() {
        if (model == null) model = TokensViewModel.trainTiny();
        return model;
    }
}
