// Moved to app/collab/ with the room; kept for the meeting page until it uses <WorkspaceBar>.
export { SaveIndicator } from "../../collab/save-indicator.tsx";
