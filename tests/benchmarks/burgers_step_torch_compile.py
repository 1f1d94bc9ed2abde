"""PyTorch peer for `pdekit bench burgers`, derivatives propagated forward ("jet" form), optionally torch.compile'd.

The same Burgers PINN step as burgers_step_pytorch.py (tanh MLP, Glorot-normal weights, inputs scaled to
[-1, 1], hard-constraint ansatz u = t (1 - x^2) N - sin(pi x), residual u_t + u u_x - nu u_xx, Adam, fixed
uniform points, float32), but u_x, u_t, u_xx come from pushing (value, d/dx, d/dt, d2/dx2) through the
network as one stacked [4, N, width] tensor per layer (one matmul per layer), with the ansatz's product
rule written out. --form autograd keeps nested autograd instead (as burgers_step_pytorch.py does).
--compile MODE wraps the loss (forward and, through AOTAutograd, backward) in torch.compile; on CUDA the
optimizer is torch's fused Adam. Prints one JSON line with steps/s.

    python3 burgers_step_torch_compile.py --points 4096 --steps 300 [--form jet|autograd] [--compile default|reduce-overhead|max-autotune|none]

Written for the GPU machine (PyTorch 2.11, CUDA 13); it has not been run where it was written (no PyTorch there).
"""
import argparse
import json
import math
import time

import torch


def build(width, depth, dev):
    """Weights and biases of a tanh MLP 2 -> width x depth -> 1, Glorot-normal weights, zero biases."""
    params, n_in = [], 2
    for n_out in [width] * depth + [1]:
        w = torch.empty(n_out, n_in, device=dev)
        torch.nn.init.xavier_normal_(w)
        params += [w.requires_grad_(True), torch.zeros(n_out, device=dev, requires_grad=True)]
        n_in = n_out
    return params


def network_jet(params, s, scale):
    """(N, N_x, N_t, N_xx) of the MLP at scaled inputs s [N, 2]; scale [1, 2] is ds/d(x, t)."""
    n = s.shape[0]
    seeds = torch.zeros(3, 1, 2, device=s.device, dtype=s.dtype)
    seeds[0, 0, 0] = scale[0, 0]  # ds/dx
    seeds[1, 0, 1] = scale[0, 1]  # ds/dt
    h = torch.cat([s.unsqueeze(0), seeds.expand(3, n, 2)], 0)  # [4, N, 2]: value, x, t, xx
    layers = len(params) // 2
    for i in range(layers):
        w, b = params[2 * i], params[2 * i + 1]
        z = h @ w.t()
        z = torch.cat([z[0:1] + b, z[1:]], 0)
        if i == layers - 1:
            return z[0], z[1], z[2], z[3]
        a = torch.tanh(z[0])
        d1 = 1 - a * a
        d2 = -2 * a * d1
        h = torch.stack([a, d1 * z[1], d1 * z[2], d1 * z[3] + d2 * z[1] * z[1]], 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=4096)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--form", choices=["jet", "autograd"], default="jet")
    ap.add_argument("--compile", default="default", help="torch.compile mode, or none for eager")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = ap.parse_args()
    dev = torch.device(args.device)
    torch.manual_seed(0)
    nu = 0.01 / math.pi
    params = build(args.width, args.depth, dev)
    fused = dev.type == "cuda"
    opt = torch.optim.Adam(params, lr=1e-3, fused=fused)
    pts = torch.rand(args.points, 2, device=dev)
    pts[:, 0] = pts[:, 0] * 2 - 1
    shift = torch.tensor([[0.0, 0.5]], device=dev)
    scale = torch.tensor([[1.0, 2.0]], device=dev)

    def mlp(s):
        h = s
        for i in range(len(params) // 2 - 1):
            h = torch.tanh(h @ params[2 * i].t() + params[2 * i + 1])
        return h @ params[-2].t() + params[-1]

    def loss_jet(p):
        x, t = p[:, 0:1], p[:, 1:2]
        n, nx, nt, nxx = network_jet(params, (p - shift) * scale, scale)
        g, gx, gt, gxx = t * (1 - x * x), -2 * x * t, 1 - x * x, -2 * t
        sx, cx = torch.sin(math.pi * x), torch.cos(math.pi * x)
        u = g * n - sx
        ux = gx * n + g * nx - math.pi * cx
        ut = gt * n + g * nt
        uxx = gxx * n + 2 * gx * nx + g * nxx + math.pi ** 2 * sx
        r = ut + u * ux - nu * uxx
        return (r * r).mean()

    def loss_autograd(p):
        p = p.detach().requires_grad_(True)
        x, t = p[:, 0:1], p[:, 1:2]
        u = t * (1 - x * x) * mlp((p - shift) * scale) - torch.sin(math.pi * x)
        g = torch.autograd.grad(u.sum(), p, create_graph=True)[0]
        ux, ut = g[:, 0:1], g[:, 1:2]
        uxx = torch.autograd.grad(ux.sum(), p, create_graph=True)[0][:, 0:1]
        r = ut + u * ux - nu * uxx
        return (r * r).mean()

    loss_fn = loss_jet if args.form == "jet" else loss_autograd
    if args.compile != "none":
        loss_fn = torch.compile(loss_fn, mode=None if args.compile == "default" else args.compile)

    def step():
        opt.zero_grad(set_to_none=False)
        loss = loss_fn(pts)
        loss.backward()
        opt.step()

    for _ in range(args.warmup):
        step()
    if dev.type == "cuda":
        torch.cuda.synchronize()
    t0 = time.perf_counter()
    for _ in range(args.steps):
        step()
    if dev.type == "cuda":
        torch.cuda.synchronize()
    dt = time.perf_counter() - t0
    name = f"pytorch-{args.form}" + ("" if args.compile == "none" else f"-compile-{args.compile}")
    print(json.dumps({"peer": name, "torch": torch.__version__, "device": dev.type,
                      "points": args.points, "steps": args.steps, "seconds": dt,
                      "stepsPerSecond": args.steps / dt, "finalLoss": loss_fn(pts).item()}))


if __name__ == "__main__":
    main()
