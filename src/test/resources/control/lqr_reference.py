"""Reference LQR gains and transitions for the control tests, computed once with numpy and scipy.

Run from this folder:  python3 lqr_reference.py > lqr_reference.json

Independent of the Java code: the Gymnasium CartPole-v1 and Pendulum-v1 steps are written out again
below, and A and B are their Jacobians at the upright equilibrium by complex-step differentiation
(exact to rounding: f'(x) = Im f(x + ih) / h). The discrete gains come from
scipy.linalg.solve_discrete_are, the continuous ones from solve_continuous_are, with
K = (R + B'PB)^-1 B'PA and K = R^-1 B'P respectively. The transitions are full Gymnasium steps (control clip, and for the
pendulum the speed clip) from a few states, to check the Java steps against.
"""
import json
import sys

import numpy as np
import scipy
from scipy.linalg import solve_continuous_are, solve_discrete_are

H = 1e-30  # complex-step size


def cartpole_derivative(s, u, g=9.8, mc=1.0, mp=0.1, l=0.5):
    x, x_dot, th, th_dot = s
    total = mc + mp
    temp = (u + mp * l * th_dot**2 * np.sin(th)) / total
    th_acc = (g * np.sin(th) - np.cos(th) * temp) / (l * (4.0 / 3.0 - mp * np.cos(th) ** 2 / total))
    x_acc = temp - mp * l * th_acc * np.cos(th) / total
    return np.array([x_dot, x_acc, th_dot, th_acc])


def cartpole_step(s, u, tau=0.02):
    return s + tau * cartpole_derivative(s, u)


def pendulum_derivative(s, u, g=10.0, m=1.0, l=1.0):
    th, th_dot = s
    return np.array([th_dot, 3 * g / (2 * l) * np.sin(th) + 3.0 / (m * l**2) * u])


def pendulum_step(s, u, dt=0.05):
    th, th_dot = s
    new_th_dot = th_dot + pendulum_derivative(s, u)[1] * dt  # no speed clip near upright
    return np.array([th + new_th_dot * dt, new_th_dot])


def jacobians(f, n):
    x0 = np.zeros(n, dtype=complex)
    a = np.zeros((n, n))
    for j in range(n):
        dx = x0.copy()
        dx[j] += 1j * H
        a[:, j] = np.imag(f(dx, 0.0)) / H
    b = np.imag(f(x0, 1j * H)) / H
    return a, b.reshape(n, 1)


def case(name, system, step, derivative, n, q, r):
    a, b = jacobians(step, n)
    ac, bc = jacobians(derivative, n)
    qm, rm = np.diag(q), np.array([[r]])
    p = solve_discrete_are(a, b, qm, rm)
    k = np.linalg.solve(rm + b.T @ p @ b, b.T @ p @ a)
    pc = solve_continuous_are(ac, bc, qm, rm)
    kc = np.linalg.solve(rm, bc.T @ pc)
    eig = np.linalg.eigvals(a - b @ k)
    return {
        "name": name, "system": system, "q": q, "r": r,
        "A": a.tolist(), "B": b[:, 0].tolist(), "K": k[0].tolist(), "P": p.tolist(),
        "closed_loop_spectral_radius": float(max(abs(eig))),
        "Ac": ac.tolist(), "Bc": bc[:, 0].tolist(), "Kc": kc[0].tolist(), "Pc": pc.tolist(),
    }


def cartpole_gym_step(s, u, force_mag=10.0):
    return cartpole_step(np.array(s, dtype=float), float(np.clip(u, -force_mag, force_mag)))


def pendulum_gym_step(s, u, g=10.0, m=1.0, l=1.0, dt=0.05, max_torque=2.0, max_speed=8.0):
    th, th_dot = s
    u = np.clip(u, -max_torque, max_torque)
    new_th_dot = th_dot + (3 * g / (2 * l) * np.sin(th) + 3.0 / (m * l**2) * u) * dt
    new_th_dot = np.clip(new_th_dot, -max_speed, max_speed)
    return np.array([th + new_th_dot * dt, new_th_dot])


transitions = [
    {"system": system, "state": list(map(float, state)), "u": float(u), "next": list(map(float, step(state, u)))}
    for system, step, state, u in [
        ("cartpole", cartpole_gym_step, [0.0, 0.0, 0.1, 0.0], 10.0),
        ("cartpole", cartpole_gym_step, [0.5, -1.0, -0.3, 2.0], -3.0),
        ("cartpole", cartpole_gym_step, [0.0, 0.0, np.pi, 0.0], 25.0),
        ("cartpole", cartpole_gym_step, [-1.0, 0.4, 2.0, -5.0], -10.0),
        ("pendulum", pendulum_gym_step, [np.pi, 0.0], 2.0),
        ("pendulum", pendulum_gym_step, [0.5, -1.0], -3.0),
        ("pendulum", pendulum_gym_step, [1.0, 7.9], 2.0),
        ("pendulum", pendulum_gym_step, [-2.5, 3.0], 0.7),
    ]
]

cases = [
    case("cartpole-default", "cartpole", cartpole_step, cartpole_derivative, 4, [1.0, 1.0, 10.0, 1.0], 0.1),
    case("cartpole-cheap-control", "cartpole", cartpole_step, cartpole_derivative, 4, [5.0, 0.5, 50.0, 0.5], 0.01),
    case("pendulum-gymnasium", "pendulum", pendulum_step, pendulum_derivative, 2, [1.0, 0.1], 0.001),
    case("pendulum-heavy-r", "pendulum", pendulum_step, pendulum_derivative, 2, [10.0, 1.0], 1.0),
]
json.dump({"generator": "lqr_reference.py", "numpy": np.__version__, "scipy": scipy.__version__,
           "cases": cases, "transitions": transitions}, sys.stdout, indent=1)
print()
