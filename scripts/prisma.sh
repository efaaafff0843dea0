#!/usr/bin/env bash
# Runs the Prisma CLI without the native engines it would otherwise try to download (the machines
# and many of our users' networks cannot reach Prisma's binary host; docs/decisions/001 and 018).
#
# Two CLIs (docs/decisions/018): `generate` runs Prisma 7's, which writes the client of the runtime we
# use (@prisma/client 7, with its query-plan cache); everything else (migrate deploy, migrate diff)
# runs Prisma 6.19's, the last whose migrations run on the bundled WebAssembly engine. Prisma 7 refuses
# a `url` in the datasource block and 6.19 requires one, so generate reads a copy of the schema
# without that line, written next to the repository root so the generator's relative output path
# (../app/generated/prisma) still lands in app/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(command -v node)}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$(command -v node)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1

if [ "${1:-}" = "generate" ]; then
  shift
  copy="$root/.prisma-generate/schema.prisma"
  mkdir -p "$(dirname "$copy")"
  grep -v '^[[:space:]]*url[[:space:]]*=[[:space:]]*env("DATABASE_URL")' "$root/prisma/schema.prisma" > "$copy"
  exec node "$root/node_modules/prisma-7/build/index.js" generate --schema "$copy" "$@"
fi
exec node "$root/node_modules/prisma/build/index.js" "$@"
