import { Badge, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { prisma } from "~/utils/db.server";
import { isOutboxPublic } from "~/utils/mail.server";
import { getOptionalUser } from "~/utils/session.server";

// Open to anyone only where mail is not really sent (the embedded default or development);
// otherwise administrators only, since the mails hold invitation and reset links.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!isOutboxPublic()) {
    const user = await getOptionalUser(request);
    if (!user?.isAdmin) throw new Response("Not found", { status: 404 });
  }
  const mails = await prisma.outboxMail.findMany({
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true, error: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return { mails };
}

export default function Outbox() {
  const { mails } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "medium" });
  return (
    <Stack>
      <Title order={1}>{t("outbox.title")}</Title>
      <Text c="dimmed">{t("outbox.lead")}</Text>
      {mails.length === 0 ? <EmptyState title={t("outbox.empty")} body={t("outbox.emptyBody")} /> : null}
      {mails.map((mail) => (
        <Paper key={mail.id} withBorder p="md" radius="md" data-testid="outbox-mail" data-to={mail.to}>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>{mail.subject}</Text>
            <Badge color={mail.sentAt ? "green" : "gray"} variant="light">
              {mail.sentAt ? t("outbox.sent") : t("outbox.notSent")}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {t("outbox.to")}: {mail.to} · {format.format(new Date(mail.createdAt))}
          </Text>
          <Code block style={{ whiteSpace: "pre-wrap" }}>
            {mail.text}
          </Code>
          {mail.error ? (
            <Text c="red" size="sm" mt="xs">
              {mail.error}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
