// The redline as a Word file whose changes are real tracked changes (accept/reject in Word).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/access.server";
import { loadFigureImages } from "~/models/asset.server";
import { compareTexts } from "~/models/compare.server";
import { recordAuditAlone } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { exportRedlineDocx } from "~/versions/docx-redline";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  const { user } = await requireProjectAccess(request, projectId, "readDocument");
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "live";
  let compared;
  try {
    compared = await compareTexts(projectId, from, to);
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.userMessageKey, { status: error.status === 404 ? 404 : 400 });
    throw error;
  }
  const { project, older, newer, redline } = compared;
  const authorId = newer.createdById ?? user.id;
  const author = (await prisma.user.findUnique({ where: { id: authorId }, select: { name: true } }))?.name ?? "Standards Studio";
  const fromLabel = older.label ?? "current";
  const toLabel = newer.label ?? (project.convention === "GB" ? "当前文本" : "Current text");
  const bytes = await exportRedlineDocx({
    older: older.content,
    newer: newer.content,
    convention: project.convention,
    redline,
    title: project.convention === "GB" ? project.titleZh : project.titleEn,
    fromLabel,
    toLabel,
    author,
    date: newer.createdAt,
    images: await loadFigureImages(projectId, [older.content, newer.content]),
  });
  await recordAuditAlone({ type: "version.exported", actorId: user.id, projectId, payload: { from, to, format: "docx" } });
  const fileName = `${project.reference}-${fromLabel}-${toLabel}.docx`;
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="redline.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
