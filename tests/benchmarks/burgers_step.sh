#!/usr/bin/env bash
# Burgers training-step benchmark: PdeKit (TorchSharp) vs the PyTorch peer, same machine, one run.
#
# Here (once):   ../shared/gpu/prepare src/PdeKit.Cli/PdeKit.Cli.csproj
# GPU machine:   source .gpu/env.sh && bash tests/benchmarks/burgers_step.sh [points ...]
# CPU (local):   bash tests/benchmarks/burgers_step.sh   (needs python3 with torch for the peer)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -f .gpu/PdeKit.Cli/PdeKit.Cli.dll ]; then pdekit=(dotnet .gpu/PdeKit.Cli/PdeKit.Cli.dll); else pdekit=(./pdekit); fi
points=("${@:-4096 65536}")
echo "date: $(date -u +%F) host: $(hostname)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
for n in ${points[@]}; do
  ours=$("${pdekit[@]}" bench burgers --json --points "$n" --steps 300)
  peer=$(python3 tests/benchmarks/burgers_step_pytorch.py --points "$n" --steps 300)
  python3 - "$ours" "$peer" "$n" <<'PY'
import json, sys
ours, peer, n = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
r = ours["stepsPerSecond"] / peer["stepsPerSecond"]
print(f"points {n}: pdekit {ours['stepsPerSecond']:.1f} steps/s ({ours['device']}), "
      f"pytorch eager {peer['stepsPerSecond']:.1f} steps/s ({peer['device']}, torch {peer['torch']}), ratio {r:.2f}")
PY
done
