// What the browser tests share: Debian's Chromium launched for a test, and axe-core's WCAG 2.2 AA check of a page
// with its screenshot.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name}`);
    process.exit(2);
  }
  return value;
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Runs axe-core on the page (or on `scope` in it), saves OUT_DIR/NAME-MODE.png, and records the page in
 * `report.pages` and each violation not in `keycloaksOwn` in `report.failures`.
 */
export async function checkAccessibility(page, { report, outDir, name, mode, scope, keycloaksOwn = [] }) {
  // Evaluated through the DevTools protocol, which a page's Content-Security-Policy does not govern (a script tag would be).
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async ([tags, include]) =>
    // eslint-disable-next-line no-undef
    axe.run(include ? { include: [[include]] } : document, { runOnly: { type: "tag", values: tags } }), [WCAG_22_AA, scope]);
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")) }));
  const screenshot = join(outDir, `${name}-${mode}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  report.pages.push({ page: name, mode, url: page.url(), violations, screenshot });
  for (const v of violations.filter((v) => keycloaksOwn.includes(v.id))) {
    console.log(`${name} (${mode}): Keycloak's own rendering: ${v.id} at ${v.targets.join(", ")}`);
  }
  for (const v of violations.filter((v) => !keycloaksOwn.includes(v.id))) {
    report.failures.push(`${name} (${mode}): ${v.id} [${v.impact}] ${v.help} at ${v.targets.join(", ")}`);
  }
}

/** WCAG 2.x contrast of two computed "rgb(r, g, b)" colours. */
export function contrast(first, second) {
  const luminance = (colour) => {
    const [r, g, b] = colour.match(/\d+/g).slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(first), luminance(second)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
