// Downloads of the comment register: the ISO/IEC commenting template (iso.xlsx) and the
// 征求意见汇总处理表 (cn.xlsx, cn.docx), for the scope chosen on the register page (?period=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportChineseRegisterDocx } from "~/comments/register-cn-docx.server";
import { exportChineseRegisterXlsx } from "~/comments/register-cn-xlsx.server";
import { exportIsoRegisterXlsx } from "~/comments/register-iso-xlsx.server";
import { requireProjectAccess } from "~/models/access.server";
import { registerOf, scopeOf } from "~/models/comment-register.server";
import { AppError } from "~/utils/errors";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const formats = {
  "iso.xlsx": { type: XLSX, suffix: "comments-iso.xlsx", write: exportIsoRegisterXlsx },
  "cn.xlsx": { type: XLSX, suffix: "征求意见汇总处理表.xlsx", write: exportChineseRegisterXlsx },
  "cn.docx": { type: DOCX, suffix: "征求意见汇总处理表.docx", write: exportChineseRegisterDocx },
} as const;

function isFormat(value: string): value is keyof typeof formats {
  return Object.hasOwn(formats, value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = params.projectId ?? "";
  await requireProjectAccess(request, projectId, "readDocument");
  const format = params.format ?? "";
  if (!isFormat(format)) throw new Response("Not found", { status: 404 });
  try {
    const { scope } = await scopeOf(projectId, new URL(request.url).searchParams.get("period"));
    const { header, entries } = await registerOf(projectId, scope);
    const chosen = formats[format];
    const bytes = await chosen.write(header, entries);
    const fileName = `${header.project}-${chosen.suffix}`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": chosen.type,
        "Content-Disposition": `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw new Response("Not found", { status: error.status });
    throw error;
  }
}
