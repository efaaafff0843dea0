// The comment rules beyond the policy matrix, and the margin's filters and keyboard order.
import { describe, expect, test } from "vitest";
import { noStanding, type CommitteeStanding, type Role } from "~/policies/roles";
import { choicesOf, matchesFilter, neighbour, noFilter, type FilterableThread } from "./comment-filters";
import { mayComment, mayDispose, mayEditComment, mayResolve, mentionedUserIds } from "./comment-rules";

const as = (role: Role | null): CommitteeStanding => ({ ...noStanding, role });

describe("comment rules", () => {
  test("observers comment only when an open period invites them", () => {
    expect(mayComment(as("OBSERVER"), null)).toBe(false);
    expect(mayComment(as("OBSERVER"), { observersMayComment: false })).toBe(false);
    expect(mayComment(as("OBSERVER"), { observersMayComment: true })).toBe(true);
    expect(mayComment(as("MEMBER"), null)).toBe(true);
    expect(mayComment(as(null), { observersMayComment: true })).toBe(false);
  });

  test("only the author edits, until answered or decided", () => {
    const facts = { authorId: "a", replyCount: 0, disposed: false, isReply: false };
    expect(mayEditComment("a", facts)).toBe("yes");
    expect(mayEditComment("b", facts)).toBe("notYours");
    expect(mayEditComment("a", { ...facts, replyCount: 1 })).toBe("answered");
    expect(mayEditComment("a", { ...facts, disposed: true })).toBe("answered");
  });

  test("resolving and deciding", () => {
    expect(mayResolve(as("MEMBER"), "a", { authorId: "a" })).toBe(true);
    expect(mayResolve(as("MEMBER"), "b", { authorId: "a" })).toBe(false);
    expect(mayResolve(as("EDITOR"), "b", { authorId: "a" })).toBe(true);
    expect(["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"].map((r) => mayDispose(as(r as Role)))).toEqual([true, true, true, false, false]);
  });

  test("mentions match whole member names, longest first", () => {
    const members = [
      { id: "1", name: "Grace" },
      { id: "2", name: "Grace Ho" },
      { id: "3", name: "张伟" },
    ];
    expect(mentionedUserIds("@Grace Ho please check, and @张伟", members).sort()).toEqual(["2", "3"]);
    expect(mentionedUserIds("mail grace@example.org", members)).toEqual([]);
  });
});

describe("margin filters", () => {
  const threads: FilterableThread[] = [
    { id: "a", clause: "5.2", type: "TECHNICAL", status: "OPEN", decision: null, organization: "CN", authorName: "Li" },
    { id: "b", clause: "10", type: "EDITORIAL", status: "RESOLVED", decision: "ACCEPTED", organization: "DE", authorName: "Max" },
    { id: "c", clause: "5.2", type: "GENERAL", status: "OPEN", decision: "NOTED", organization: "CN", authorName: "Max" },
  ];
  const ids = (filter: typeof noFilter) => threads.filter((t) => matchesFilter(t, filter)).map((t) => t.id);

  test("each filter narrows the list", () => {
    expect(ids(noFilter)).toEqual(["a", "b", "c"]);
    expect(ids({ ...noFilter, clause: "5.2" })).toEqual(["a", "c"]);
    expect(ids({ ...noFilter, type: "EDITORIAL" })).toEqual(["b"]);
    expect(ids({ ...noFilter, status: "OPEN" })).toEqual(["a", "c"]);
    expect(ids({ ...noFilter, disposition: "undecided" })).toEqual(["a"]);
    expect(ids({ ...noFilter, disposition: "NOTED" })).toEqual(["c"]);
    expect(ids({ ...noFilter, organization: "CN", author: "Max" })).toEqual(["c"]);
    expect(choicesOf(threads, "clause")).toEqual(["5.2", "10"]);
  });

  test("keyboard order wraps around", () => {
    expect(neighbour(["a", "b", "c"], null, 1)).toBe("a");
    expect(neighbour(["a", "b", "c"], null, -1)).toBe("c");
    expect(neighbour(["a", "b", "c"], "c", 1)).toBe("a");
    expect(neighbour(["a", "b", "c"], "a", -1)).toBe("c");
    expect(neighbour([], "a", 1)).toBeNull();
  });
});
