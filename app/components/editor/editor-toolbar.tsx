// The structure and formatting toolbar. Built from the same table as the keyboard shortcuts
// (editor/view/tools.ts); a button is disabled exactly when its command does not apply where the
// cursor is, which the command itself answers when asked without dispatching.
import { ActionIcon, Divider, Group, Paper, Tooltip } from "@mantine/core";
import {
  IconArrowBackUp,
  IconArrowDown,
  IconArrowForwardUp,
  IconArrowUp,
  IconBold,
  IconBook2,
  IconBulb,
  IconIndentDecrease,
  IconIndentIncrease,
  IconItalic,
  IconLink,
  IconList,
  IconListLetters,
  IconMathFunction,
  IconNote,
  IconRowInsertBottom,
  IconSubscript,
  IconSuperscript,
  IconTable,
  IconTextPlus,
  type Icon,
} from "@tabler/icons-react";
import type { MarkType } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { useTranslation } from "react-i18next";
import { schema } from "~/editor/schema";
import { formatShortcut, TOOL_GROUPS, TOOLS, type ToolId } from "~/editor/view/tools";
import { useEditorVersion, type EditorStore } from "./editor-store";
import { FigureUploadButton } from "./figure-upload";

const ICONS: Record<ToolId, Icon> = {
  undo: IconArrowBackUp,
  redo: IconArrowForwardUp,
  bold: IconBold,
  italic: IconItalic,
  subscript: IconSubscript,
  superscript: IconSuperscript,
  clause: IconRowInsertBottom,
  subclause: IconTextPlus,
  promote: IconIndentDecrease,
  demote: IconIndentIncrease,
  moveUp: IconArrowUp,
  moveDown: IconArrowDown,
  listAlpha: IconListLetters,
  listDash: IconList,
  note: IconNote,
  example: IconBulb,
  term: IconBook2,
  table: IconTable,
  formula: IconMathFunction,
  crossRef: IconLink,
};

const MARKS: Partial<Record<ToolId, MarkType>> = {
  bold: schema.marks.strong,
  italic: schema.marks.em,
  subscript: schema.marks.sub,
  superscript: schema.marks.sup,
};

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

/** "Ctrl+Alt+N" → "Control+Alt+N", the form aria-keyshortcuts wants. */
function ariaShortcut(shortcut: string): string {
  return formatShortcut(shortcut, false).replace(/^Ctrl/, "Control").replace(/↑/, "ArrowUp").replace(/↓/, "ArrowDown").replace(/←/, "ArrowLeft").replace(/→/, "ArrowRight");
}

export function EditorToolbar({ store, onCrossRef }: { store: EditorStore; onCrossRef: () => void }) {
  const { t } = useTranslation();
  useEditorVersion(store);
  const view = store.view;
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const editable = view?.editable ?? false;

  function run(id: ToolId) {
    if (!view) return;
    const command = TOOLS[id].command;
    if (command === null) {
      onCrossRef();
      return;
    }
    command(view.state, view.dispatch, view);
    view.focus();
  }

  return (
    <Paper withBorder radius="md" p={4} className="studio-editor-toolbar" role="toolbar" aria-label={t("editor.toolbar.label")}>
      <Group gap={4} wrap="wrap">
        {TOOL_GROUPS.map((group, index) => (
          <Group key={group.join()} gap={2} wrap="nowrap">
            {index > 0 ? <Divider orientation="vertical" mx={4} /> : null}
            {group.map((id) => {
              const tool = TOOLS[id];
              const ToolIcon = ICONS[id];
              const label = t(`editor.toolbar.${id}`);
              const enabled = Boolean(view && editable && (tool.command === null || tool.command(view.state, undefined, view)));
              const mark = MARKS[id];
              const active = Boolean(view && mark && markActive(view.state, mark));
              const shortcut = tool.shortcut ? formatShortcut(tool.shortcut, mac) : null;
              return (
                <Tooltip key={id} label={shortcut ? `${label} (${shortcut})` : label} openDelay={400} withArrow>
                  <ActionIcon
                    variant={active ? "light" : "subtle"}
                    color={active ? "blue" : "gray"}
                    size="lg"
                    aria-label={label}
                    aria-pressed={mark ? active : undefined}
                    aria-keyshortcuts={tool.shortcut ? ariaShortcut(tool.shortcut) : undefined}
                    data-tool={id}
                    disabled={!enabled}
                    // Keep the focus (and so the selection) in the document while clicking.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => run(id)}
                  >
                    <ToolIcon size={18} stroke={1.7} />
                  </ActionIcon>
                </Tooltip>
              );
            })}
          </Group>
        ))}
        <Group gap={2} wrap="nowrap">
          <Divider orientation="vertical" mx={4} />
          <FigureUploadButton store={store} />
        </Group>
      </Group>
    </Paper>
  );
}
