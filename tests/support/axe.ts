import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type Axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { BrowserContext, Page } from "playwright-core";

// axe-core runs inside the real page. It is evaluated through the DevTools protocol
// (page.evaluate), which the page's Content-Security-Policy does not govern: the app keeps its
// nonce-only script policy and nothing is added to the DOM that a CSP would have to allow.
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** WCAG 2.0 and 2.1 levels A and AA, and 2.2 AA (target size: controls of at least 24×24 px). */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Best practices the product promises too (landmarks, headings in order, a skip link). */
const BEST_PRACTICES = [
  "heading-order",
  "landmark-one-main",
  "landmark-unique",
  "page-has-heading-one",
  "region",
  "skip-link",
  "empty-heading",
  "empty-table-header",
];

/**
 * Makes every page this context opens carry axe from its first script on, which is cheaper
 * than evaluating it again after each navigation when one context walks many pages.
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript(AXE_SOURCE);
}

async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => "axe" in window);
  if (!present) await page.evaluate(AXE_SOURCE);
}

/** axe's violations of the WCAG A/AA rules and our best practices on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  await injectAxe(page);
  const results = await page.evaluate(
    async ({ tags, extra }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const rules = axe
        .getRules(tags)
        .map((rule) => rule.ruleId)
        .concat(extra);
      return axe.run(document, {
        runOnly: { type: "rule", values: rules },
        resultTypes: ["violations"],
      });
    },
    { tags: WCAG_TAGS, extra: BEST_PRACTICES },
  );
  return results.violations;
}

/** One line per rule broken: rule id, impact, what to do, and where (CSS selectors). */
export function describeViolations(violations: AxeResults["violations"]): string[] {
  return violations.map((v) => {
    const where = v.nodes
      .slice(0, 6)
      .map((node) => `      ${node.target.join(" ")}  ${node.html.slice(0, 160)}`)
      .join("\n");
    const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : "";
    return `${v.id} (${v.impact}): ${v.help} [${v.helpUrl.replace(/\?.*$/, "")}]\n${where}${more}`;
  });
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements reaching past the viewport's right edge (where the layout breaks). */
  culprits: string[];
}

/**
 * Whether the page scrolls sideways (WCAG 1.4.10 reflow): null when it does not, else how wide
 * it is and the innermost elements that stick out past the viewport (what to fix). Content
 * inside a box that scrolls or clips on its own does not count: that box is what a wide table
 * should be in.
 */
export async function horizontalOverflow(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const limit = root.clientWidth + 1;
    const describe = (el: Element) => {
      const path: string[] = [];
      for (let at: Element | null = el; at && at !== document.body && path.length < 4; ) {
        const classes = [...at.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join("");
        path.unshift(`${at.tagName.toLowerCase()}${at.id ? `#${at.id}` : ""}${classes}`);
        at = at.parentElement;
      }
      const box = el.getBoundingClientRect();
      return `${path.join(" > ")} (${Math.round(box.left)}–${Math.round(box.right)} px)`;
    };
    // Whether a box between the element and the page clips or scrolls it. An absolutely
    // positioned element escapes every box up to its containing block (the nearest positioned
    // ancestor), which is how a hidden label in a scrolling table can still widen the page.
    const insideClippingBox = (el: Element) => {
      let escaping = getComputedStyle(el).position === "absolute";
      for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (escaping && style.position === "static") continue;
        if (style.overflowX !== "visible") return true;
        escaping = style.position === "absolute";
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll("*")].filter(
      (el) =>
        el.getBoundingClientRect().right > limit &&
        getComputedStyle(el).position !== "fixed" &&
        !insideClippingBox(el),
    );
    // Text can stick out of a box that itself fits (a long word): then the box is to blame.
    const spilling = [...document.body.querySelectorAll("*")].filter(
      (el) =>
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0 &&
        getComputedStyle(el).overflowX === "visible" &&
        !insideClippingBox(el),
    );
    const candidates = sticking.length ? sticking : spilling;
    const innermost = candidates.filter(
      (el) => !candidates.some((o) => o !== el && el.contains(o)),
    );
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      culprits: innermost.slice(0, 8).map(describe),
    };
  });
}

/**
 * Tables wider than their box must scroll inside a box a keyboard can reach and a screen reader
 * can name: `tabindex="0"`, `role="region"` and an accessible name. Lists those that do not.
 */
export async function unreachableScrollingTables(
  page: Page,
  options: { mayScroll: boolean },
): Promise<string[]> {
  return page.evaluate(({ mayScroll }) => {
    const problems: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      let box = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === "visible")
        box = box.parentElement;
      if (!box || box === document.body) continue;
      // Only a table reaching past its box's edge is one a person must scroll to read.
      if (table.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1) continue;
      const caption = table.caption?.textContent?.trim() ?? table.getAttribute("aria-label");
      const name = caption ? `"${caption}"` : "(no caption)";
      if (!mayScroll) {
        problems.push(`table ${name} scrolls sideways at a width where it should fit`);
        continue;
      }
      const named = box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby");
      const ok = box.getAttribute("tabindex") === "0" && box.getAttribute("role") === "region";
      if (!(ok && named))
        problems.push(
          `table ${name} scrolls in a box without tabindex="0", role="region" and a name`,
        );
    }
    return problems;
  }, options);
}

/**
 * A table laid out as something else (its rows a grid or blocks, as on a phone) is no longer a
 * table to some browsers' accessibility trees (Safari's): each part of it, from where the
 * layout changes down to its cells, must then say what it is with an explicit ARIA role
 * (`table`, `rowgroup`, `row`, `columnheader`, `rowheader`, `cell`). Lists the parts that do not.
 */
export async function tablesWithoutTheirRoles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const own: Record<string, string> = {
      TABLE: "table",
      THEAD: "table-header-group",
      TBODY: "table-row-group",
      TFOOT: "table-footer-group",
      TR: "table-row",
      TH: "table-cell",
      TD: "table-cell",
    };
    const roleOf = (el: Element) => {
      if (el.tagName === "TABLE") return "table";
      if (el.tagName === "TR") return "row";
      if (el.tagName === "TD") return "cell";
      if (el.tagName === "TH")
        return el.getAttribute("scope") === "row" || el.closest("tbody, tfoot")
          ? "rowheader"
          : "columnheader";
      return "rowgroup";
    };
    const problems: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      const labelledBy = table.getAttribute("aria-labelledby");
      const caption = (
        table.caption?.textContent ??
        table.getAttribute("aria-label") ??
        (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
        "(no name)"
      )
        .trim()
        .slice(0, 60);
      const parts = [table, ...table.querySelectorAll("thead, tbody, tfoot, tr, th, td")];
      const laidOut = (el: Element) =>
        el.checkVisibility() && getComputedStyle(el).display !== own[el.tagName];
      const wrong = parts
        // From a part whose display is not its own, down: the part and everything in it.
        .filter((el) => parts.some((at) => at.contains(el) && laidOut(at)))
        .filter((el) => el.getAttribute("role") !== roleOf(el))
        .map((el) => `${el.tagName.toLowerCase()} (${roleOf(el)})`);
      if (wrong.length)
        problems.push(
          `table "${caption}" is laid out as no table, without its roles: ${[...new Set(wrong)].join(", ")}`,
        );
    }
    return problems;
  });
}

/**
 * A field marked invalid must say why where a screen reader finds it: `aria-describedby`
 * naming the element with the message. Lists those that do not.
 */
export async function unexplainedInvalidFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-invalid="true"]')]
      .filter((field) => {
        const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
        return !ids.some((id) => document.getElementById(id)?.textContent?.trim());
      })
      .map(
        (field) =>
          `invalid field ${field.getAttribute("name") ?? field.id} has no error message linked by aria-describedby`,
      ),
  );
}

/**
 * The trail of links above a page's heading (`.breadcrumbs`) is a navigation landmark named
 * "Breadcrumb" holding an ordered list of its steps, with the "/" between them hidden from
 * screen readers (WAI-ARIA's breadcrumb pattern), so it can be reached from the landmarks list
 * and is heard as steps, not as "link slash link slash". Lists the trails that are not.
 */
export async function unlandmarkedBreadcrumbs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".breadcrumbs")].flatMap((trail) => {
      const text = trail.textContent?.trim().slice(0, 60) ?? "";
      if (trail.tagName !== "NAV" || trail.getAttribute("aria-label") !== "Breadcrumb")
        return [`breadcrumbs "${text}" are not a navigation named Breadcrumb`];
      const steps = trail.querySelectorAll(":scope > ol > li");
      if (steps.length === 0) return [`breadcrumbs "${text}" are not an ordered list of steps`];
      const spoken = [...steps].map((step) =>
        [...step.childNodes]
          .filter((node) => !(node instanceof Element && node.getAttribute("aria-hidden")))
          .map((node) => node.textContent)
          .join("")
          .trim(),
      );
      return spoken.some((step) => step.endsWith("/"))
        ? [`breadcrumbs "${text}" read their separators aloud`]
        : [];
    }),
  );
}

/**
 * Controls drawn over one another (a tablet's layout squeezing a button onto a field): each
 * pair of visible, operable controls whose boxes overlap, neither inside the other. While a
 * modal dialog is open (a `<dialog>` opened with showModal, or a dialog or alert dialog marked
 * `aria-modal="true"`) the page behind it is inert, so only the dialog's own controls count;
 * so do none inside an `inert` part of the page. A sticky bar stuck at the top is drawn over
 * the page on purpose, and what it covers scrolls out from under it: its controls are checked
 * against each other, not against the page passing beneath.
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=slider], [role=button], [tabindex='0']";
    const modals = [
      ...document.querySelectorAll(
        "dialog:modal, [role=dialog][aria-modal=true], [role=alertdialog][aria-modal=true]",
      ),
    ].filter((dialog) => dialog.checkVisibility());
    const operable = (el: Element) =>
      !el.closest("[inert]") &&
      (modals.length === 0 || modals.some((dialog) => dialog.contains(el)));
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    // The bar stuck to the top that an element is in, if any: sticky, and at the offset it
    // sticks at while the page has scrolled under it. (Something fixed over the page, a
    // dialog or a toast, still hides what is under it: not this.)
    const stuckBar = (el: Element): Element | null => {
      for (let at: Element | null = el; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        const stuck =
          style.position === "sticky" &&
          window.scrollY > 0 &&
          Math.abs(at.getBoundingClientRect().top - (parseFloat(style.top) || 0)) < 1;
        if (stuck) return at;
      }
      return null;
    };
    // What of a box is visible: the part inside every box around it that clips or scrolls.
    const visiblePart = (el: Element, box: DOMRect): DOMRect | null => {
      let { left, top, right, bottom } = box;
      for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const clip = at.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return right - left >= 2 && bottom - top >= 2
        ? new DOMRect(left, top, right - left, bottom - top)
        : null;
    };
    // The boxes of each line a control's text takes (a wrapped link is two boxes, not the
    // rectangle around both lines), as far as they can be seen.
    // tldraw's toolbars lay their buttons' hit areas over each other on purpose (the icons do
    // not touch); axe's target-size rule still checks them.
    const controls = [...document.querySelectorAll(selector)]
      .filter((el) => !el.closest(".tl-container") && operable(el))
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.visibility !== "hidden" && el.checkVisibility({ opacityProperty: true });
      })
      .map((el) => ({
        el,
        boxes: [...el.getClientRects()]
          .map((box) => visiblePart(el, box))
          .filter((box): box is DOMRect => box !== null),
      }))
      .filter(({ boxes }) => boxes.length > 0);
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    const problems: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (stuckBar(a.el) !== stuckBar(b.el)) continue;
        // A label's own control, or two parts of one widget, are not in each other's way.
        if (a.el.closest("label") && a.el.closest("label") === b.el.closest("label")) continue;
        if (a.boxes.some((x) => b.boxes.some((y) => overlap(x, y))))
          problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
        if (problems.length >= 6) return problems;
      }
    }
    return problems;
  });
}

/**
 * Buttons left in the browser's own look (its small 13 px control font, grey bevel): a control
 * that looks unfinished beside the rest, and on a tablet a small target. Each visible button
 * whose font is not the page's. tldraw draws its own.
 */
export async function unstyledButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageFont = getComputedStyle(document.body).fontFamily;
    return [...document.querySelectorAll("button")]
      .filter((el) => !el.closest(".tl-container") && el.checkVisibility())
      .filter((el) => getComputedStyle(el).fontFamily !== pageFont)
      .slice(0, 6)
      .map(
        (el) =>
          `button "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}" keeps the browser's own look`,
      );
  });
}

/**
 * Waits until the page has stopped changing (no DOM change for `quietMs`, at most `maxMs`):
 * live pages render again once their documents arrive over the socket, after the load event.
 */
export async function settle(page: Page, quietMs = 300, maxMs = 5000): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quietMs);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quietMs);
        });
        const deadline = setTimeout(done, maxMs);
        function done() {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(deadline);
          resolve();
        }
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }),
    { quietMs, maxMs },
  );
}

/**
 * Everything wrong with the page as it is now, one readable entry per problem: axe violations,
 * sideways scrolling, wide tables that a keyboard cannot scroll (or that scroll at all, where
 * `tablesMayScroll` is false: a laptop's width), and invalid fields that do not say why.
 * Empty when all is well.
 */
export async function checkPage(
  page: Page,
  options: { tablesMayScroll: boolean } = { tablesMayScroll: true },
): Promise<string[]> {
  const problems = describeViolations(await axeViolations(page));
  const overflow = await horizontalOverflow(page);
  if (overflow)
    problems.push(
      `horizontal scroll: the page is ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px viewport\n` +
        overflow.culprits.map((c) => `      ${c}`).join("\n"),
    );
  problems.push(
    ...(await unreachableScrollingTables(page, { mayScroll: options.tablesMayScroll })),
  );
  problems.push(...(await unexplainedInvalidFields(page)));
  problems.push(...(await overlappingControls(page)));
  problems.push(...(await tablesWithoutTheirRoles(page)));
  problems.push(...(await unlandmarkedBreadcrumbs(page)));
  problems.push(...(await unstyledButtons(page)));
  return problems;
}

/** `checkPage` at each of `widths` in turn (the page resized and settled), each entry its width. */
export async function checkPageAtWidths(page: Page, widths: number[]): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page, 50, 500);
    for (const problem of await checkPage(page, { tablesMayScroll: width < 1280 }))
      problems.push(`${width} px: ${problem}`);
  }
  return problems;
}
