// The organization admin edits a stage model; a wrong model is refused whole with where and why.
import { expect, test } from "vitest";
import { action, loader } from "~/routes/orgs.$slug_.stage-models";
import { listStageModels } from "~/models/stage-model.server";
import { prisma } from "~/utils/db.server";
import { createStaffedCommittee, createUser } from "../../factories";
import { call, formRequest, getRequest, sessionCookieFor } from "../../route-helpers";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

async function setUp() {
  const staffed = await createStaffedCommittee();
  const admin = await createUser();
  await prisma.organizationAdmin.create({ data: { organizationId: staffed.org.id, userId: admin.id } });
  const [model] = await listStageModels(staffed.org.id);
  return { ...staffed, admin, model };
}

/** The editor's form as the page posts it, with some fields changed. */
function formOf(model: Awaited<ReturnType<typeof setUp>>["model"], changes: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = { modelId: model.id, nameZh: model.nameZh, nameEn: model.nameEn };
  model.definition.stages.forEach((s, i) => {
    Object.assign(fields, {
      [`stages.${i}.code`]: s.code,
      [`stages.${i}.nameZh`]: s.nameZh,
      [`stages.${i}.nameEn`]: s.nameEn,
      [`stages.${i}.editing`]: s.editing,
      [`stages.${i}.commentDays`]: String(s.commentDays),
      [`stages.${i}.versionLabel`]: s.versionLabel,
      [`stages.${i}.ballotPreset`]: s.exit.ballot?.presetKey ?? "",
      [`stages.${i}.ballotDays`]: String(s.exit.ballot?.days ?? 14),
      ...(s.exit.needsDecision ? { [`stages.${i}.needsDecision`]: "on" } : {}),
    });
  });
  return { ...fields, ...changes };
}

test("members may not open the editor; an admin renames a stage, changes its comment period and ballot rule", async () => {
  const f = await setUp();
  const path = `/orgs/${f.org.slug}/stage-models`;
  expect((await call(loader, getRequest(path, await sessionCookieFor(f.people.CHAIR.id)), { slug: f.org.slug })).status).toBe(403);
  expect((await call(action, formRequest(path, formOf(f.model), await sessionCookieFor(f.people.SECRETARY.id)), { slug: f.org.slug })).status).toBe(403);

  const saved = await call(
    action,
    formRequest(path, formOf(f.model, { "stages.3.nameEn": "Consultation", "stages.3.commentDays": "60", "stages.4.ballotPreset": "cn_four_fifths_of_panel" }), await sessionCookieFor(f.admin.id)),
    { slug: f.org.slug },
  );
  expect(saved).toMatchObject({ status: 200, body: { ok: true } });
  const [after] = await listStageModels(f.org.id);
  expect(after.definition.stages[3]).toMatchObject({ nameEn: "Consultation", commentDays: 60 });
  expect(after.definition.stages[4].exit.ballot?.presetKey).toBe("cn_four_fifths_of_panel");
  expect(await prisma.auditEvent.count({ where: { type: "stage_model.updated" } })).toBe(1);
});

test("an empty name, negative comment days, an unknown rule, a ballot without the chair's decision are refused; nothing changes", async () => {
  const f = await setUp();
  const path = `/orgs/${f.org.slug}/stage-models`;
  const cookie = await sessionCookieFor(f.admin.id);
  const auditsBefore = await prisma.auditEvent.count({ where: { type: "stage_model.updated" } });
  const post = async (fields: Record<string, string>) => {
    const refused = await call(action, formRequest(path, fields, cookie), { slug: f.org.slug });
    expect(refused).toMatchObject({ status: 400, body: { ok: false, error: "approval.model.invalidSaved" } });
    return (refused.body as { issues: { path: string; key: string }[] }).issues;
  };
  expect(await post(formOf(f.model, { "stages.2.nameZh": " ", "stages.3.commentDays": "-5" }))).toEqual([
    { path: "stages.2.nameZh", key: "approval.model.nameRequired" },
    { path: "stages.3.commentDays", key: "approval.model.commentDays" },
  ]);
  expect(await post(formOf(f.model, { "stages.5.ballotPreset": "no_such_rule" }))).toEqual([
    { path: "stages.5.exit.ballot", key: "approval.ballot.unknownPreset" },
  ]);
  expect(await post(formOf(f.model, { "stages.4.ballotDays": "0" }))).toEqual([{ path: "stages.4.exit.ballot.days", key: "approval.model.ballotDays" }]);
  const withoutDecision = formOf(f.model);
  delete withoutDecision["stages.4.needsDecision"];
  expect(await post(withoutDecision)).toEqual([{ path: "stages.4.exit.needsDecision", key: "approval.model.ballotNeedsDecision" }]);
  const [after] = await listStageModels(f.org.id);
  expect(after.definition).toEqual(f.model.definition);
  expect(await prisma.auditEvent.count({ where: { type: "stage_model.updated" } })).toBe(auditsBefore);
});
