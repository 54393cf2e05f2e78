package org.mbrllab.engine.run;

/** A snapshot together with the status of the run that made it. */
public record Published<S>(S snapshot, RunStatus status) {}
