// Figures in the Word redline: embedded images, tracked like text, and only the project's own.
import JSZip from "jszip";
import { beforeAll, describe, expect, test } from "vitest";
import { caption, clause, doc, figure, foreword, p, title } from "~/editor/test-builders";
import { figureSources, loadFigureImages } from "~/models/asset.server";
import { prisma } from "~/utils/db.server";
import { exportRedlineDocx, type FigureImage } from "~/versions/docx-redline";
import { computeRedline } from "~/versions/redline";
import { createProjectWithDocument, createStaffedCommittee } from "../../factories";
import { useTestDatabase } from "../../setup/test-database";
import { gifHeader, pngImage, webpLosslessHeader } from "./images";

useTestDatabase();

const fig = (id: string, src: string, text: string) => figure({ id, src, alt: text, width: null, height: null }, caption(text));

const older = doc(foreword({ id: "fw" }, p("前言")), clause({ id: "c1" }, title("要求"), p("正文"), fig("f1", "/files/kept", "外形图"))).toJSON();
const newer = doc(
  foreword({ id: "fw" }, p("前言")),
  clause({ id: "c1" }, title("要求"), p("正文"), fig("f1", "/files/kept", "外形图"), fig("f2", "/files/added", "接线图")),
).toJSON();

async function exportWith(images: ReadonlyMap<string, FigureImage>) {
  const bytes = await exportRedlineDocx({
    older,
    newer,
    convention: "GB",
    redline: computeRedline(older, newer, "GB"),
    title: "标准",
    fromLabel: "草案",
    toLabel: "征求意见稿",
    author: "王磊",
    date: new Date("2026-11-25T08:00:00Z"),
    images,
  });
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
  return { xml, media };
}

describe("the Word redline", () => {
  test("embeds figure images; an inserted figure's image is a tracked insertion", async () => {
    const png = pngImage(1200, 300);
    const { xml, media } = await exportWith(
      new Map([
        ["/files/kept", { type: "png", data: png, width: 1200, height: 300 }],
        ["/files/added", { type: "png", data: pngImage(20, 10), width: 20, height: 10 }],
      ]),
    );
    expect(media).toHaveLength(2);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    // The inserted figure's drawing sits inside a <w:ins> by the author; the kept one does not.
    const inserted = [...xml.matchAll(/<w:ins [^>]*w:author="王磊"[^>]*>(?:(?!<\/w:ins>).)*<w:drawing>/gs)];
    expect(inserted).toHaveLength(1);
    // A wide image is scaled to the text width (600 px at 9525 EMU per pixel), keeping its proportions.
    expect(xml).toContain(`cx="${600 * 9525}" cy="${150 * 9525}"`);
    expect(xml).not.toContain("［图：外形图］");
  });

  test("without the bytes a figure stays a placeholder with its text", async () => {
    const { xml, media } = await exportWith(new Map());
    expect(media).toHaveLength(0);
    expect(xml).toContain("［图：外形图］");
  });
});

describe("loading figure images for export", () => {
  let projectId = "";
  let ids: { png: string; gif: string; webp: string; foreign: string };

  beforeAll(async () => {
    const staffed = await createStaffedCommittee();
    const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id });
    const other = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id });
    projectId = project.id;
    const store = async (documentId: string, mimeType: string, data: Uint8Array<ArrayBuffer>) =>
      (
        await prisma.asset.create({
          data: { documentId, mimeType, data, byteSize: data.byteLength, width: 10, height: 20, sha256: "x", createdById: staffed.people.EDITOR.id },
          select: { id: true },
        })
      ).id;
    ids = {
      png: await store(project.documents[0].id, "image/png", pngImage(10, 20)),
      gif: await store(project.documents[0].id, "image/gif", new Uint8Array(gifHeader(10, 20))),
      webp: await store(project.documents[0].id, "image/webp", new Uint8Array(webpLosslessHeader(10, 20))),
      foreign: await store(other.documents[0].id, "image/png", pngImage(10, 20)),
    };
  });

  test("takes the project's own PNG, JPEG and GIF figures, and neither WebP nor another project's", async () => {
    const content = doc(
      foreword({ id: "fw" }, p("x")),
      clause({ id: "c1" }, title("t"), fig("a", `/files/${ids.png}`, "a"), fig("b", `/files/${ids.gif}`, "b"), fig("c", `/files/${ids.webp}`, "c"), fig("d", `/files/${ids.foreign}`, "d"), fig("e", "https://example.org/x.png", "e")),
    ).toJSON();
    expect(figureSources(content).size).toBe(4);
    const images = await loadFigureImages(projectId, [content]);
    expect([...images.keys()].sort()).toEqual([`/files/${ids.gif}`, `/files/${ids.png}`].sort());
    expect(images.get(`/files/${ids.png}`)).toMatchObject({ type: "png", width: 10, height: 20 });
  });
});
