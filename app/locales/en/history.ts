// English strings of the history pages and figure uploads; app/locales/zh-CN/history.ts has the same keys.
const history = {
  title: "History",
  lead: "Versions, and between them who edited which parts of the text. Numbers are those of the current text.",
  versionsLink: "Versions",
  emptyTitle: "No history yet",
  emptyBody: "Edits made in the live editor and named versions appear here.",
  version: {
    title: "Version “{{label}}”",
    madeBy: "{{name}}, {{date}}",
    read: "Read",
    redline: "Changes since {{label}}",
    fingerprint: "Fingerprint",
  },
  edited: "{{people}} edited {{parts}} {{when}}",
  editedText: "{{people}} edited the text {{when}}",
  when: {
    today: { morning: "this morning", afternoon: "this afternoon", evening: "this evening" },
    yesterday: { morning: "yesterday morning", afternoon: "yesterday afternoon", evening: "yesterday evening" },
    other: { morning: "on {{date}}, in the morning", afternoon: "on {{date}}, in the afternoon", evening: "on {{date}}, in the evening" },
  },
  part: {
    annex: "Annex {{number}}",
    foreword: "the Foreword",
    introduction: "the Introduction",
    bibliography: "the Bibliography",
    deleted_one: "a deleted clause",
    deleted_other: "{{count}} deleted clauses",
    more_one: "{{count}} more part",
    more_other: "{{count}} more parts",
  },
  and: "and",
  session: "{{name}}, {{from}}–{{to}}: {{count}} changes",
  older_one: "{{count}} older editing session is not shown.",
  older_other: "{{count}} older editing sessions are not shown.",
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
