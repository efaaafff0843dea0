import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Error pages that say what happened and what to do next, per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <Stack maw={560} mx="auto" mt="xl" gap="md" data-testid="error-page">
      <Text c="dimmed" fw={600}>
        {status}
      </Text>
      <Title order={1}>{t(`errors.${kind}.title`)}</Title>
      <Text>{t(`errors.${kind}.body`)}</Text>
      {isRouteErrorResponse(error) && typeof error.data === "string" && status === 400 ? (
        <Alert color="red">{error.data}</Alert>
      ) : null}
      <div>
        <Button component={Link} to="/dashboard">
          {t("errors.backToDashboard")}
        </Button>
      </div>
    </Stack>
  );
}
