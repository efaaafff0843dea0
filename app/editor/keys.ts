// Every PluginKey of the editor, so that plugins that talk through tr.setMeta(key, …) share one name.
import { PluginKey } from "prosemirror-state";

export const uniqueIdsKey = new PluginKey("uniqueIds");
