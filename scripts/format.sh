#!/usr/bin/env bash
# Formats every C++ and proto source with the repo's .clang-format.
# `scripts/format.sh --check` fails (without changing files) when something is unformatted.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.h' '*.cc' '*.proto')
if [[ "${1:-}" == "--check" ]]; then
  clang-format --dry-run -Werror "${files[@]}"
  echo "format: ok (${#files[@]} files)"
else
  clang-format -i "${files[@]}"
fi
