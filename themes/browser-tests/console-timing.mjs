// Times Keyward's console in Chromium on a realm with many clients, as an admin sees it: from pressing "Sign in"
// on Keycloak's login page to the realm view showing its first page of clients, then each "next page", a search and
// a verdict filter (each until the table shows the new rows). Prints one line per measurement and writes
// OUT_DIR/console-timing.json. Used by pack/src/test/scripts/compliance-10k.sh (docs/migration.md "Scale").
//
//   KEYCLOAK_URL=http://localhost:28180 REALM=big ADMIN_USER=admin ADMIN_PASSWORD=admin node console-timing.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, required } from "./common.mjs";

const base = required("KEYCLOAK_URL");
const realm = required("REALM");
const outDir = process.env.OUT_DIR ?? "target/console-timing";
mkdirSync(outDir, { recursive: true });

const READY = "#kw-main[data-kw-ready='true']";
const timings = [];

async function timed(name, page, action) {
  const firstRow = await page.locator("#kw-clients-table tbody tr").first().getAttribute("data-client-id").catch(() => null);
  const started = performance.now();
  await action();
  await page.waitForFunction(([ready, before]) => {
    const row = document.querySelector("#kw-clients-table tbody tr[data-client-id]");
    return document.querySelector(ready) && row && row.dataset.clientId !== before;
  }, [READY, firstRow], { timeout: 30000 });
  const ms = Math.round(performance.now() - started);
  timings.push({ name, ms });
  console.log(`console-timing: ${name}: ${ms} ms`);
}

const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/realms/master/keyward/console/#/realms/${encodeURIComponent(realm)}`);
  await page.waitForSelector("#username");
  await page.fill("#username", required("ADMIN_USER"));
  await page.fill("#password", required("ADMIN_PASSWORD"));
  await timed("sign-in to the realm view's first page", page, () => page.click("#kc-login"));
  for (let i = 1; i <= 5; i++) {
    await timed(`next page ${i}`, page, () => page.click("#kw-page-next"));
  }
  await timed("search for client-9999", page, () => page.fill("#kw-search", "client-9999"));
  await page.fill("#kw-search", "");
  await page.waitForSelector(READY);
  await timed("filter: breaks once enforced", page, () => page.selectOption("#kw-filter-verdict", "breaks-when-enforced"));
} finally {
  await browser.close();
}
writeFileSync(join(outDir, "console-timing.json"), JSON.stringify(timings, null, 2));
