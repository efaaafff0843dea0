import type { Messages } from "~/locales/en";

const history: Messages["history"] = {
  title: "历史",
  lead: "各版本，以及版本之间谁编辑了正文的哪些部分。章条编号以当前文本为准。",
  versionsLink: "版本",
  emptyTitle: "暂无历史",
  emptyBody: "在在线编辑器中的修改和命名的版本会显示在这里。",
  version: {
    title: "版本“{{label}}”",
    madeBy: "{{name}}，{{date}}",
    read: "阅读",
    redline: "自 {{label}} 以来的修改",
    fingerprint: "指纹",
  },
  edited: "{{people}}{{when}}编辑了{{parts}}",
  editedText: "{{people}}{{when}}编辑了正文",
  when: {
    today: { morning: "今天上午", afternoon: "今天下午", evening: "今天晚上" },
    yesterday: { morning: "昨天上午", afternoon: "昨天下午", evening: "昨天晚上" },
    other: { morning: "{{date}}上午", afternoon: "{{date}}下午", evening: "{{date}}晚上" },
  },
  part: {
    annex: "附录 {{number}}",
    foreword: "前言",
    introduction: "引言",
    bibliography: "参考文献",
    deleted_one: "一个已删除的章条",
    deleted_other: "{{count}} 个已删除的章条",
    more_one: "另外 {{count}} 处",
    more_other: "另外 {{count}} 处",
  },
  and: "和",
  session: "{{name}}，{{from}}–{{to}}：{{count}} 次修改",
  older_one: "另有 {{count}} 次较早的编辑未显示。",
  older_other: "另有 {{count}} 次较早的编辑未显示。",
  figures: {
    button: "图",
    buttonHint: "插入图：PNG、JPEG、GIF 或 WebP，不超过 {{limit}}",
    uploading: "正在上传图片…",
    dismiss: "关闭",
    errors: {
      tooLarge: "图片超过 {{limit}}。请缩小图片（或另存为 JPEG）后重试。",
      unsupportedType: "该文件不是 PNG、JPEG、GIF 或 WebP 图片，不能作为图插入（不接受 SVG）。",
      empty: "未选择文件，或文件为空。",
      forbidden: "您现在不能修改本文件的正文，因此不能添加图。",
      notFound: "该文件已不存在。",
      failed: "图片上传失败。请检查网络连接后重试。",
      cannotInsert: "光标所在位置不能插入图。请将光标放在章条或附录中。",
    },
  },
};

export default history;
