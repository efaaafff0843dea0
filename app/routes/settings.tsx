import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Table, Text, Title } from "@mantine/core";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { changePasswordSchema } from "~/forms/auth";
import { fieldErrorsOf } from "~/utils/action-result.server";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { getSession, requireUser } from "~/utils/session.server";
import { useFormatDate } from "~/utils/localized";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const current = await getSession(request);
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return {
    sessions: sessions.map((s) => ({ ...s, current: current.status === "ok" && current.sessionId === s.id })),
  };
}

type ActionData = { ok: boolean; message?: string; error?: string; fieldErrors?: Record<string, string[]> };

const revokeSchema = z.object({ intent: z.literal("revokeSession"), sessionId: z.string().min(1) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "revokeSession") {
    const parsed = revokeSchema.safeParse(form);
    if (!parsed.success) return data<ActionData>({ ok: false, error: "errors.badRequest.title" }, { status: 400 });
    // Ownership in the where: one cannot revoke somebody else's session.
    await prisma.session.updateMany({
      where: { id: parsed.data.sessionId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return data<ActionData>({ ok: true, message: "settings.revoked" });
  }
  const parsed = changePasswordSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ ok: false, fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(parsed.data.current, stored.passwordHash))) {
    return data<ActionData>({ ok: false, fieldErrors: { current: ["settings.wrongCurrent"] } }, { status: 400 });
  }
  const current = await getSession(request);
  const passwordHash = await hashPassword(parsed.data.password);
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } }),
    prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: current.status === "ok" ? current.sessionId : "" } },
      data: { revokedAt: new Date() },
    }),
  ]);
  return data<ActionData>({ ok: true, message: "settings.passwordChanged" });
}

export default function Settings() {
  const { sessions } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const formatDate = useFormatDate();
  const fieldError = (name: string) => {
    const key = result?.fieldErrors?.[name]?.[0];
    return key ? t(key) : undefined;
  };
  return (
    <Stack gap="xl" maw={760}>
      <Title order={1}>{t("settings.title")}</Title>
      {result?.ok && result.message ? (
        <Alert color="green" role="status">
          {t(result.message)}
        </Alert>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t("settings.language")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("settings.languageHint")}
        </Text>
        <Form method="post" action="/set-locale" reloadDocument>
          <input type="hidden" name="redirectTo" value="/settings" />
          <Group gap="xs">
            {(["zh-CN", "en"] as const).map((locale) => (
              <Button
                key={locale}
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                variant={i18n.language === locale ? "filled" : "default"}
                aria-pressed={i18n.language === locale}
              >
                {locale === "en" ? "English" : "简体中文"}
              </Button>
            ))}
          </Group>
        </Form>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t("settings.changePassword")}
        </Title>
        <Form method="post" noValidate>
          <Stack maw={360}>
            <PasswordInput name="current" label={t("auth.currentPassword")} autoComplete="current-password" error={fieldError("current")} required />
            <PasswordInput name="password" label={t("auth.newPassword")} autoComplete="new-password" error={fieldError("password")} required />
            <PasswordInput name="confirm" label={t("auth.confirmPassword")} autoComplete="new-password" error={fieldError("confirm")} required />
            <Group>
              <Button type="submit" loading={navigation.state === "submitting"}>
                {t("form.save")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t("settings.sessions")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("settings.sessionsHint")}
        </Text>
        <Table>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={s.userAgent}>
                    {s.userAgent || "—"}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.ip} · {t("settings.lastSeen", { date: formatDate(s.lastSeenAt) })}
                  </Text>
                </Table.Td>
                <Table.Td w={140} ta="right">
                  {s.current ? (
                    <Badge variant="light">{t("settings.thisSession")}</Badge>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button type="submit" size="compact-sm" variant="subtle" color="red">
                        {t("settings.revoke")}
                      </Button>
                    </Form>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t("approval.notifications.settingsTitle")}
        </Title>
        <Button component={Link} to="/notifications#notification-settings" variant="default" size="xs">
          {t("approval.notifications.title")}
        </Button>
      </Paper>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
