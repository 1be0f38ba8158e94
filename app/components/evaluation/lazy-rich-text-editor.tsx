import { lazy } from "react";

/**
 * The TipTap editor, fetched when a page first shows one: TipTap and ProseMirror are over 400 KB
 * of script a page does not need to start (ADR 028). Render it inside `<Suspense>`.
 */
export const LazyRichTextEditor = lazy(() => import("./rich-text-editor.client.tsx"));
