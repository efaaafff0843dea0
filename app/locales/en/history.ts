// English strings of the history pages; app/locales/zh-CN/history.ts has the same keys.
const history = {
  title: "History",
} as const;

export default history;
