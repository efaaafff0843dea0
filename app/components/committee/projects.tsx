import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useIntentFieldErrors } from "~/components/action-notice";
import { useStageName } from "~/components/approval/stage-name";
import { EmptyState } from "~/components/empty-state";
import { useFormatDate, useLocalized } from "~/utils/localized";

type ProjectRow = {
  id: string;
  reference: string;
  titleZh: string;
  titleEn: string;
  stage: string;
  /** The stage's name from the project's stage model, when the loader gives it. */
  stageName?: { code: string; nameZh: string; nameEn: string } | null;
  updatedAt: string | Date;
  committee?: { code: string };
};

/** Projects as a table; with `showCommittee` (the dashboard) a column names each one's committee. */
export function ProjectsTable({ projects, showCommittee = false }: { projects: ProjectRow[]; showCommittee?: boolean }) {
  const { t } = useTranslation();
  const stageName = useStageName();
  const localized = useLocalized();
  const formatDate = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("project.reference")}</Table.Th>
            <Table.Th>{t("project.title")}</Table.Th>
            {showCommittee ? <Table.Th>{t("project.committee")}</Table.Th> : null}
            <Table.Th>{t("project.stage")}</Table.Th>
            <Table.Th>{t("project.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/projects/${p.id}`}>
                  {p.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{localized(p)}</Table.Td>
              {showCommittee ? <Table.Td>{p.committee?.code}</Table.Td> : null}
              <Table.Td>
                <Badge variant="light">{p.stageName ? stageName(p.stageName) : t(`stages.${p.stage}`, { defaultValue: p.stage })}</Badge>
              </Table.Td>
              <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProjectsList({ projects }: { projects: ProjectRow[] }) {
  const { t } = useTranslation();
  if (projects.length === 0) return <EmptyState title={t("committee.noProjects")} body={t("committee.noProjectsBody")} />;
  return <ProjectsTable projects={projects} />;
}

export function CreateProjectForm() {
  const { t } = useTranslation();
  const fieldError = useIntentFieldErrors("createProject");
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "createProject";
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {t("project.create")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("project.createLead")}
      </Text>
      <Form method="post" noValidate aria-label={t("project.create")}>
        <input type="hidden" name="intent" value="createProject" />
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput name="reference" label={t("project.reference")} placeholder="GBA-2026-003" required error={fieldError("reference")} />
            <NativeSelect
              name="convention"
              label={t("project.convention")}
              data={[
                { value: "GB", label: t("conventions.GB") },
                { value: "ISO", label: t("conventions.ISO") },
              ]}
            />
            <TextInput name="titleZh" label={t("project.titleZh")} required error={fieldError("titleZh")} />
            <TextInput name="titleEn" label={t("project.titleEn")} required error={fieldError("titleEn")} />
          </SimpleGrid>
          <Textarea name="scope" label={t("project.scope")} autosize minRows={2} error={fieldError("scope")} />
          <Group>
            <Button type="submit" loading={submitting}>
              {t("form.create")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
