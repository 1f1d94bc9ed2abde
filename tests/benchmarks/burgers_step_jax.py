"""JAX peer for `pdekit bench burgers`: the same Burgers PINN step, jit-compiled whole (the jaxpi style).

Same network (tanh MLP 2 -> width x depth -> 1, Glorot-normal weights, zero biases, inputs scaled to
[-1, 1]), same hard-constraint ansatz u = t (1 - x^2) N - sin(pi x), same residual u_t + u u_x - nu u_xx,
fixed uniform points, float32, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8, written out here so that no optax is
needed). Derivatives as jaxpi writes them: a scalar function u(params, x, t), jax.grad along x and t, vmapped
over the points; loss, gradient and the Adam update are one jitted function. Prints one JSON line with steps/s.

    python3 burgers_step_jax.py --points 4096 --steps 300 --width 64 --depth 3

Written for the GPU machine; it has not been run where it was written (no JAX there).
"""
import argparse
import json
import math
import time

import jax
import jax.numpy as jnp


def init(key, width, depth):
    params, n_in = [], 2
    for n_out in [width] * depth + [1]:
        key, sub = jax.random.split(key)
        std = math.sqrt(2.0 / (n_in + n_out))
        params.append((std * jax.random.normal(sub, (n_out, n_in), jnp.float32), jnp.zeros((n_out,), jnp.float32)))
        n_in = n_out
    return params


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=4096)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    args = ap.parse_args()
    nu = 0.01 / math.pi
    key = jax.random.PRNGKey(0)
    key, kx, kt = jax.random.split(key, 3)
    xs = jax.random.uniform(kx, (args.points,), jnp.float32) * 2 - 1
    ts = jax.random.uniform(kt, (args.points,), jnp.float32)
    params = init(key, args.width, args.depth)

    def net(params, x, t):
        h = jnp.stack([x, (t - 0.5) * 2.0])
        for w, b in params[:-1]:
            h = jnp.tanh(w @ h + b)
        w, b = params[-1]
        return (w @ h + b)[0]

    def u(params, x, t):
        return t * (1 - x * x) * net(params, x, t) - jnp.sin(jnp.pi * x)

    def residual(params, x, t):
        u_x = jax.grad(u, argnums=1)
        u_t = jax.grad(u, argnums=2)(params, x, t)
        u_xx = jax.grad(u_x, argnums=1)(params, x, t)
        return u_t + u(params, x, t) * u_x(params, x, t) - nu * u_xx

    def loss(params):
        r = jax.vmap(residual, in_axes=(None, 0, 0))(params, xs, ts)
        return jnp.mean(r * r)

    b1, b2, eps, lr = 0.9, 0.999, 1e-8, 1e-3

    @jax.jit
    def step(params, m, v, count):
        value, grads = jax.value_and_grad(loss)(params)
        count = count + 1
        m = jax.tree_util.tree_map(lambda m_, g: b1 * m_ + (1 - b1) * g, m, grads)
        v = jax.tree_util.tree_map(lambda v_, g: b2 * v_ + (1 - b2) * g * g, v, grads)
        c1 = 1 - b1 ** count
        c2 = 1 - b2 ** count
        params = jax.tree_util.tree_map(lambda p, m_, v_: p - lr * (m_ / c1) / (jnp.sqrt(v_ / c2) + eps), params, m, v)
        return params, m, v, count, value

    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    v = jax.tree_util.tree_map(jnp.zeros_like, params)
    count = jnp.zeros((), jnp.float32)
    for _ in range(args.warmup):
        params, m, v, count, value = step(params, m, v, count)
    jax.block_until_ready(params)
    t0 = time.perf_counter()
    for _ in range(args.steps):
        params, m, v, count, value = step(params, m, v, count)
    jax.block_until_ready(params)
    dt = time.perf_counter() - t0
    device = jax.devices()[0]
    print(json.dumps({"peer": "jax-jit", "jax": jax.__version__, "device": device.platform,
                      "points": args.points, "steps": args.steps, "seconds": dt,
                      "stepsPerSecond": args.steps / dt, "finalLoss": float(loss(params))}))


if __name__ == "__main__":
    main()
