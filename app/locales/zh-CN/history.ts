import type { Messages } from "~/locales/en";

const history: Messages["history"] = {
  title: "历史",
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
