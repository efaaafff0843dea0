// Stage models per organization: the two built in are created on demand (new organizations, the demo
// seed, and lazily for organizations that predate them), and a project without a model is mapped to
// its organization's default for its drafting convention (GB → Chinese group standard, ISO → ISO/IEC).
import type { Prisma } from "~/generated/prisma/client";
import { builtInStageModels, chineseGroupStandardKey, isoIecKey } from "~/stages/built-in";
import { parseStageModelDefinition, type StageModelDefinition } from "~/stages/definition";
import { mapStage } from "~/stages/workflow";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

type Db = Prisma.TransactionClient | typeof prisma;

/** Creates the built-in models an organization lacks; safe to repeat and to race. */
export async function ensureStageModels(organizationId: string, db: Db = prisma): Promise<void> {
  await db.stageModel.createMany({
    data: builtInStageModels.map((model) => ({
      organizationId,
      key: model.key,
      nameZh: model.nameZh,
      nameEn: model.nameEn,
      definition: model.definition as unknown as Prisma.InputJsonObject,
    })),
    skipDuplicates: true,
  });
}

export type StageModelRecord = { id: string; key: string; nameZh: string; nameEn: string; definition: StageModelDefinition };

function parsed(row: { id: string; key: string; nameZh: string; nameEn: string; definition: unknown }): StageModelRecord {
  const result = parseStageModelDefinition(row.definition);
  // Every write parses first, so a stored model that fails is a bug or a hand edit of the database.
  if (!result.ok) throw new AppError("CONFLICT", "approval.model.storedInvalid", `stage model ${row.id}: ${JSON.stringify(result.issues)}`);
  return { id: row.id, key: row.key, nameZh: row.nameZh, nameEn: row.nameEn, definition: result.definition };
}

const modelSelect = { id: true, key: true, nameZh: true, nameEn: true, definition: true } as const;

export async function listStageModels(organizationId: string): Promise<StageModelRecord[]> {
  await ensureStageModels(organizationId);
  const rows = await prisma.stageModel.findMany({ where: { organizationId }, select: modelSelect, orderBy: { createdAt: "asc" } });
  return rows.map(parsed);
}

export async function getStageModel(organizationId: string, stageModelId: string): Promise<StageModelRecord> {
  const row = await prisma.stageModel.findFirst({ where: { id: stageModelId, organizationId }, select: modelSelect });
  if (!row) throw new AppError("NOT_FOUND", "approval.model.notFound");
  return parsed(row);
}

export type ProjectStageContext = {
  project: {
    id: string;
    reference: string;
    titleZh: string;
    titleEn: string;
    committeeId: string;
    organizationId: string;
    stage: string;
    stageEnteredAt: Date;
    status: "ACTIVE" | "RELEASED" | "ABANDONED";
    editingPolicy: "DRAFTERS" | "SECRETARIAT" | "NOBODY";
    standardNumber: string | null;
    publishedOn: Date | null;
    implementedOn: Date | null;
    releasedVersionId: string | null;
    convention: "GB" | "ISO";
  };
  model: StageModelRecord;
};

/**
 * The project with its stage model. A project without a model gets its organization's default, and
 * its stage is mapped into that model (the stage's editing policy is applied only on the next entry).
 */
export async function projectStageContext(projectId: string, db: Db = prisma): Promise<ProjectStageContext> {
  const row = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      reference: true,
      titleZh: true,
      titleEn: true,
      committeeId: true,
      stage: true,
      stageEnteredAt: true,
      status: true,
      editingPolicy: true,
      standardNumber: true,
      publishedOn: true,
      implementedOn: true,
      releasedVersionId: true,
      convention: true,
      stageModel: { select: modelSelect },
      committee: { select: { organizationId: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "approval.project.notFound");
  const { stageModel, committee, ...project } = row;
  const organizationId = committee.organizationId;
  if (stageModel) return { project: { ...project, organizationId }, model: parsed(stageModel) };

  await ensureStageModels(organizationId, db);
  const key = project.convention === "ISO" ? isoIecKey : chineseGroupStandardKey;
  const fallback = await db.stageModel.findUniqueOrThrow({ where: { organizationId_key: { organizationId, key } }, select: modelSelect });
  const model = parsed(fallback);
  const stage = mapStage(model.definition, project.stage);
  // Only a project still without a model is mapped, so two first readers agree.
  await db.project.updateMany({ where: { id: projectId, stageModelId: null }, data: { stageModelId: model.id, stage } });
  return { project: { ...project, organizationId, stage }, model };
}

/** Stage names for many projects at once (dashboard, lists): project id → { zh, en, code }. */
export async function stageNamesOf(projectIds: readonly string[]): Promise<Map<string, { nameZh: string; nameEn: string; code: string }>> {
  const names = new Map<string, { nameZh: string; nameEn: string; code: string }>();
  const name = (id: string, model: StageModelRecord, key: string) => {
    const stage = model.definition.stages.find((s) => s.key === key);
    if (stage) names.set(id, { nameZh: stage.nameZh, nameEn: stage.nameEn, code: stage.code });
  };
  // One query for the projects that have their model; each model is parsed once however many use it.
  const rows = await prisma.project.findMany({
    where: { id: { in: [...projectIds] }, stageModelId: { not: null } },
    select: { id: true, stage: true, stageModel: { select: modelSelect } },
  });
  const models = new Map<string, StageModelRecord>();
  for (const row of rows) {
    if (!row.stageModel) continue;
    const model = models.get(row.stageModel.id) ?? parsed(row.stageModel);
    models.set(model.id, model);
    name(row.id, model, row.stage);
  }
  // A project still without a model is mapped onto one on this first read (once per project).
  const mapped = new Set(rows.map((r) => r.id));
  for (const id of projectIds.filter((p) => !mapped.has(p))) {
    const { project, model } = await projectStageContext(id);
    name(id, model, project.stage);
  }
  return names;
}

/** The names of every stage of a project's model, by key (for versions frozen in earlier stages). */
export async function stageNamesOfProjectModel(
  projectId: string,
): Promise<Record<string, { nameZh: string; nameEn: string; code: string }>> {
  const { model } = await projectStageContext(projectId);
  return Object.fromEntries(
    model.definition.stages.map((s) => [s.key, { nameZh: s.nameZh, nameEn: s.nameEn, code: s.code }]),
  );
}

/** An organization admin saves an edited model; refused whole, changing nothing, if any part is wrong. */
export async function updateStageModel(options: {
  organizationId: string;
  stageModelId: string;
  nameZh: string;
  nameEn: string;
  definition: unknown;
  actorId: string;
}): Promise<{ ok: true } | { ok: false; issues: { path: string; key: string }[] }> {
  const result = parseStageModelDefinition(options.definition);
  if (!result.ok) return result;
  const current = await getStageModel(options.organizationId, options.stageModelId);
  // Stages in use by a project of this model must stay, or those projects would stand nowhere.
  const inUse = await prisma.project.findMany({ where: { stageModelId: current.id }, select: { stage: true }, distinct: ["stage"] });
  const kept = new Set(result.definition.stages.map((s) => s.key));
  const missing = inUse.map((p) => p.stage).filter((stage) => !kept.has(stage));
  if (missing.length > 0) return { ok: false, issues: missing.map(() => ({ path: "stages", key: "approval.model.stageInUse" })) };
  await prisma.$transaction(async (tx) => {
    await tx.stageModel.update({
      where: { id: current.id },
      data: { nameZh: options.nameZh, nameEn: options.nameEn, definition: result.definition as unknown as Prisma.InputJsonObject },
    });
    await recordAudit(tx, {
      type: "stage_model.updated",
      actorId: options.actorId,
      payload: { stageModelId: current.id, key: current.key },
    });
  });
  return { ok: true };
}
