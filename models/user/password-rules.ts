/** The shortest password a person may choose (the page states it; the command enforces it). */
export const MIN_PASSWORD_LENGTH = 12;
