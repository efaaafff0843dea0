#!/usr/bin/env bash
# Runs the Prisma CLI without the native engines it would otherwise try to download (the machines
# and many of our users' networks cannot reach Prisma's binary host; docs/decisions/001).
set -euo pipefail
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(command -v node)}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$(command -v node)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
exec node "$(dirname "$0")/../node_modules/prisma/build/index.js" "$@"
