import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionNotice } from "~/components/action-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listNotifications, markNotificationsRead, notificationKinds, notificationSettings, saveNotificationSetting } from "~/models/notification.server";
import { withAppErrors } from "~/utils/action-result.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Notifications · Standards Studio" }];

type Payload = { titleZh?: string; titleEn?: string; href?: string };
const payloadOf = (value: unknown): Payload => (typeof value === "object" && value !== null ? (value as Payload) : {});
/** Only paths inside the app are followed from a stored notification. */
const safeHref = (href: string | undefined) => (href && href.startsWith("/") && !href.startsWith("//") ? href : "/dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [items, settings] = await Promise.all([listNotifications(user.id, 100), notificationSettings(user.id)]);
  return {
    items: items.map((n) => {
      const p = payloadOf(n.payload);
      return { id: n.id, kind: n.kind, titleZh: p.titleZh ?? "", titleEn: p.titleEn ?? "", href: safeHref(p.href), readAt: n.readAt, createdAt: n.createdAt };
    }),
    settings,
    kinds: [...notificationKinds],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "markAllRead") {
    return withAppErrors(intent, {}, async () => {
      await markNotificationsRead(user.id);
      return { ok: true, intent, message: "approval.notifications.markedRead" };
    });
  }
  if (intent === "settings") {
    return withAppErrors(intent, {}, async () => {
      for (const kind of notificationKinds)
        await saveNotificationSetting(user.id, kind, { inApp: formData.get(`${kind}:inApp`) === "on", email: formData.get(`${kind}:email`) === "on" });
      return { ok: true, intent, message: "approval.notifications.settingsSaved" };
    });
  }
  return withAppErrors(intent, {}, async () => ({ ok: false, intent, error: "errors.badRequest.title" }));
}

const kindKey = (kind: string) => kind.replace(/\./g, "_");

export default function NotificationsPage() {
  const { items, settings, kinds } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const dateTime = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" });
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>{t("approval.notifications.title")}</Title>
          <Text c="dimmed">{t("approval.notifications.unread", { count: unread })}</Text>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="markAllRead" />
            <Button type="submit" variant="default">
              {t("approval.notifications.markAllRead")}
            </Button>
          </Form>
        ) : null}
      </Group>
      <ActionNotice />
      {items.length === 0 ? (
        <Text c="dimmed">{t("approval.notifications.none")}</Text>
      ) : (
        <Stack gap={6} data-testid="notifications">
          {items.map((n) => (
            <Paper key={n.id} withBorder p="sm" radius="md" data-unread={n.readAt ? undefined : "true"}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  {n.readAt ? null : <Badge size="xs" color="red" variant="filled" aria-hidden />}
                  <Anchor component={Link} to={n.href} fw={n.readAt ? 400 : 700}>
                    {(i18n.language === "en" ? n.titleEn : n.titleZh) || n.titleZh || n.titleEn}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed">
                  {dateTime.format(new Date(n.createdAt))}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Paper withBorder p="md" radius="md" id="notification-settings">
        <Title order={2} size="h4" mb="sm">
          {t("approval.notifications.settingsTitle")}
        </Title>
        <Form method="post" aria-label={t("approval.notifications.settingsTitle")}>
          <input type="hidden" name="intent" value="settings" />
          <Table maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("approval.notifications.kind")}</Table.Th>
                <Table.Th>{t("approval.notifications.inApp")}</Table.Th>
                <Table.Th>{t("approval.notifications.email")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kinds.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Td>{t(`approval.notifications.kinds.${kindKey(kind)}`)}</Table.Td>
                  <Table.Td>
                    <Checkbox name={`${kind}:inApp`} defaultChecked={settings[kind].inApp} aria-label={`${t(`approval.notifications.kinds.${kindKey(kind)}`)} · ${t("approval.notifications.inApp")}`} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox name={`${kind}:email`} defaultChecked={settings[kind].email} aria-label={`${t(`approval.notifications.kinds.${kindKey(kind)}`)} · ${t("approval.notifications.email")}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button type="submit" mt="sm">
            {t("approval.notifications.save")}
          </Button>
        </Form>
      </Paper>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
