/** How long a meeting may be planned for, in minutes (pure: the browser uses it). */
export const MEETING_LENGTHS = [60, 90, 120, 180] as const;
export const DEFAULT_MEETING_MINUTES = 90;
