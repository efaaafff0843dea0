// Server-renders the comments of a version, as the version page does before any script runs.
import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { expect, test } from "vitest";
import { createI18n, type AppLocale } from "~/utils/i18n";
import { VersionComments, type VersionComment } from "./version-comments";

function render(comments: VersionComment[], locale: AppLocale): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>
        <VersionComments comments={comments} />
      </MantineProvider>
    </I18nextProvider>,
  );
}

const comment: VersionComment = {
  id: "k1",
  author: "张伟",
  organization: "某某汽车有限公司",
  clause: { kind: "clause", number: "4.2" },
  quote: "不应大于50 K",
  type: "TECHNICAL",
  body: '<img src=x onerror="alert(1)"> 建议改为 45 K',
  proposedChange: "不应大于45 K",
  createdAt: "2026-11-20T06:00:00Z",
  disposition: { decision: "NOT_ACCEPTED", reason: "与 GB/T 20234 不一致" },
  replies: [{ id: "k2", author: "王磊", organization: "", body: "同意处理意见", createdAt: "2026-11-21T06:00:00Z" }],
};

test("shows author, organization, clause, type, text, proposed change, decision and replies; text stays text", () => {
  const html = render([comment, { ...comment, id: "k3", clause: { kind: "annex", number: "A" }, type: null, disposition: null, replies: [] }], "zh-CN");
  expect(html).toContain("对本版本的意见 (2)");
  expect(html).toContain("张伟，某某汽车有限公司");
  expect(html).toContain("4.2");
  expect(html).toContain("附录 A");
  expect(html).toContain("技术（te）");
  expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; 建议改为 45 K");
  expect(html).not.toContain("<img");
  expect(html).toContain("不采纳 — 与 GB/T 20234 不一致");
  expect(html).toContain("尚未处理");
  expect(html).toContain("同意处理意见");
});

test("says so when a version has no comments, in English", () => {
  expect(render([], "en")).toContain("No comments were made on this version.");
});
