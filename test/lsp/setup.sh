#!/usr/bin/env bash
# Installs what the language-server tests need, once: Debian's Neovim (a real LSP client nobody here wrote).
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
echo "setup: installing neovim with apt-get"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
nvim --version | head -1
