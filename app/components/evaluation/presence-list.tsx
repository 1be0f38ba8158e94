// Moved to app/collab/ with the room; kept for the meeting page until it uses <WorkspaceBar>.
export { PresenceList } from "../../collab/presence-list.tsx";
