// Versions end to end: an editor names a version in the browser; a collaborator changes three
// clauses through the live document (one edit, one new clause that renumbers those after it, one
// deletion); the redline shows exactly those three changes with the new numbering, and the Word file
// holds them as tracked insertions and deletions.
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import { clauseNode, cloneDoc, insertAfter, paragraph, removeId, replaceText, type PMNode } from "~/versions/test-documents";
import { CollabClient } from "../../integration/collab/support/collab-client";
import { waitFor } from "../../integration/collab/support/wait";
import { expect, serverURL, test } from "../fixtures";

test("name a version, change three clauses, read the redline and its Word file", async ({ signIn }) => {
  const context = await signIn("editor2@example.org", { locale: "en" });
  const page = await context.newPage();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "GBA-2026-002" }).click();
  await page.getByRole("link", { name: "Versions and history" }).click();
  const label = `WD ${Date.now()}`;
  const form = page.getByRole("form", { name: "Name a version" });
  await form.getByLabel("Label").fill(label);
  await form.getByRole("button", { name: "Freeze the current text" }).click();
  await expect(page.getByTestId("action-success")).toContainText(label);
  await expect(page.locator(`[data-testid="version-row"][data-label="${label}"]`)).toBeVisible();

  // A collaborator's editor, connected over the real WebSocket with the same account's session.
  const documentLink = await page.goto(page.url().replace(/\/versions.*$/, ""));
  expect(documentLink?.status()).toBe(200);
  const documentId = (await page.getByRole("link", { name: /Open editor|打开编辑器/ }).getAttribute("href"))?.split("/").pop() ?? "";
  const cookie = (await context.cookies()).find((c) => c.name === "__session");
  const client = new CollabClient(serverURL().replace(/^http/, "ws") + "/collab", documentId, `${cookie?.name}=${cookie?.value}`);
  try {
    await waitFor(() => client.synced, "the collaborator to sync");
    const fragment = client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    const newer = cloneDoc(yXmlFragmentToProsemirrorJSON(fragment) as PMNode);
    replaceText(newer, "en-c-4-2", "at least IP54", "at least IP55");
    insertAfter(newer, "en-c-4-1", clauseNode("en-c-fire", "Fire safety", paragraph("Each storage rack shall have automatic fire detection.")));
    removeId(newer, "en-c-4-3");
    client.doc.transact(() => {
      updateYFragment(client.doc, fragment, schema.nodeFromJSON(newer), { mapping: new Map(), isOMark: new Map() });
    });
    await waitFor(() => client.persistedAcks > 0, "the edits to be stored");
  } finally {
    client.destroy();
  }

  // The redline of the version against the current text.
  await page.goBack();
  await page.locator(`[data-testid="version-row"][data-label="${label}"]`).getByRole("link", { name: "Changes since" }).click();
  const summary = page.getByTestId("redline-summary");
  await expect(summary).toBeVisible();
  const rows = summary.getByTestId("redline-summary-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Fire safety" })).toContainText("4.2");
  await expect(rows.filter({ hasText: "Electrical safety" })).toContainText("4.3");
  await expect(rows.filter({ hasText: "Mechanical safety" })).toContainText("4.3");
  const view = page.getByTestId("redline-view");
  await expect(view.locator("ins", { hasText: "IP55" })).toBeVisible();
  await expect(view.locator("del", { hasText: "IP54" })).toBeVisible();

  // The Word file: real tracked changes.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-docx").click()]);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const inserted = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => m[1]).join("");
  const deleted = [...xml.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => m[1]).join("");
  expect(inserted).toContain("Fire safety");
  expect(inserted).toContain("IP55");
  expect(deleted).toContain("Mechanical safety");
  expect(deleted).toContain("IP54");
  expect(xml).toMatch(/<w:ins [^>]*w:author="Grace Ho"/);
});
