"""PyTorch peer for `pdekit bench burgers`: the same Burgers PINN training step.

Same network (tanh MLP, Glorot-normal weights, inputs scaled to [-1, 1]), same hard-constraint
ansatz u = t (1 - x^2) N - sin(pi x), same residual u_t + u u_x - nu u_xx by nested autograd, Adam,
fixed uniform points, float32. Prints one JSON line with steps/s.

    python3 burgers_step_pytorch.py --points 4096 --steps 200 --width 64 --depth 3

torch.compile cannot take the nested (double) backward of this step; the compiled peer is
burgers_step_torch_compile.py, on the forward-propagated (jet) form.
"""
import argparse
import json
import math
import time

import torch


def build(width, depth):
    layers, n_in = [], 2
    for _ in range(depth):
        lin = torch.nn.Linear(n_in, width)
        torch.nn.init.xavier_normal_(lin.weight)
        torch.nn.init.zeros_(lin.bias)
        layers += [lin, torch.nn.Tanh()]
        n_in = width
    out = torch.nn.Linear(n_in, 1)
    torch.nn.init.xavier_normal_(out.weight)
    torch.nn.init.zeros_(out.bias)
    return torch.nn.Sequential(*layers, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=4096)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = ap.parse_args()
    dev = torch.device(args.device)
    torch.manual_seed(0)
    nu = 0.01 / math.pi
    net = build(args.width, args.depth).to(dev)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    pts = torch.rand(args.points, 2, device=dev)
    pts[:, 0] = pts[:, 0] * 2 - 1
    shift = torch.tensor([[0.0, 0.5]], device=dev)
    scale = torch.tensor([[1.0, 2.0]], device=dev)

    def loss_fn():
        p = pts.detach().requires_grad_(True)
        x, t = p[:, 0:1], p[:, 1:2]
        u = t * (1 - x * x) * net((p - shift) * scale) - torch.sin(math.pi * x)
        g = torch.autograd.grad(u.sum(), p, create_graph=True)[0]
        ux, ut = g[:, 0:1], g[:, 1:2]
        uxx = torch.autograd.grad(ux.sum(), p, create_graph=True)[0][:, 0:1]
        r = ut + u * ux - nu * uxx
        return (r * r).mean()

    def step():
        opt.zero_grad(set_to_none=False)
        loss = loss_fn()
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
    print(json.dumps({"peer": "pytorch-eager", "torch": torch.__version__, "device": dev.type,
                      "points": args.points, "steps": args.steps, "seconds": dt,
                      "stepsPerSecond": args.steps / dt, "finalLoss": loss_fn().item()}))


if __name__ == "__main__":
    main()
