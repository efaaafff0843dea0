import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { acceptInvitationSchema } from "~/forms/auth";
import { acceptInvitation, findInvitation } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { fieldErrorsOf } from "~/utils/action-result.server";
import { AppError } from "~/utils/errors";
import { useLocalized } from "~/utils/localized";
import { createSession, getOptionalUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation, state } = await findInvitation(params.token ?? "");
  if (!invitation || state !== "valid") return { state, invitation: null, mode: null, currentEmail: null };
  const user = await getOptionalUser(request);
  const accountExists = Boolean(
    await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
  );
  const mode = user
    ? user.email === invitation.email
      ? "accept"
      : "wrongAccount"
    : accountExists
      ? "signIn"
      : "register";
  return {
    state,
    mode,
    currentEmail: user?.email ?? null,
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      inviter: invitation.invitedBy.name,
      committee: invitation.committee,
    },
  };
}

type ActionData = { error: string; fieldErrors?: Record<string, string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await getOptionalUser(request);
  const formData = await request.formData();
  let newAccount: { name: string; affiliation: string; password: string } | null = null;
  if (!user) {
    const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return data<ActionData>({ error: "errors.badRequest.title", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
    }
    newAccount = parsed.data;
  }
  try {
    const { userId, committeeId } = await acceptInvitation({ token, signedInUserId: user?.id ?? null, newAccount });
    const headers = new Headers();
    if (!user) headers.append("Set-Cookie", (await createSession(userId, request)).cookie);
    return redirect(`/committees/${committeeId}?welcome=1`, { headers });
  } catch (error) {
    if (error instanceof AppError) return data<ActionData>({ error: error.userMessageKey }, { status: error.status });
    throw error;
  }
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigation = useNavigation();
  const params = useParams();
  const fieldError = (name: string) => {
    const key = actionData?.fieldErrors?.[name]?.[0];
    return key ? t(key) : undefined;
  };

  if (loaderData.state !== "valid" || !loaderData.invitation) {
    return (
      <Stack maw={480} mx="auto" mt="xl">
        <Alert color="orange" title={t(`invitation.${loaderData.state}`)} data-testid="invitation-problem">
          <Anchor component={Link} to="/login">
            {t("auth.backToSignIn")}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  const { invitation, mode } = loaderData;
  const committeeName = `${invitation.committee.code} ${localized(invitation.committee)}`;

  return (
    <Stack maw={480} mx="auto" mt="xl">
      <Title order={1}>{t("invitation.title", { committee: committeeName })}</Title>
      <Text c="dimmed">
        {t("invitation.lead", { inviter: invitation.inviter, email: invitation.email, role: t(`roles.${invitation.role}`) })}
      </Text>
      {actionData && !actionData.fieldErrors ? (
        <Alert color="red" role="alert" data-testid="form-error">
          {t(actionData.error, { email: invitation.email })}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        {mode === "register" ? (
          <Form method="post" noValidate>
            <Stack>
              <TextInput label={t("auth.email")} value={invitation.email} readOnly />
              <TextInput name="name" label={t("invitation.name")} defaultValue={invitation.name} required error={fieldError("name")} autoComplete="name" />
              <TextInput name="affiliation" label={t("invitation.affiliation")} description={t("invitation.affiliationHint")} error={fieldError("affiliation")} autoComplete="organization" />
              <PasswordInput name="password" label={t("auth.password")} required error={fieldError("password")} autoComplete="new-password" />
              <PasswordInput name="confirm" label={t("auth.confirmPassword")} required error={fieldError("confirm")} autoComplete="new-password" />
              <Button type="submit" loading={navigation.state === "submitting"}>
                {t("invitation.accept")}
              </Button>
            </Stack>
          </Form>
        ) : mode === "accept" ? (
          <Form method="post">
            <Button type="submit" fullWidth loading={navigation.state === "submitting"}>
              {t("invitation.acceptExisting")}
            </Button>
          </Form>
        ) : mode === "signIn" ? (
          <Stack>
            <Text>{t("invitation.existingAccount", { email: invitation.email })}</Text>
            <Button component={Link} to={`/login?redirectTo=${encodeURIComponent(`/invitations/${params.token ?? ""}`)}`}>
              {t("invitation.signInToAccept")}
            </Button>
          </Stack>
        ) : (
          <Text>{t("invitation.wrongAccount", { current: loaderData.currentEmail ?? "", email: invitation.email })}</Text>
        )}
      </Paper>
    </Stack>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
