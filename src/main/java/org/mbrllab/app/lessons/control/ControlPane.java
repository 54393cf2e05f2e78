package org.mbrllab.app.lessons.control;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.engine.control.ControlSystem;

/**
 * What the LQR, iLQR and MPC panes share beyond {@link RunnerPane}: the toolbar's system choice and the
 * {@code .control} presets.
 */
abstract class ControlPane<V extends ControlViewModel<?, ?>> extends RunnerPane<V> {

    private final ChoiceBox<ControlSystem> systemChoice;

    /** @param systemTooltip what choosing the system does in this pane */
    ControlPane(PaneHost host, V vm, String systemTooltip) {
        super(host, vm);
        this.systemChoice = ControlPanes.systemChoice(vm, systemTooltip);
    }

    @Override public List<Node> toolbarItems() {
        return List.of(ControlPanes.label("System"), systemChoice);
    }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("control", vm::presetText, vm::loadPreset));
    }
}
