// English strings of the history pages and figure uploads; app/locales/zh-CN/history.ts has the same keys.
const history = {
  title: "History",
  figures: {
    button: "Figure",
    buttonHint: "Insert a figure: PNG, JPEG, GIF or WebP, at most {{limit}}",
    uploading: "Uploading the figure…",
    dismiss: "Close",
    errors: {
      tooLarge: "This image is larger than {{limit}}. Make it smaller (or save it as JPEG) and try again.",
      unsupportedType: "This file is not a PNG, JPEG, GIF or WebP image, so it cannot be a figure. (SVG is not accepted.)",
      empty: "No file was chosen, or the file is empty.",
      forbidden: "You may not change this document's text now, so no figure can be added.",
      notFound: "This document no longer exists.",
      failed: "The figure could not be uploaded. Check your connection and try again.",
      cannotInsert: "A figure cannot go where the cursor is. Put the cursor in a clause or an annex.",
    },
  },
} as const;

export default history;
