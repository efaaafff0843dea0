// English strings of the comments pages; app/locales/zh-CN/comments.ts has the same keys.
const comments = {
  title: "Comments",
} as const;

export default comments;
