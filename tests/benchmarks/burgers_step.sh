#!/usr/bin/env bash
# Burgers training-step benchmark: PdeKit (TorchSharp; nested autograd, jet, jet + fused Adam) against the
# peers (PyTorch eager, PyTorch jet form under torch.compile, JAX jit), same machine, one run.
# Prints a Markdown table per point count with steps/s, points/s and PdeKit's best ratio to each peer.
#
# Here (once):   ../shared/gpu/prepare src/PdeKit.Cli/PdeKit.Cli.csproj
# GPU machine:   source .gpu/env.sh && bash tests/benchmarks/burgers_step.sh [points ...]
# CPU (local):   bash tests/benchmarks/burgers_step.sh   (peers need python3 with torch / jax; missing ones are skipped)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -f .gpu/PdeKit.Cli/PdeKit.Cli.dll ]; then pdekit=(dotnet .gpu/PdeKit.Cli/PdeKit.Cli.dll); else pdekit=(./pdekit); fi
points=("${@:-4096 65536}")
steps=${STEPS:-300}
echo "date: $(date -u +%F) host: $(hostname)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
for n in ${points[@]}; do
  results=()
  results+=("$("${pdekit[@]}" bench burgers --json --points "$n" --steps "$steps" --engine autograd)")
  results+=("$("${pdekit[@]}" bench burgers --json --points "$n" --steps "$steps" --engine jet)")
  results+=("$("${pdekit[@]}" bench burgers --json --points "$n" --steps "$steps" --engine jet --fused)")
  peer() { "$@" 2>/dev/null | tail -1 || echo '{}'; }
  results+=("$(peer python3 tests/benchmarks/burgers_step_pytorch.py --points "$n" --steps "$steps")")
  results+=("$(peer python3 tests/benchmarks/burgers_step_torch_compile.py --points "$n" --steps "$steps" --form jet --compile none)")
  results+=("$(peer python3 tests/benchmarks/burgers_step_torch_compile.py --points "$n" --steps "$steps" --form jet --compile default)")
  results+=("$(peer python3 tests/benchmarks/burgers_step_jax.py --points "$n" --steps "$steps")")
  python3 - "$n" "${results[@]}" <<'PY'
import json, sys
n, rows = sys.argv[1], [json.loads(a) if a.strip() else {} for a in sys.argv[2:]]
names = ["pdekit autograd + adam", "pdekit jet + adam", "pdekit jet + fused-adam"]
ours = [dict(r, name=names[i]) for i, r in enumerate(rows[:3])]
peers = [r for r in rows[3:] if "stepsPerSecond" in r]
best = max(ours, key=lambda r: r.get("stepsPerSecond", 0))
print(f"\n### Burgers step, tanh MLP 3x64, {n} points\n")
print("| implementation | device | steps/s | points/s | final loss | best PdeKit / this |")
print("|---|---|---:|---:|---:|---:|")
for r in ours + peers:
    name = r.get("name") or r.get("peer")
    sps = r["stepsPerSecond"]
    print(f"| {name} | {r['device']} | {sps:.1f} | {sps * int(n):.3e} | {r['finalLoss']:.4e} | {best['stepsPerSecond'] / sps:.2f} |")
PY
done
