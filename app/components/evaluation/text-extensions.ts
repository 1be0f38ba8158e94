import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/**
 * The text's schema and behaviour, the same for every editor and for the text as the page is
 * served (served-text.tsx): configured once, not per render.
 */
export const TEXT = StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } });

/** The ProseMirror schema of that text, for reading it without an editor. */
export const textSchema = getSchema([TEXT]);
