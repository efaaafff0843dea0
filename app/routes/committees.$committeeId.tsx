import { Anchor, Badge, Breadcrumbs, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice } from "~/components/action-notice";
import { CreateProjectForm, ProjectsList } from "~/components/committee/projects";
import { CreateSubcommitteeForm, SubcommitteesList } from "~/components/committee/subcommittees";
import { InvitationsList, InviteForm } from "~/components/committee/invitations";
import { MembersTable } from "~/components/committee/members";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { committeeActionSchema } from "~/forms/committee";
import { requireCommitteeAccess } from "~/models/access.server";
import { createCommittee, getCommittee } from "~/models/committee.server";
import { createInvitation, revokeInvitation } from "~/models/invitation.server";
import { changeMemberRole, removeMember } from "~/models/membership.server";
import { createProject } from "~/models/project.server";
import { canAssignRole, canInCommittee, canManageMember } from "~/policies/committee";
import { roles } from "~/policies/roles";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { AppError, invariantResponse } from "~/utils/errors";
import { useLocalized } from "~/utils/localized";
import { stageNamesOf } from "~/models/stage-model.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.committee.code} · Standards Studio` : "Standards Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const committeeId = params.committeeId ?? "";
  const { standing } = await requireCommitteeAccess(request, committeeId, "view");
  const committee = await getCommittee(committeeId);
  invariantResponse(committee, "Not found", { status: 404 });
  const stageNames = await stageNamesOf(committee.projects.map((p) => p.id));
  const can = {
    invite: canInCommittee(standing, "invite"),
    revokeInvitation: canInCommittee(standing, "revokeInvitation"),
    createSubcommittee: canInCommittee(standing, "createSubcommittee"),
    createProject: canInCommittee(standing, "createProject"),
  };
  return {
    committee: {
      ...committee,
      // Invitation addresses are for those who run the committee only.
      invitations: can.invite ? committee.invitations : [],
      memberships: committee.memberships.map((m) => ({ ...m, manageable: canManageMember(standing, m.role) })),
      projects: committee.projects.map((p) => ({ ...p, stageName: stageNames.get(p.id) ?? null })),
    },
    can,
    assignableRoles: roles.filter((r) => canAssignRole(standing, r)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const committeeId = params.committeeId ?? "";
  const formData = await request.formData();
  const parsed = committeeActionSchema.safeParse(Object.fromEntries(formData));
  const intent = String(formData.get("intent") ?? "");
  if (!parsed.success) {
    // Check access before revealing anything about the form.
    await requireCommitteeAccess(request, committeeId, "view");
    return invalidForm(intent, parsed.error);
  }
  const input = parsed.data;
  switch (input.intent) {
    case "invite": {
      const { user, standing } = await requireCommitteeAccess(request, committeeId, "invite");
      return withAppErrors(input.intent, { email: input.email }, async () => {
        if (!canAssignRole(standing, input.role)) throw new AppError("FORBIDDEN", "committee.cannotAssignChair");
        await createInvitation({ committeeId, inviter: user, ...input });
        return { ok: true, intent: input.intent, message: "committee.invited", params: { email: input.email } };
      });
    }
    case "changeRole": {
      const { user, standing } = await requireCommitteeAccess(request, committeeId, "changeRole");
      return withAppErrors(input.intent, {}, async () => {
        await changeMemberRole({ committeeId, actorId: user.id, standing, ...input });
        return { ok: true, intent: input.intent, message: "committee.roleChanged" };
      });
    }
    case "removeMember": {
      const { user, standing } = await requireCommitteeAccess(request, committeeId, "removeMember");
      return withAppErrors(input.intent, {}, async () => {
        await removeMember({ committeeId, actorId: user.id, standing, membershipId: input.membershipId });
        return { ok: true, intent: input.intent, message: "committee.removed" };
      });
    }
    case "revokeInvitation": {
      const { user } = await requireCommitteeAccess(request, committeeId, "revokeInvitation");
      return withAppErrors(input.intent, {}, async () => {
        await revokeInvitation({ committeeId, actorId: user.id, invitationId: input.invitationId });
        return { ok: true, intent: input.intent, message: "committee.revoked" };
      });
    }
    case "createSubcommittee": {
      const { user, organizationId } = await requireCommitteeAccess(request, committeeId, "createSubcommittee");
      return withAppErrors(input.intent, {}, async () => {
        await createCommittee({ organizationId, parentId: committeeId, actorId: user.id, ...input });
        return { ok: true, intent: input.intent, message: "organization.created" };
      });
    }
    case "createProject": {
      const { user } = await requireCommitteeAccess(request, committeeId, "createProject");
      return withAppErrors(input.intent, {}, async () => {
        await createProject({ committeeId, actorId: user.id, ...input });
        return { ok: true, intent: input.intent, message: "project.createdOk" };
      });
    }
  }
}

export default function CommitteePage() {
  const { committee, can, assignableRoles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to={`/orgs/${committee.organization.slug}`}>
          {localized(committee.organization)}
        </Anchor>
        {committee.parent ? (
          <Anchor component={Link} to={`/committees/${committee.parent.id}`}>
            {committee.parent.code}
          </Anchor>
        ) : null}
        <Text>{committee.code}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm">
          <Badge variant="outline">{committee.code}</Badge>
          <Badge variant="light" color="gray">
            {t(`committeeKinds.${committee.kind}`)}
          </Badge>
        </Group>
        <Title order={1} mt={6}>
          {localized(committee)}
        </Title>
        <Text c="dimmed">{localized({ nameZh: committee.nameEn, nameEn: committee.nameZh })}</Text>
      </div>
      <ActionNotice />
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">
            {t("committee.members")} ({committee.memberships.length})
          </Tabs.Tab>
          <Tabs.Tab value="projects">
            {t("committee.projects")} ({committee.projects.length})
          </Tabs.Tab>
          <Tabs.Tab value="subcommittees">
            {t("committee.subcommittees")} ({committee.children.length})
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <Stack gap="xl">
            <MembersTable memberships={committee.memberships} assignableRoles={assignableRoles} />
            {can.invite ? <InviteForm assignableRoles={assignableRoles} /> : null}
            {can.invite ? <InvitationsList invitations={committee.invitations} canRevoke={can.revokeInvitation} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="projects" pt="md">
          <Stack gap="xl">
            <ProjectsList projects={committee.projects} />
            {can.createProject ? <CreateProjectForm /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="subcommittees" pt="md">
          <Stack gap="xl">
            <SubcommitteesList subcommittees={committee.children} />
            {can.createSubcommittee ? <CreateSubcommitteeForm /> : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
