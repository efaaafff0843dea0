import { AppShell, Avatar, Button, Container, Group, Menu, UnstyledButton, Text, Anchor } from "@mantine/core";
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LocaleSwitch } from "~/components/locale-switch";
import { NotificationBell } from "~/components/notifications/notification-bell";
import { useRootData } from "~/root";

export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user ?? null;
  const location = useLocation();
  const redirectTo = `${location.pathname}${location.search}`;

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Link to={user ? "/dashboard" : "/login"} className="brand">
              {t("app.name")}
            </Link>
            {user ? (
              <Group gap="xs" visibleFrom="sm" component="nav" aria-label={t("nav.main")}>
                <Button component={NavLink} to="/dashboard" variant="subtle" size="compact-sm">
                  {t("nav.dashboard")}
                </Button>
                {user.isAdmin ? (
                  <Button component={NavLink} to="/admin" variant="subtle" size="compact-sm">
                    {t("nav.admin")}
                  </Button>
                ) : null}
                {data?.outboxVisible ? (
                  <Button component={NavLink} to="/dev/outbox" variant="subtle" size="compact-sm">
                    {t("nav.outbox")}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LocaleSwitch redirectTo={redirectTo} />
            {user ? <NotificationBell /> : null}
            {user ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label={t("nav.accountMenu")} data-testid="account-menu">
                    <Group gap={8} wrap="nowrap">
                      <Avatar size="sm" color="blue" radius="xl">
                        {user.name.slice(0, 1).toUpperCase()}
                      </Avatar>
                      <Text size="sm" visibleFrom="sm">
                        {user.name}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{user.email}</Menu.Label>
                  <Menu.Item component={Link} to="/settings">
                    {t("nav.settings")}
                  </Menu.Item>
                  <Form method="post" action="/logout">
                    <Menu.Item component="button" type="submit" color="red">
                      {t("nav.signOut")}
                    </Menu.Item>
                  </Form>
                </Menu.Dropdown>
              </Menu>
            ) : (
              data?.outboxVisible ? (
                <Anchor component={Link} to="/dev/outbox" size="sm">
                  {t("nav.outbox")}
                </Anchor>
              ) : null
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" py="md">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
