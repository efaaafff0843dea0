import { ActionIcon, Indicator } from "@mantine/core";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { IconBell } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The header's bell: unread notifications, refreshed on every navigation. */
export function NotificationBell() {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ unread: number }>();
  const location = useLocation();
  const { load } = fetcher;
  useEffect(() => {
    load("/notifications/count");
  }, [load, location.pathname, location.search]);
  const unread = fetcher.data?.unread ?? 0;
  const label = `${t("approval.notifications.bell")}${unread > 0 ? ` (${t("approval.notifications.unread", { count: unread })})` : ""}`;
  return (
    <Indicator disabled={unread === 0} label={unread > 99 ? "99+" : unread} size={16} offset={4} color="red">
      <ActionIcon component={Link} to="/notifications" variant="subtle" aria-label={label} data-testid="notification-bell" data-unread={unread}>
        <IconBell size={20} />
      </ActionIcon>
    </Indicator>
  );
}
