// The approval path with several people in one committee (TC1 of the demo alliance), on a project made
// for this test so the shared demo drafts stay editable for other tests: the secretary moves the draft
// to 征求意见 and an open editor turns read-only at once; a member comments on the frozen text; the secretary moves on to 技术审查 and opens
// the 送审 ballot; members vote (one changes a vote); the ballot closes; the result page explains the
// pass; the chair approves; the chair releases the standard with its number, and the released text
// can no longer change.
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test, watchForPageErrors } from "../fixtures";
import { waitForEditor } from "../editor/editor-page";

const reference = `GBA-E2E-${Date.now() % 1_000_000}`;

async function page(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  const check = watchForPageErrors(p);
  test.info().annotations.push({ type: "page", description: "watched" });
  checks.push(check);
  return p;
}
const checks: (() => void)[] = [];

async function vote(voter: Page, ballotUrl: string, choice: RegExp, reasons = "") {
  await voter.goto(ballotUrl);
  const form = voter.getByRole("form", { name: "Your vote" });
  await form.getByRole("radio", { name: choice }).check();
  if (reasons) await form.getByLabel("Reasons or comments").fill(reasons);
  await form.getByRole("button", { name: /Cast the vote|Change the vote/ }).click();
  await expect(voter.getByTestId("action-success")).toBeVisible();
}

test("from 征求意见 to release: live lock, 送审 ballot with a changed vote, explained pass, chair's approval and release", async ({ signIn }) => {
  test.setTimeout(300_000);
  const secretary = await page(await signIn("secretary@example.org"));
  const chair = await page(await signIn("chair@example.org"));
  const editor = await page(await signIn("editor1@example.org"));

  // The secretary creates the project in TC1.
  await secretary.goto("/dashboard");
  await secretary.getByRole("link", { name: "GBA-2026-001" }).first().click();
  await secretary.getByRole("link", { name: "TC1", exact: true }).first().click();
  await secretary.waitForURL("**/committees/**");
  await secretary.getByRole("tab", { name: /^Projects/ }).click();
  const create = secretary.getByRole("form", { name: "Create a project" });
  await create.getByLabel("Reference").fill(reference);
  await create.getByLabel("Title (Chinese)").fill("电动汽车换电站安全要求");
  await create.getByLabel("Title (English)").fill("Safety requirements for battery swapping stations");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(secretary.getByTestId("action-success")).toBeVisible();
  await secretary.getByRole("link", { name: reference }).first().click();
  await secretary.waitForURL(/\/projects\/[^/]+$/);
  const projectUrl = new URL(secretary.url()).pathname;
  await expect(secretary.getByTestId("project-stage")).toHaveText("Drafting");

  // An editor has the draft open and may edit.
  await editor.goto(projectUrl);
  await editor.getByRole("link", { name: "Open editor" }).click();
  await editor.waitForURL(/\/documents\//);
  await waitForEditor(editor);
  await expect(editor.locator(".ProseMirror")).toHaveAttribute("contenteditable", "true");
  const documentPath = new URL(editor.url()).pathname;

  // The secretary moves the draft to 征求意见: the open editor turns read-only at once.
  await secretary.goto(`${projectUrl}/stage`);
  await expect(secretary.getByTestId("current-stage")).toHaveText("Drafting");
  const move = secretary.getByRole("form", { name: "Move to another stage" });
  await move.getByLabel("Next stage").selectOption({ label: "Public consultation" });
  await move.getByRole("button", { name: "Move now" }).click();
  await expect(secretary.getByTestId("current-stage")).toHaveText("Public consultation");
  await expect(editor.getByTestId("read-only-notice")).toBeVisible();
  await expect(editor.locator(".ProseMirror")).toHaveAttribute("contenteditable", "false");
  await expect(secretary.getByTestId("transitions-table")).toContainText("征求意见稿");

  // Members comment on the frozen 征求意见稿 while nobody edits it.
  const member1 = await page(await signIn("member1@example.org"));
  await member1.goto(documentPath);
  await waitForEditor(member1);
  await expect(member1.getByTestId("comment-period-banner")).toBeVisible();
  await member1.locator('.ProseMirror section[data-kind="scope"] > p').first().click();
  await member1.getByTestId("comment-start").click();
  await member1.getByTestId("comment-form").getByText("Technical", { exact: true }).click();
  await member1.getByTestId("comment-body-input").fill("范围应包含换电站的消防要求");
  await member1.getByTestId("comment-submit").click();
  await expect(member1.getByTestId("comment-thread").filter({ hasText: "范围应包含换电站的消防要求" })).toBeVisible();

  // On to 技术审查 (送审稿), then the move to 批准 is proposed and the 送审 ballot opened.
  await move.getByLabel("Next stage").selectOption({ label: "Technical review" });
  await move.getByRole("button", { name: "Move now" }).click();
  await expect(secretary.getByTestId("current-stage")).toHaveText("Technical review");
  await move.getByLabel("Next stage").selectOption({ label: "Approval" });
  await move.getByLabel("Note").fill("送审稿提交技术审查");
  await move.getByRole("button", { name: "Propose to the chair" }).click();
  await expect(secretary.getByTestId("pending-transition")).toContainText("Technical review → Approval");
  await expect(secretary.getByTestId("exit-ballot-state")).toHaveText(/needs a committee ballot/);
  const open = secretary.getByRole("form", { name: "Open a committee ballot" });
  await open.getByLabel("Question").fill("送审稿是否通过技术审查？");
  await expect(open.getByLabel("Voting rule")).toHaveValue("cn_three_quarters_of_attendees");
  await open.getByRole("button", { name: "Open the ballot" }).click();
  await expect(secretary.getByTestId("action-success")).toBeVisible();
  await secretary.getByRole("link", { name: "送审稿是否通过技术审查？" }).click();
  await secretary.waitForURL(/\/ballots\//);
  const ballotUrl = new URL(secretary.url()).pathname;
  await expect(secretary.getByRole("link", { name: "On 送审稿" })).toBeVisible();

  // Members vote; one disapproves with reasons, then changes to approve. The drafter may not vote.
  await editor.goto(ballotUrl);
  await expect(editor.getByText("Drafters do not vote", { exact: false }).first()).toBeVisible();
  await expect(editor.getByRole("form", { name: "Your vote" })).toHaveCount(0);
  const member2 = await page(await signIn("member2@example.org"));
  await vote(member1, ballotUrl, /^Approve$/);
  await vote(member2, ballotUrl, /^Disapprove$/, "第5章试验方法不可复现");
  await expect(member2.getByTestId("my-vote")).toContainText("Disapprove");
  await vote(member2, ballotUrl, /^Approve with comments$/, "建议补充试验条件");
  await expect(member2.getByTestId("action-success")).toHaveText("Your vote is changed.");
  await vote(chair, ballotUrl, /^Approve$/);
  const member3 = await page(await signIn("member3@example.org"));
  await vote(member3, ballotUrl, /^Approve$/);
  // The secretary of TC1 holds no vote in the demo: the ballot page says so and offers no form.
  await secretary.goto(ballotUrl);
  await expect(secretary.getByText("has no voting right").first()).toBeVisible();
  await expect(secretary.getByRole("form", { name: "Your vote" })).toHaveCount(0);

  // The ballot closes; the result page explains the pass step by step.
  await secretary.goto(ballotUrl);
  await secretary.getByRole("button", { name: "Close the ballot now" }).click();
  await expect(secretary.getByTestId("ballot-status")).toHaveText("Closed");
  await expect(secretary.getByTestId("tally-outcome")).toHaveAttribute("data-outcome", "passed");
  const steps = secretary.getByTestId("tally-steps");
  await expect(steps).toContainText("王磊 (");
  await expect(steps).toContainText("may not vote: drafters do not vote");
  await expect(steps).toContainText("刘洋 (");
  await expect(steps).toContainText("approve with comments, counted as an approval");
  await expect(steps).toContainText("5 eligible (one vote per person), 4 returned: 4 approve, 0 disapprove, 0 abstain.");
  await expect(steps).toContainText("Quorum: present 4 of 5 eligible voters (80 %); at least 2/3 (66.7 %) required: met.");
  await expect(steps).toContainText("Pass mark 1: approvals 4 of 4 voters present (100 %); at least 3/4 (75 %) required: met.");
  await expect(steps).toContainText("Outcome: Passed.");
  await expect(secretary.getByTestId("voters-table")).toContainText("changed once");

  // The chair approves the move; the project enters 批准 (报批稿).
  await chair.goto(`${projectUrl}/stage`);
  await expect(chair.getByTestId("exit-ballot-state")).toHaveText("The committee ballot passed.");
  const decide = chair.getByRole("form", { name: "The chair's decision" });
  await decide.getByLabel("Decision").selectOption("APPROVE");
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(chair.getByTestId("current-stage")).toHaveText("Approval");
  await expect(chair.getByTestId("transitions-table")).toContainText("报批稿");

  // The chair releases the standard with its number; the released text can no longer change.
  const release = chair.getByRole("form", { name: "Release" });
  const year = new Date().getUTCFullYear();
  await release.getByLabel("Publication date").fill(`${year}-12-01`);
  await release.getByLabel("Implementation date").fill(`${year + 1}-03-01`);
  await release.getByRole("button", { name: "Release with a number" }).click();
  await expect(chair.getByTestId("standard-number")).toHaveText(new RegExp(`^T/GBA \\d{3}—${year}$`));
  await expect(chair.getByTestId("project-status")).toHaveText("Released");
  await expect(chair.getByTestId("current-stage")).toHaveText("Published");

  await chair.goto(projectUrl);
  await chair.getByRole("link", { name: "Open editor" }).click();
  await waitForEditor(chair);
  await expect(chair.getByTestId("read-only-notice")).toBeVisible();
  await expect(chair.locator(".ProseMirror")).toHaveAttribute("contenteditable", "false");

  // The audit chain of the project verifies.
  await chair.goto(`${projectUrl}/audit`);
  await expect(chair.getByTestId("audit-verified")).toBeVisible();
  await expect(chair.getByTestId("audit-table")).toContainText("project.released");
  await expect(chair.getByTestId("audit-table")).toContainText("vote.cast");

  for (const check of checks) check();
});
