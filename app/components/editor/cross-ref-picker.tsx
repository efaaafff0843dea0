// Picks what a cross-reference points at: every clause, annex, table, figure, formula, term,
// reference, note and example, listed by the text a reference to it shows now ("5.2", "表 3") and
// searchable by its title, caption or term.
import { Modal, Select, type ComboboxItemGroup } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { insertCrossRef } from "~/editor/commands";
import { numberingOf } from "~/editor/plugins/numbering";
import { REFERENCE_KINDS, referenceTargets } from "~/editor/view/outline";
import type { EditorStore } from "./editor-store";

export function CrossRefPicker({ store, opened, onClose }: { store: EditorStore; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();

  // Read when the picker opens; the numbers cannot change while it has the focus.
  const data = useMemo((): ComboboxItemGroup[] => {
    const view = store.view;
    if (!opened || !view) return [];
    const targets = referenceTargets(view.state.doc, numberingOf(view.state));
    return REFERENCE_KINDS.map((kind) => ({
      group: t(`editor.crossRef.groups.${kind}`),
      items: targets
        .filter((target) => target.kind === kind)
        .map((target) => ({ value: target.id, label: target.description ? `${target.refText}\u3000${target.description}` : target.refText })),
    })).filter((group) => group.items.length > 0);
  }, [opened, store, t]);

  function insert(id: string | null) {
    const view = store.view;
    if (!view || !id) return;
    insertCrossRef(id)(view.state, view.dispatch, view);
    onClose();
    view.focus();
  }

  return (
    // No opening animation: the list opens at once and would be placed against a moving dialog.
    <Modal opened={opened} onClose={onClose} title={t("editor.crossRef.title")} size="lg" returnFocus={false} transitionProps={{ duration: 0 }}>
      <Select
        data={data}
        searchable
        value={null}
        onChange={insert}
        placeholder={t("editor.crossRef.search")}
        aria-label={t("editor.crossRef.search")}
        nothingFoundMessage={t("editor.crossRef.nothing")}
        defaultDropdownOpened
        data-autofocus
        maxDropdownHeight={360}
        limit={200}
        data-testid="crossref-search"
      />
    </Modal>
  );
}
