import type { Messages } from "~/locales/en";

const history: Messages["history"] = {
  title: "历史",
};

export default history;
