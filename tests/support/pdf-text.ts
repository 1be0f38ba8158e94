import { execFile } from "node:child_process";

/** The text of a PDF as poppler's pdftotext reads it (what "selectable text" means here). */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "/usr/bin/pdftotext",
      ["-enc", "UTF-8", "-", "-"],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin!.end(Buffer.from(pdf));
  });
}

/** The fonts a PDF uses, one line each, as poppler's pdffonts lists them (name, type, emb…). */
export function pdfFonts(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("/usr/bin/pdffonts", ["-"], { encoding: "utf8" }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(Buffer.from(pdf));
  });
}
