/*
 * Hands the ProseMirror view to the React parts around it (toolbar, outline, picker). They re-render
 * at most once per animation frame, after the view has drawn the change, so typing never waits for
 * React: a keystroke reaches the screen first and the toolbar catches up in the next frame.
 */
import { useSyncExternalStore } from "react";
import type { EditorView } from "prosemirror-view";
import { Listeners } from "~/editor/view/editor-session";

export class EditorStore {
  private current: EditorView | null = null;
  private readonly listeners = new Listeners();
  private version = 0;
  private frame: number | null = null;

  get view(): EditorView | null {
    return this.current;
  }

  setView(view: EditorView | null): void {
    this.current = view;
    this.bump();
  }

  /** Called by the view after every change; coalesced to one notification per frame. */
  changed(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.bump();
    });
  }

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  getVersion = (): number => this.version;

  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private bump(): void {
    this.version++;
    this.listeners.notify();
  }
}

/** Re-renders the caller when the editor changed (at most once per frame); returns a change counter. */
export function useEditorVersion(store: EditorStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion, () => 0);
}
