import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { forgotPasswordSchema } from "~/forms/auth";
import { requestPasswordReset } from "~/models/password-reset.server";

export async function action({ request }: ActionFunctionArgs) {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ sentTo: null, error: parsed.error.issues[0]?.message ?? "form.emailInvalid" }, { status: 400 });
  await requestPasswordReset(parsed.data.email);
  return { sentTo: parsed.data.email, error: null };
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <Stack maw={420} mx="auto" mt="xl">
      <Title order={1}>{t("auth.forgotTitle")}</Title>
      <Text c="dimmed">{t("auth.forgotLead")}</Text>
      {result?.sentTo ? (
        <Alert color="green" role="status" data-testid="reset-sent">
          {t("auth.resetSent", { email: result.sentTo })}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        <Form method="post" noValidate>
          <Stack>
            <TextInput
              name="email"
              type="email"
              label={t("auth.email")}
              required
              autoComplete="email"
              error={result?.error ? t(result.error) : undefined}
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("auth.sendResetLink")}
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              {t("auth.backToSignIn")}
            </Anchor>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
