#!/usr/bin/env bash
# Installs what the real-editor tests need, once: Debian's Chromium and ripgrep, and code-server 4.100.3
# (VS Code 1.100.3) from the npm registry, cached under .e2e-cache/ (git-ignored) and reused when present.
# Follows ../shared/notes/real-vscode.md: code-server's own postinstall would download from the web, so its
# steps are done here by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.e2e-cache"
cs="$cache/node_modules/code-server"
marker="$cache/.ready-4.100.3"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} with apt-get"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$marker" ]; then
  echo "setup: code-server is ready (cached in .e2e-cache)"
  exit 0
fi

mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name":"derivcheck-e2e-cache","private":true}' > package.json
echo "setup: installing code-server 4.100.3 (a few minutes, once)"
npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3 >/dev/null
cd "$cs/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
native=(kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty)
# npm 11 blocks dependencies' install scripts unless allowed by name
echo "allow-scripts=$(IFS=,; echo "${native[*]}")" > .npmrc
npm_config_yes=true npm rebuild "${native[@]}" >/dev/null
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar
(cd bin/remote-cli && { [ -e code-server ] || ln -s code-linux.sh code-server; })
(cd bin/helpers && { [ -e browser.sh ] || ln -s browser-linux.sh browser.sh; })
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
cd "$cache"
echo 'allow-scripts=argon2' > "$cache/.npmrc"
npm_config_yes=true npm rebuild argon2 >/dev/null
node "$cs/out/node/entry.js" --version
touch "$marker"
echo "setup: done"
