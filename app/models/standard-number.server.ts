// The next standard number of an organization: the per-year counter is raised by one atomic upsert
// inside the release's transaction, so two releases never share a number and a rolled-back release
// gives its number back.
import type { Prisma } from "~/generated/prisma/client";
import { formatStandardNumber, parseNumberPattern } from "~/stages/standard-number";
import { AppError } from "~/utils/errors";

export async function nextStandardNumberIn(tx: Prisma.TransactionClient, organizationId: string, year: number): Promise<string> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { codePrefix: true, numberPattern: true },
  });
  const pattern = parseNumberPattern(organization.numberPattern);
  if (!pattern.ok) throw new AppError("CONFLICT", pattern.issue);
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "StandardNumberCounter" ("organizationId", "year", "last") VALUES (${organizationId}, ${year}, 1)
    ON CONFLICT ("organizationId", "year") DO UPDATE SET "last" = "StandardNumberCounter"."last" + 1
    RETURNING "last"`;
  const seq = rows[0]?.last;
  if (seq === undefined) throw new Error("the number counter returned no row");
  return formatStandardNumber(organization.numberPattern, { prefix: organization.codePrefix, seq, year });
}
