/** The longest link accepted (characters). */
export const MAX_LINK_LENGTH = 2000;

export type LinkCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Checks a link offered as evidence: only web addresses (http or https), so a link can never
 * run script (javascript:), reach a file share (file:, smb:) or hide data (data:). Returns the
 * normalised address. Pure.
 */
export function checkEvidenceLink(raw: string): LinkCheck {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "Enter the web address of the evidence." };
  if (text.length > MAX_LINK_LENGTH)
    return { ok: false, reason: `A link can be at most ${MAX_LINK_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "Enter a full web address starting with https:// (or http://)." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      ok: false,
      reason: `Only web links (https:// or http://) can be added, not ${url.protocol.replace(/:$/, "")}: links.`,
    };
  }
  if (!url.hostname)
    return { ok: false, reason: "Enter a full web address starting with https:// (or http://)." };
  if (url.username || url.password) {
    return {
      ok: false,
      reason:
        "Remove the user name or password from the link: everyone who can read the evaluation would see it.",
    };
  }
  return { ok: true, url: url.href };
}
