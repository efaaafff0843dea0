// The toolbar's "Figure" button (and Ctrl/⌘+Alt+I): pick an image, upload it to the document, insert
// a figure showing it with an empty caption where the cursor was. The server decides what is
// accepted (type from the bytes, size, right to edit now); an oversized file is refused here first
// so it is not sent for nothing. A refusal shows its reason next to the button and inserts nothing.
import {
  ActionIcon,
  CloseButton,
  Group,
  Loader,
  Popover,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconPhoto } from "@tabler/icons-react";
import { useParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { insertFigure } from "~/editor/commands";
import {
  FIGURE_ACCEPT,
  FIGURE_MAX_BYTES,
  figureLimitText,
  type FigureUploadResult,
} from "~/utils/figure-limits";
import { useEditorVersion, type EditorStore } from "./editor-store";

/** The placeholder a check of the command needs: nothing is inserted with it. */
const PROBE = { src: "", width: null, height: null };

function isUploadResult(value: unknown): value is FigureUploadResult {
  return (
    typeof value === "object" &&
    value !== null &&
    "ok" in value &&
    typeof value.ok === "boolean"
  );
}

export function FigureUploadButton({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  useEditorVersion(store);
  const { documentId } = useParams();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = store.view;
  const enabled = Boolean(
    view?.editable && documentId && !busy && insertFigure(PROBE)(view.state)
  );
  const label = t("history.figures.button");
  const limit = figureLimitText();

  // The shortcut: Ctrl/⌘+Alt+I in the document opens the picker.
  useEffect(() => {
    const dom = view?.dom;
    if (!dom) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        !event.altKey ||
        event.shiftKey ||
        event.code !== "KeyI"
      )
        return;
      event.preventDefault();
      if (store.view?.editable) inputRef.current?.click();
    };
    dom.addEventListener("keydown", onKeyDown);
    return () => dom.removeEventListener("keydown", onKeyDown);
  }, [view, store]);

  async function upload(file: File) {
    if (!documentId) return;
    setError(null);
    if (file.size > FIGURE_MAX_BYTES) {
      setError(t("history.figures.errors.tooLarge", { limit }));
      return;
    }
    setBusy(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(
        `/documents/${encodeURIComponent(documentId)}/figures`,
        { method: "POST", body, credentials: "same-origin" }
      );
      const result: unknown = await response.json().catch(() => null);
      if (!isUploadResult(result)) {
        setError(t("history.figures.errors.failed"));
        return;
      }
      if (!result.ok) {
        setError(t(`history.figures.errors.${result.code}`, { limit }));
        return;
      }
      const current = store.view;
      const command = insertFigure({
        src: result.src,
        alt: "",
        width: result.width,
        height: result.height,
      });
      if (!current || !command(current.state, current.dispatch, current)) {
        setError(t("history.figures.errors.cannotInsert"));
        return;
      }
      current.focus();
    } catch {
      setError(t("history.figures.errors.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Popover
        opened={error !== null}
        onChange={(opened) => (opened ? null : setError(null))}
        position="bottom-start"
        withArrow
        shadow="md"
        width={320}
      >
        <Popover.Target>
          <Tooltip
            label={`${label} (${t("history.figures.buttonHint", { limit })})`}
            openDelay={400}
            withArrow
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={label}
              aria-keyshortcuts="Control+Alt+I"
              data-tool="figure"
              disabled={!enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => inputRef.current?.click()}
            >
              {busy ? (
                <Loader size={16} aria-label={t("history.figures.uploading")} />
              ) : (
                <IconPhoto size={18} stroke={1.7} />
              )}
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text
              size="sm"
              c="red"
              role="alert"
              data-testid="figure-error"
              style={{ flex: 1 }}
            >
              {error}
            </Text>
            <CloseButton
              size="sm"
              aria-label={t("history.figures.dismiss")}
              onClick={() => setError(null)}
            />
          </Group>
        </Popover.Dropdown>
      </Popover>
      <input
        ref={inputRef}
        type="file"
        accept={FIGURE_ACCEPT}
        hidden
        data-testid="figure-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
      />
    </>
  );
}
