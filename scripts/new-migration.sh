#!/usr/bin/env bash
# Writes a new migration from the difference between the schema of the last migration (kept as
# prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma, without applying anything:
# `prisma migrate dev` needs database introspection that the WebAssembly engine cannot do here.
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
: "${DATABASE_URL:?set DATABASE_URL to any reachable PostgreSQL (the diff engine connects, though it changes nothing)}"
cd "$(dirname "$0")/.."
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
scripts/prisma.sh migrate diff --from-schema-datamodel prisma/migrations/schema.snapshot.prisma \
  --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
cp prisma/schema.prisma prisma/migrations/schema.snapshot.prisma
echo "wrote $dir/migration.sql"
