// English strings of comments, comment periods and the register; zh-CN/comments.ts has the same keys.
const comments = {
  title: "Comments",
  period: {
    closesInPast: "The end of a comment period must be in the future.",
    alreadyOpen: "A comment period is already open on this project; close it before opening another.",
  },
} as const;

export default comments;
