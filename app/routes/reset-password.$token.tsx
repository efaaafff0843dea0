import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Title } from "@mantine/core";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { resetPasswordSchema } from "~/forms/auth";
import { isResetTokenValid, resetPassword } from "~/models/password-reset.server";
import { fieldErrorsOf } from "~/utils/action-result.server";
import { AppError } from "~/utils/errors";

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(params.token ?? "") };
}

type ActionData = { error?: string; fieldErrors?: Record<string, string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  }
  try {
    await resetPassword(params.token ?? "", parsed.data.password);
  } catch (error) {
    if (error instanceof AppError) return data<ActionData>({ error: error.userMessageKey }, { status: error.status });
    throw error;
  }
  return redirect("/login?reason=password-reset");
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldError = (name: string) => {
    const key = result?.fieldErrors?.[name]?.[0];
    return key ? t(key) : undefined;
  };
  return (
    <Stack maw={420} mx="auto" mt="xl">
      <Title order={1}>{t("auth.resetTitle")}</Title>
      {!valid || result?.error ? (
        <Alert color="orange" data-testid="reset-invalid">
          {t("auth.resetInvalid")}{" "}
          <Anchor component={Link} to="/forgot-password">
            {t("auth.sendResetLink")}
          </Anchor>
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Form method="post" noValidate>
            <Stack>
              <PasswordInput name="password" label={t("auth.newPassword")} required autoComplete="new-password" error={fieldError("password")} />
              <PasswordInput name="confirm" label={t("auth.confirmPassword")} required autoComplete="new-password" error={fieldError("confirm")} />
              <Button type="submit" loading={navigation.state === "submitting"}>
                {t("auth.setPassword")}
              </Button>
            </Stack>
          </Form>
        </Paper>
      )}
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
