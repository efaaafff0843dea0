/*
 * Keeps ids unique and present. Pasting a clause copies its ids, splitting a paragraph copies its id
 * to both halves, and ProseMirror fills structural gaps with id-less nodes; each of these would break
 * numbering by id, cross-references or comment anchors. The first holder of an id keeps it, so a
 * cross-reference keeps pointing at the original and not at the copy.
 *
 * Transactions that come from Yjs are left alone: the client that made the change has already fixed
 * it, and fixing it again on every client would only make them race to set different fresh ids.
 */
import { type Fragment, type Node } from "prosemirror-model";
import { Plugin, type Transaction } from "prosemirror-state";
import { AttrStep, ReplaceAroundStep, ReplaceStep } from "prosemirror-transform";
import { ySyncPluginKey } from "y-prosemirror";
import { idOf, newId } from "../ids";
import { uniqueIdsKey } from "../keys";
import { ID_REQUIRED_TYPES } from "../structure";

function hasIdAttr(node: Node): boolean {
  return Object.hasOwn(node.type.spec.attrs ?? {}, "id");
}

function holdsIdBearingNodes(content: Fragment): boolean {
  let found = false;
  content.descendants((node) => {
    if (found) return false;
    found = hasIdAttr(node);
    return !node.isTextblock;
  });
  return found;
}

/** Whether a transaction can have introduced a missing or repeated id; typing text cannot. */
function mayBreakIds(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AttrStep) return step.attr === "id";
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return holdsIdBearingNodes(step.slice.content);
    return false;
  });
}

function isFromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === "object" && meta !== null && "isChangeOrigin" in meta && meta.isChangeOrigin === true;
}

/**
 * Adds to `tr` a fresh id for every node that needs one and has none, and for every node whose id an
 * earlier node already has.
 */
export function ensureUniqueIds(tr: Transaction): Transaction {
  const seen = new Set<string>();
  tr.doc.descendants((node, pos) => {
    if (hasIdAttr(node)) {
      const id = idOf(node);
      if (id !== null && !seen.has(id)) {
        seen.add(id);
      } else if (id !== null || ID_REQUIRED_TYPES.has(node.type.name)) {
        const fresh = newId();
        seen.add(fresh);
        tr.setNodeAttribute(pos, "id", fresh);
      }
    }
    return !node.isTextblock;
  });
  return tr;
}

export function uniqueIds(): Plugin {
  return new Plugin({
    key: uniqueIdsKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !isFromYjs(tr) && mayBreakIds(tr))) return null;
      const tr = ensureUniqueIds(newState.tr);
      return tr.docChanged ? tr : null;
    },
  });
}
