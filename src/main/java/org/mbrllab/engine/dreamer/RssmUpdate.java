package org.mbrllab.engine.dreamer;

/**
 * The loss parts of one update of the world model, on its training batch before the step.
 *
 * @param update the update's number, from 1
 * @param loss   recon + reward + the KL term (after free nats)
 * @param recon  ½ Σ_pixels (ô − o)², per step
 * @param reward ½ (r̂ − symlog r)², per step
 * @param kl     KL(q ‖ p) per step, before free nats
 */
public record RssmUpdate(int update, double loss, double recon, double reward, double kl) {}
