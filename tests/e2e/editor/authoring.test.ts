// Writing a standard's structure on the ISO demo draft (GBA-2026-002): the toolbar and keyboard
// commands, the outline, cross-references that follow renumbering, formulas, and paste from Word.
// The tests in this file share the draft and run in order.
import { expect, test } from "../fixtures";
import { clickAtEnd, openDraft, pasteHtml } from "./editor-page";

test.describe.configure({ mode: "serial" });

const title = (id: string) => `.ProseMirror section#${id} > h2[data-type="clause_title"]`;

test("structure commands, outline moves and cross-references keep the numbers right", async ({ signIn }) => {
  const page = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  await openDraft(page, "GBA-2026-002");
  await expect(page.locator(title("en-c-4-2"))).toHaveAttribute("data-label", "4.2");

  // A second note in 4.1 numbers both (toolbar).
  await page.locator(".ProseMirror section#en-c-4-1 > p").first().click();
  await page.getByRole("button", { name: "Note", exact: true }).click();
  await page.keyboard.type("A second note.");
  await expect(page.locator(".ProseMirror section#en-c-4-1 > aside[data-type=note]")).toHaveCount(2);
  const noteLabels = await page.locator(".ProseMirror section#en-c-4-1 > aside[data-type=note]").evaluateAll((notes) => notes.map((n) => n.getAttribute("data-label")));
  expect(noteLabels).toEqual(["NOTE 1", "NOTE 2"]);

  // A cross-reference to 4.2, picked by its title (keyboard: Ctrl+Alt+R).
  await page.keyboard.type(" See ");
  await page.keyboard.press("Control+Alt+r");
  const picker = page.getByRole("dialog", { name: "Insert a cross-reference" });
  await expect(picker).toBeVisible();
  await picker.getByRole("textbox").fill("Electrical safety");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(picker).toBeHidden();
  const reference = page.locator('.ProseMirror section#en-c-4-1 > aside[data-type=note] .pm-xref[data-cross-ref="en-c-4-2"]');
  await expect(reference).toHaveText("4.2");

  // Demote 4.2 (Alt+Shift+→): it becomes 4.1.1, the clauses after it move up, the reference follows.
  await page.locator(title("en-c-4-2")).click();
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(page.locator(title("en-c-4-2"))).toHaveAttribute("data-label", "4.1.1");
  await expect(page.locator(title("en-c-4-3"))).toHaveAttribute("data-label", "4.2");
  await expect(reference).toHaveText("4.1.1");
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await expect(page.locator(title("en-c-4-2"))).toHaveAttribute("data-label", "4.2");
  await expect(reference).toHaveText("4.2");

  // The outline moves a clause down and back up, and takes you to a clause.
  const row = page.getByTestId("outline-item").filter({ hasText: "Electrical safety" });
  await row.getByRole("button", { name: "Move 4.2 down" }).click();
  await expect(page.locator(title("en-c-4-2"))).toHaveAttribute("data-label", "4.3");
  await expect(reference).toHaveText("4.3");
  await row.getByRole("button", { name: "Move 4.3 up" }).click();
  await expect(page.locator(title("en-c-4-2"))).toHaveAttribute("data-label", "4.2");
  await page.getByTitle("Go to A.2").click();
  await expect(page.locator(title("en-c-a-2"))).toBeInViewport();

  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});

test("formulas, tables and term entries from the toolbar", async ({ signIn }) => {
  const page = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  await openDraft(page, "GBA-2026-002");

  await page.locator(".ProseMirror section#en-c-4-3 > p").first().click();
  await page.getByRole("button", { name: "Formula", exact: true }).click();
  const source = page.getByRole("textbox", { name: "LaTeX source of the formula" });
  await expect(source).toBeFocused();
  await source.fill("E = m c^2");
  await page.keyboard.press("Enter");
  const formula = page.locator(".ProseMirror section#en-c-4-3 > .pm-formula").first();
  await expect(formula.locator(".katex")).toBeVisible();
  await expect(formula).toHaveAttribute("data-label", /^\(\d+\)$/);

  await page.getByRole("button", { name: "Table", exact: true }).click();
  await page.keyboard.type("Swapping times");
  const caption = page.locator(".ProseMirror section#en-c-4-3 figure[data-type=table_block] figcaption", { hasText: "Swapping times" });
  await expect(caption).toHaveAttribute("data-label", /^Table \d+$/);

  await page.locator(".ProseMirror section#en-c-terms > p").first().click();
  await page.keyboard.press("Control+Alt+d");
  await page.keyboard.type("swap bay");
  const terms = page.locator(".ProseMirror section#en-c-terms > section[data-type=term_entry]");
  await expect(terms.filter({ hasText: "swap bay" })).toHaveAttribute("data-label", "3.1");
  // Undo takes the term back out (y-prosemirror's per-user undo).
  await page.keyboard.press("Control+z");
  await expect(terms.filter({ hasText: "swap bay" })).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});

// What Word for Windows puts on the clipboard for a heading, a styled paragraph, a numbered list and
// a table (abridged).
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm}</style></head>
<body lang=EN-GB><!--StartFragment-->
<h1 style='mso-outline-level:1'><span lang=EN-GB>Pasted temperature rise<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-family:"Times New Roman";mso-fareast-font-family:SimSun'>The rise shall not exceed <b>50 K</b> at I<sub>r</sub>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>at the contacts;<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>b)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>at the terminals.<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td style='width:100pt'><p class=MsoNormal><b>Point<o:p></o:p></b></p></td><td><p class=MsoNormal>Limit<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>Contact<o:p></o:p></p></td><td><p class=MsoNormal>50 K<o:p></o:p></p></td></tr></table>
<!--EndFragment--></body></html>`;

test("paste from Word arrives as a clause with its text, list and table, without Word's markup", async ({ signIn }) => {
  const page = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  await openDraft(page, "GBA-2026-002");

  // Clicking right of the last line puts the cursor at the end of the paragraph, where a clause may follow.
  // The end of A.1, whose last block is a paragraph: the pasted heading may start a subclause there.
  await clickAtEnd(page.locator(".ProseMirror section#en-c-a-1 > p").last());
  await pasteHtml(page, WORD_HTML, "Pasted temperature rise");

  const pasted = page.locator('.ProseMirror section[data-type="clause"]', { has: page.locator('h2[data-type="clause_title"]', { hasText: "Pasted temperature rise" }) }).last();
  await expect(pasted).toBeVisible();
  await expect(pasted.locator("> h2")).toHaveAttribute("data-label", "A.1.1");
  await expect(pasted.locator("strong", { hasText: "50 K" })).toBeVisible();
  await expect(pasted.locator("sub", { hasText: "r" })).toBeVisible();
  await expect(pasted.locator('ol[data-style="alpha"] > li')).toHaveCount(2);
  await expect(pasted.locator('ol[data-style="alpha"] > li').first()).toHaveAttribute("data-label", "a)");
  await expect(pasted.locator("figure[data-type=table_block] td, figure[data-type=table_block] th")).toHaveCount(4);
  // The annex's own table numbering: the pasted table comes first, the hazards table after it.
  await expect(pasted.locator("figure[data-type=table_block] figcaption")).toHaveAttribute("data-label", "Table A.1");
  await expect(page.locator(".ProseMirror figure#en-t-a-hazards > figcaption")).toHaveAttribute("data-label", "Table A.2");

  // The paragraph the cursor was in stayed whole: no untitled clause took the rest of it.
  await expect(page.getByTestId("outline-item").filter({ hasText: "(untitled)" })).toHaveCount(0);

  const markup = await page.locator(".ProseMirror").innerHTML();
  expect(markup).not.toMatch(/mso-|Mso|<o:p|font-family/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});

test("a long outline keeps only the rows in view in the page; scrolled to its end, it opens the last clause", async ({ signIn }) => {
  const page = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  await openDraft(page, "GBA-2026-002");
  const rows = page.getByTestId("outline-item");
  const before = Number(await rows.first().getAttribute("aria-setsize"));

  // Eighty headings pasted at the end of A.1 make as many clauses.
  await clickAtEnd(page.locator(".ProseMirror section#en-c-a-1 > p").last());
  const headings = Array.from({ length: 80 }, (_, i) => `<h1>Long outline clause ${i + 1}</h1><p>Text of clause ${i + 1}.</p>`).join("");
  await pasteHtml(page, headings);
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(before + 80));

  // Far fewer rows than clauses are in the page, and the last is not among them yet.
  const lastRow = rows.filter({ hasText: "Long outline clause 80" });
  await expect(lastRow).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(before + 80);

  // Scrolling the outline to its end brings the last rows; the last one takes you to its clause.
  await page.locator(".studio-outline-scroller").evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
  await expect(rows.last()).toHaveAttribute("aria-posinset", String(before + 80));
  await expect(lastRow).toBeVisible();
  await lastRow.getByTitle(/^Go to/).click();
  await expect(page.locator('.ProseMirror h2[data-type="clause_title"]', { hasText: "Long outline clause 80" })).toBeInViewport();

  // Undone, the draft is as the other tests expect it.
  await page.locator('.ProseMirror h2[data-type="clause_title"]', { hasText: "Long outline clause 80" }).click();
  await page.keyboard.press("Control+z");
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(before));
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});
