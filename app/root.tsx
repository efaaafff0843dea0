import "@mantine/core/styles.css";
import "~/styles/app.css";
import { MantineProvider } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppFrame } from "~/components/app-frame";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { theme } from "~/components/theme";
import { isOutboxPublic } from "~/utils/mail.server";
import { resolveLocale } from "~/utils/locale.server";
import { getOptionalUser } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user);
  return {
    user: user && { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin },
    locale,
    outboxVisible: isOutboxPublic() || Boolean(user?.isAdmin),
    nonce: context.cspNonce,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export const meta: MetaFunction = () => [{ title: "Standards Studio" }];

export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  // Signing in (a client-side navigation) can change the language the server chose; both bundles
  // are loaded, so switching here is synchronous and the page renders in the right language at once.
  if (data?.locale && i18n.language !== data.locale) void i18n.changeLanguage(data.locale);
  return (
    <html lang={data?.locale ?? i18n.language} data-mantine-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light">
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={data?.nonce} />
        <Scripts nonce={data?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppFrame>
      <Outlet />
    </AppFrame>
  );
}

export function ErrorBoundary() {
  return (
    <AppFrame>
      <GeneralErrorBoundary />
    </AppFrame>
  );
}
