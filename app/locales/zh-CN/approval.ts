import type { Messages } from "~/locales/en";

const approval: Messages["approval"] = {
  title: "审批",
};

export default approval;
