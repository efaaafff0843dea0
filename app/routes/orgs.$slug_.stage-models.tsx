// The organization admin's stage-model editor: per stage its names, code, who may edit, the comment
// period, the version frozen on entry, whether leaving needs the chair, and the ballot rule (a preset)
// with its days. The whole model is validated before saving; problems are listed with where they are.
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice } from "~/components/action-notice";
import { useStageName } from "~/components/approval/stage-name";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ballotRulePresets, findPreset } from "~/ballots/presets";
import { requireOrganizationAccess } from "~/models/access.server";
import { getStageModel, listStageModels, updateStageModel } from "~/models/stage-model.server";
import { editingPolicies, type StageModelDefinition } from "~/stages/definition";
import { prisma } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Stage models · Standards Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organizationId } = await requireOrganizationAccess(request, params.slug ?? "", "manageStageModels");
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true, nameZh: true, nameEn: true } });
  const models = await listStageModels(organizationId);
  const selected = models.find((m) => m.id === new URL(request.url).searchParams.get("model")) ?? models[0] ?? null;
  return { organization, models: models.map((m) => ({ id: m.id, nameZh: m.nameZh, nameEn: m.nameEn })), selected, presets: ballotRulePresets.map((p) => ({ id: p.id, name: p.name })) };
}

type EditorResult = { ok: true; message: string; intent: string } | { ok: false; intent: string; error: string; issues: { path: string; key: string }[] };

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const int = (form: FormData, name: string) => {
  const raw = text(form, name).trim();
  return raw === "" ? Number.NaN : Number(raw);
};

/** The submitted form applied onto the stored model; anything not on the form is kept as stored. */
function applyForm(current: StageModelDefinition, form: FormData): unknown {
  return {
    ...current,
    stages: current.stages.map((stage, i) => {
      const presetKey = text(form, `stages.${i}.ballotPreset`);
      const preset = presetKey ? findPreset(presetKey) : undefined;
      return {
        ...stage,
        code: text(form, `stages.${i}.code`),
        nameZh: text(form, `stages.${i}.nameZh`),
        nameEn: text(form, `stages.${i}.nameEn`),
        editing: text(form, `stages.${i}.editing`),
        commentDays: int(form, `stages.${i}.commentDays`),
        versionLabel: text(form, `stages.${i}.versionLabel`),
        exit: {
          ...stage.exit,
          needsDecision: form.get(`stages.${i}.needsDecision`) === "on",
          ballot:
            presetKey === ""
              ? null
              : {
                  presetKey,
                  rule: preset?.rule ?? {},
                  days: int(form, `stages.${i}.ballotDays`),
                },
        },
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organizationId } = await requireOrganizationAccess(request, params.slug ?? "", "manageStageModels");
  const form = await request.formData();
  const intent = "saveModel";
  const model = await getStageModel(organizationId, text(form, "modelId"));
  const unknownPresets = model.definition.stages.flatMap((_, i) => {
    const presetKey = text(form, `stages.${i}.ballotPreset`);
    return presetKey && !findPreset(presetKey) ? [{ path: `stages.${i}.exit.ballot`, key: "approval.ballot.unknownPreset" }] : [];
  });
  if (unknownPresets.length > 0)
    return data<EditorResult>({ ok: false, intent, error: "approval.model.invalidSaved", issues: unknownPresets }, { status: 400 });
  const result = await updateStageModel({
    organizationId,
    stageModelId: model.id,
    nameZh: text(form, "nameZh").trim() || model.nameZh,
    nameEn: text(form, "nameEn").trim() || model.nameEn,
    definition: applyForm(model.definition, form),
    actorId: user.id,
  });
  if (!result.ok) return data<EditorResult>({ ok: false, intent, error: "approval.model.invalidSaved", issues: result.issues }, { status: 400 });
  return data<EditorResult>({ ok: true, intent, message: "approval.model.saved" });
}

export default function StageModelsPage() {
  const { organization, models, selected, presets } = useLoaderData<typeof loader>();
  const result = useActionData<EditorResult>();
  const { t, i18n } = useTranslation();
  const stageName = useStageName();
  const navigation = useNavigation();
  const english = i18n.language === "en";
  const issues = result && !result.ok ? result.issues : [];
  const issueAt = (prefix: string) => {
    const found = issues.find((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
    return found ? t(found.key.replace(/^ballots\.rule\./, "approval.rule.")) : undefined;
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/orgs/${organization.slug}`} size="sm">
          ← {english ? organization.nameEn : organization.nameZh}
        </Anchor>
        <Title order={1} mt={4}>
          {t("approval.model.title")}
        </Title>
        <Text c="dimmed">{t("approval.model.lead")}</Text>
      </div>
      <Group gap="xs">
        {models.map((m) => (
          <Button key={m.id} component={Link} to={`?model=${m.id}`} variant={m.id === selected?.id ? "filled" : "default"} size="xs">
            {english ? m.nameEn : m.nameZh}
          </Button>
        ))}
      </Group>
      {result && !result.ok ? (
        <Alert color="red" role="alert" data-testid="model-issues" title={t("approval.model.invalidSaved")}>
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>{t("approval.model.issueAt", { path: issue.path, message: t(issue.key.replace(/^ballots\.rule\./, "approval.rule.")) })}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ActionNotice />
      )}
      {selected ? (
        <Form method="post" key={selected.id} aria-label={t("approval.model.title")}>
          <input type="hidden" name="modelId" value={selected.id} />
          <Paper withBorder p="md" radius="md">
            <Group>
              <TextInput name="nameZh" label={t("approval.model.nameZhLabel")} defaultValue={selected.nameZh} />
              <TextInput name="nameEn" label={t("approval.model.nameEnLabel")} defaultValue={selected.nameEn} />
            </Group>
          </Paper>
          <Table.ScrollContainer minWidth={1200} mt="md">
            <Table verticalSpacing="xs" data-testid="stage-model-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("approval.model.code")}</Table.Th>
                  <Table.Th>{t("approval.model.nameZhLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.nameEnLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.editingLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.commentDaysLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.versionLabelLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.needsDecisionLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.ballotLabel")}</Table.Th>
                  <Table.Th>{t("approval.model.ballotDaysLabel")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {selected.definition.stages.map((stage, i) => (
                  <Table.Tr key={stage.key} data-stage={stage.key}>
                    <Table.Td>
                      <TextInput name={`stages.${i}.code`} defaultValue={stage.code} w={60} aria-label={`${stageName(stage)} · ${t("approval.model.code")}`} error={issueAt(`stages.${i}.code`)} />
                      <Text size="xs" c="dimmed">
                        {t(`approval.model.kinds.${stage.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TextInput name={`stages.${i}.nameZh`} defaultValue={stage.nameZh} aria-label={`${stageName(stage)} · ${t("approval.model.nameZhLabel")}`} error={issueAt(`stages.${i}.nameZh`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput name={`stages.${i}.nameEn`} defaultValue={stage.nameEn} aria-label={`${stageName(stage)} · ${t("approval.model.nameEnLabel")}`} error={issueAt(`stages.${i}.nameEn`)} />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        name={`stages.${i}.editing`}
                        defaultValue={stage.editing}
                        aria-label={`${stageName(stage)} · ${t("approval.model.editingLabel")}`}
                        data={editingPolicies.map((p) => ({ value: p, label: t(`approval.editing.${p}`) }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput name={`stages.${i}.commentDays`} defaultValue={stage.commentDays} w={90} aria-label={`${stageName(stage)} · ${t("approval.model.commentDaysLabel")}`} error={issueAt(`stages.${i}.commentDays`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput name={`stages.${i}.versionLabel`} defaultValue={stage.versionLabel} w={120} aria-label={`${stageName(stage)} · ${t("approval.model.versionLabelLabel")}`} error={issueAt(`stages.${i}.versionLabel`)} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox name={`stages.${i}.needsDecision`} defaultChecked={stage.exit.needsDecision} aria-label={`${stageName(stage)} · ${t("approval.model.needsDecisionLabel")}`} error={issueAt(`stages.${i}.exit.needsDecision`)} />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        name={`stages.${i}.ballotPreset`}
                        defaultValue={stage.exit.ballot?.presetKey ?? ""}
                        aria-label={`${stageName(stage)} · ${t("approval.model.ballotLabel")}`}
                        error={issueAt(`stages.${i}.exit.ballot`)}
                        data={[{ value: "", label: t("approval.model.ballotNone") }, ...presets.map((p) => ({ value: p.id, label: english ? p.name.en : p.name["zh-CN"] }))]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput name={`stages.${i}.ballotDays`} defaultValue={stage.exit.ballot?.days ?? 14} w={80} aria-label={`${stageName(stage)} · ${t("approval.model.ballotDaysLabel")}`} error={issueAt(`stages.${i}.exit.ballot.days`)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Button type="submit" mt="md" loading={navigation.state === "submitting"}>
            {t("approval.model.save")}
          </Button>
        </Form>
      ) : null}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
