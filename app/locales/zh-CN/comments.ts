import type { Messages } from "~/locales/en";

const comments: Messages["comments"] = {
  title: "意见",
  period: {
    closesInPast: "征求意见截止时间必须晚于现在。",
    alreadyOpen: "本项目已有正在进行的征求意见，请先结束后再开启新的。",
  },
};

export default comments;
