import type { ReactNode } from "react";

/** A part of the page still on its way ("Connecting…", "Loading the editor…"), announced politely. */
export function LoadingStatus({ children }: { children: ReactNode }) {
  return (
    <p className="editor-loading" role="status">
      {children}
    </p>
  );
}
