import { createTheme } from "@mantine/core";

// Calm, document-centred look: one blue accent, system fonts with good CJK fallbacks.
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 7,
  defaultRadius: "md",
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "650" },
  focusRing: "auto",
});
