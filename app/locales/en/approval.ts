// English strings of the approval pages; app/locales/zh-CN/approval.ts has the same keys.
const approval = {
  title: "Approval",
} as const;

export default approval;
