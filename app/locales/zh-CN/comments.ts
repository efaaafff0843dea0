import type { Messages } from "~/locales/en";

const comments: Messages["comments"] = {
  title: "意见",
};

export default comments;
