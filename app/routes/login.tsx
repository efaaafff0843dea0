import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, useFieldError } from "~/components/form-fields";
import { loginSchema } from "~/forms/auth";
import { safeRedirect } from "~/forms/fields";
import { verifyLogin } from "~/models/user.server";
import { recordAuditAlone } from "~/utils/audit.server";
import { clearFailures, recordFailure, retryAfterMs, throttleKeys } from "~/utils/login-throttle.server";
import { clientAddress, createSession, getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Standards Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/dashboard");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryMinutes: 0 }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const keys = throttleKeys(email, clientAddress(request));
  const wait = await retryAfterMs(keys);
  if (wait > 0) {
    return data(
      {
        result: submission.reply({ formErrors: ["auth.tooManyAttempts"], hideFields: ["password"] }),
        retryMinutes: Math.ceil(wait / 60_000),
      },
      { status: 429, headers: { "Retry-After": String(Math.ceil(wait / 1000)) } },
    );
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    await recordFailure(keys);
    return data(
      { result: submission.reply({ formErrors: ["auth.wrongCredentials"], hideFields: ["password"] }), retryMinutes: 0 },
      { status: 400 },
    );
  }
  await clearFailures([keys[0] ?? ""]);
  const { cookie } = await createSession(user.id, request);
  await recordAuditAlone({ type: "user.signed_in", actorId: user.id, payload: {} });
  throw redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const fieldError = useFieldError();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  const reason = searchParams.get("reason");
  const formErrors = form.errors?.map((e) =>
    e === "auth.tooManyAttempts" ? t(e, { minutes: actionData?.retryMinutes ?? 1 }) : t(e),
  );

  return (
    <Stack maw={420} mx="auto" mt="xl">
      <Title order={1} ta="center">
        {t("auth.signInTitle")}
      </Title>
      <Text c="dimmed" ta="center">
        {t("auth.signInLead")}
      </Text>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            {reason === "invalid-session" ? (
              <Alert color="yellow" data-testid="session-notice">
                {t("auth.invalidSession")}
              </Alert>
            ) : null}
            {reason === "password-reset" ? <Alert color="green">{t("auth.passwordWasReset")}</Alert> : null}
            <FormErrors errors={formErrors} />
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
            <TextInput
              {...getInputProps(fields.email, { type: "email" })}
              key={fields.email.key}
              label={t("auth.email")}
              autoComplete="email"
              error={fieldError(fields.email.errors)}
              required
            />
            <PasswordInput
              {...getInputProps(fields.password, { type: "password" })}
              key={fields.password.key}
              label={t("auth.password")}
              autoComplete="current-password"
              error={fieldError(fields.password.errors)}
              required
            />
            <Button type="submit" loading={navigation.state === "submitting"} fullWidth>
              {t("auth.signIn")}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              {t("auth.forgotPassword")}
            </Anchor>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
