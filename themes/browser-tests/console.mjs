// Drives Debian's Chromium (playwright-core) through Keyward's console on a running Keycloak: a realm admin who may
// only view clients, one who may manage them (one-click fix, exemption granted and revoked, a client and the realm
// held to FAPI 2.0 and returned, a stale fix answered with the 409 message, runtime evidence, brand with its login-page preview,
// trend, sign-out), the same by keyboard alone with visible focus, and a master admin's server view. axe-core checks
// every view and open state (drawer, dialog, chart) in light and dark mode, with a PNG of each in OUT_DIR; any error in the
// console page's browser log fails the run.
//
//   KEYCLOAK_URL=http://localhost:18080 REALM=console-1234 OUT_DIR=target/console-screenshots \
//   ADMIN_USER=admin ADMIN_PASSWORD=admin EXPECTED='{…}' node console.mjs
//
// EXPECTED (ConsoleBrowserIT writes it): {"verdicts":{"clientId":"verdict",…}, "fix":{clientId, rule, setting,
// before, after, verdictAfter}, "exempt":{clientId, rule}, "profile":{clientId}, "stale":{clientId, rule, setting},
// "evidence":{clientId, redirectUri}}. The realm is pack/src/test/resources/realms/console.json; its users viewer, manager (password =
// user name). Exit code 0: every check passed; the report is OUT_DIR/report.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkAccessibility, contrast, launch, required } from "./common.mjs";

const base = required("KEYCLOAK_URL");
const realm = required("REALM");
const expected = JSON.parse(required("EXPECTED"));
const admin = { user: required("ADMIN_USER"), password: required("ADMIN_PASSWORD") };
const outDir = process.env.OUT_DIR ?? "target/console-screenshots";
mkdirSync(outDir, { recursive: true });

const report = { pages: [], failures: [], steps: [] };
/** HTTP statuses a step provokes on purpose: Chromium logs each failed fetch, which is then not the page's error. */
const provoked = new Set();
const consoleUrl = (name) => `${base}/realms/${encodeURIComponent(name)}/keyward/console/`;
const api = (path) => `${base}/admin/realms/${encodeURIComponent(realm)}/keyward-oauth21/${path}`;

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** What the brand preview's framed login page of one scheme shows, once it has loaded. */
async function framedLogin(page, scheme) {
  const frame = `#kw-brand-frame-${scheme}`;
  // Painted: the console fixes the frame's scheme on its load event, after keycloak.v2's own script followed the system's.
  await page.waitForFunction(([selector, wanted]) => {
    const login = document.querySelector(selector)?.contentDocument;
    return login?.getElementById("kc-login") && login.documentElement.style.getPropertyValue("color-scheme") === wanted;
  }, [frame, scheme]);
  return page.evaluate((selector) => {
    const login = document.querySelector(selector).contentDocument;
    const style = (element) => login.defaultView.getComputedStyle(element);
    return {
      header: login.getElementById("kc-header-wrapper").textContent.trim(),
      title: style(login.getElementById("kc-page-title")).color,
      button: style(login.getElementById("kc-login")).backgroundColor,
      card: style(login.querySelector(".pf-v5-c-login__main")).backgroundColor,
      dark: login.documentElement.classList.contains("pf-v5-theme-dark"),
      brandCss: !!login.querySelector("link[href*='/keyward-brand/brand.css']"),
    };
  }, frame);
}

/** A context whose console pages may log no error, and whose last access token the test can use outside the page. */
async function open(browser, mode, height = 900) {
  const context = await browser.newContext({ colorScheme: mode, viewport: { width: 1280, height } });
  const page = await context.newPage();
  const tokens = {};
  page.on("console", (message) => {
    const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(message.text());
    if (message.type() === "error" && page.url().includes("/keyward/console/") && !(status && provoked.has(Number(status[1])))) {
      report.failures.push(`browser log (${mode}) at ${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => report.failures.push(`page error (${mode}) at ${page.url()}: ${error.message}`));
  page.on("request", (request) => {
    if (request.url().endsWith("/protocol/openid-connect/token") && (request.postData() ?? "").includes("grant_type=refresh_token")) {
      tokens.renewals = (tokens.renewals ?? 0) + 1;
    }
  });
  page.on("response", async (response) => {
    if (response.url().endsWith("/protocol/openid-connect/token") && response.ok()) {
      tokens.access = (await response.json().catch(() => ({}))).access_token ?? tokens.access;
    }
  });
  return { context, page, tokens };
}

async function ready(page) {
  await page.waitForSelector("#kw-main[data-kw-ready='true']", { timeout: 20000 });
}

async function signIn(page, realmName, user, password = user) {
  await page.goto(consoleUrl(realmName));
  await page.waitForSelector("#username", { timeout: 15000 });
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click("#kc-login");
  await ready(page);
}

async function openClient(page, clientId) {
  await page.click(`tr[data-client-id="${clientId}"] button`);
  await page.waitForSelector(`#kw-client-drawer[data-client-id="${clientId}"]`);
  await ready(page);
}

async function closeDrawer(page) {
  await page.click("#kw-drawer-close");
  await page.waitForSelector("#kw-client-drawer", { state: "detached" });
}

function check(page, name, mode, scope) {
  return checkAccessibility(page, { report, outDir, name, mode, scope });
}

/**
 * Flips a profile switch, the drawer's (kw-profile) or the realm view's (kw-realm-profile): opens its dialog, checks
 * it when named, confirms, then waits for the profile shown to become `to`, or without one for the dialog to close.
 */
async function switchProfile(page, area, { to, screenshot } = {}) {
  await page.click(`#${area} [data-action='${area.replace(/^kw-/, "")}']`);
  await page.waitForSelector(`#${area}-change-modal`);
  if (screenshot) {
    await check(page, screenshot, "light", `#${area}-change-modal`);
  }
  await page.click(`#${area}-change-confirm`);
  await (to ? page.waitForSelector(`#${area}[data-profile='${to}']`) : page.waitForSelector(`#${area}-change-modal`, { state: "detached" }));
}

/** The master admin's access token, for arranging and verifying through the admin REST API beside the page. */
async function adminToken() {
  const response = await fetch(`${base}/realms/master/protocol/openid-connect/token`, { method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "admin-cli", username: admin.user, password: admin.password }) });
  return (await response.json()).access_token;
}

async function rest(path, token, options = {}) {
  return fetch(path, { ...options, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...options.headers } });
}

async function reportedClient(clientId) {
  const response = await rest(api(`compliance?client=${encodeURIComponent(clientId)}`), await adminToken());
  return (await response.json()).clients[0];
}

/** One checked step; a failure is recorded with what Playwright was waiting for and a screenshot, and the run goes on. */
async function step(name, page, body) {
  try {
    await body();
    report.steps.push({ step: name, passed: true });
  } catch (error) {
    report.steps.push({ step: name, passed: false });
    report.failures.push(`${name}: ${error.message.split("\n").slice(0, 3).join(" ")}`);
    await page.screenshot({ path: join(outDir, `${name.replace(/[^a-z0-9]+/gi, "-")}-FAILED.png`), fullPage: true }).catch(() => {});
  }
}

/** Only view-clients: the right verdicts, no button to change anything, and the server refuses a change with 403. */
async function viewer(browser) {
  const { context, page, tokens } = await open(browser, "light");
  await step("viewer sees the realm's verdicts", page, async () => {
    await signIn(page, realm, "viewer");
    for (const [clientId, verdict] of Object.entries(expected.verdicts)) {
      const row = page.locator(`tr[data-client-id="${clientId}"]`);
      expect(await row.count() === 1, `no row for ${clientId}`);
      const shown = await row.getAttribute("data-verdict");
      expect(shown === verdict, `${clientId} shows ${shown}, the report says ${verdict}`);
    }
  });
  await step("viewer gets no fix, grant, revoke or profile button", page, async () => {
    await openClient(page, expected.fix.clientId);
    for (const selector of ["[data-action='fix']", "[data-action='revoke']", "#kw-grant-form", "#kw-tab-brand", "[data-action='profile']",
      "[data-action='realm-profile']"]) {
      expect(await page.locator(selector).count() === 0, `a viewer sees ${selector}`);
    }
  });
  await step("the server refuses the viewer's change with 403", page, async () => {
    expect(tokens.access, "no access token was seen");
    const fix = await rest(api("compliance/fixes"), tokens.access, { method: "POST", body: JSON.stringify({
      clientId: expected.fix.clientId, rule: expected.fix.rule, setting: expected.fix.setting, version: "any" }) });
    expect(fix.status === 403, `POST compliance/fixes answered ${fix.status}`);
    const grant = await rest(api("exemptions"), tokens.access, { method: "PUT", body: JSON.stringify({
      clientId: expected.exempt.clientId, rule: expected.exempt.rule, reason: "test", expires: "2099-01-01" }) });
    expect(grant.status === 403, `PUT exemptions answered ${grant.status}`);
  });
  await context.close();
}

/** manage-clients: fix, exemption, stale fix, evidence, trend, sign-out. */
async function manager(browser) {
  const { context, page, tokens } = await open(browser, "light");
  await step("manager applies a one-click fix and the row turns compliant", page, async () => {
    await signIn(page, realm, "manager");
    await openClient(page, expected.fix.clientId);
    await page.click(`li[data-rule="${expected.fix.rule}"][data-setting="${expected.fix.setting}"] [data-action='fix']`);
    await page.waitForSelector("#kw-fix-modal");
    expect((await page.textContent("#kw-fix-before")).includes(expected.fix.before), "the dialog does not show the value before");
    expect((await page.textContent("#kw-fix-after")).includes(expected.fix.after), "the dialog does not show the value after");
    await page.click("#kw-fix-confirm");
    await page.waitForSelector("#kw-alerts .pf-m-success");
    await page.waitForSelector(`tr[data-client-id="${expected.fix.clientId}"][data-verdict="${expected.fix.verdictAfter}"]`);
    const stored = await reportedClient(expected.fix.clientId);
    expect(!stored.findings.some((f) => f.setting === expected.fix.setting), "the report still has the finding");
  });
  await step("manager grants an exemption with expiry and revokes it", page, async () => {
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/clients/${encodeURIComponent(expected.exempt.clientId)}`);
    await page.waitForSelector(`#kw-client-drawer[data-client-id="${expected.exempt.clientId}"]`);
    await ready(page);
    const expires = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    await page.selectOption("#kw-grant-rule", expected.exempt.rule);
    await page.fill("#kw-grant-reason", "Migrating: partner app release 4.2");
    await page.fill("#kw-grant-expires", expires);
    await page.click("#kw-grant-submit");
    const revoke = `[data-action='revoke'][data-rule="${expected.exempt.rule}"]`;
    await page.waitForSelector(revoke);
    const granted = (await reportedClient(expected.exempt.clientId)).exemptions.find((e) => e.rule === expected.exempt.rule);
    expect(granted && granted.expires.startsWith(expires), `the exemption stored is ${JSON.stringify(granted)}`);
    await page.click(revoke);
    await page.waitForSelector("#kw-revoke-modal");
    await check(page, "revoke-dialog", "light", "#kw-revoke-modal");
    await page.click("#kw-revoke-confirm");
    await page.waitForSelector(revoke, { state: "detached" });
    const left = (await reportedClient(expected.exempt.clientId)).exemptions.filter((e) => e.source === "granted");
    expect(left.length === 0, `exemptions left: ${JSON.stringify(left)}`);
  });
  await step("manager holds a client to FAPI 2.0, refused while enforced, then sees what it lacks and returns it", page, async () => {
    const { clientId } = expected.profile;
    const token = await adminToken();
    const realmUrl = `${base}/admin/realms/${encodeURIComponent(realm)}`;
    // Keycloak's realm PUT drops the attributes it is not given, so the whole realm goes back with the one changed.
    const fapi2Mode = async (mode) => {
      const current = await (await rest(realmUrl, token)).json();
      const put = await rest(realmUrl, token, { method: "PUT", body: JSON.stringify({ ...current,
        attributes: { ...current.attributes, "keyward.fapi2.mode": mode } }) });
      expect(put.status === 204, `setting keyward.fapi2.mode answered ${put.status}`);
    };
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/clients/${encodeURIComponent(clientId)}`);
    await page.waitForSelector(`#kw-client-drawer[data-client-id="${clientId}"] #kw-profile[data-profile="oauth21"]`);
    await ready(page);

    await fapi2Mode("enforce");
    provoked.add(400);
    try {
      await switchProfile(page, "kw-profile");
      await page.waitForSelector("#kw-client-drawer .kw-notices .pf-m-danger >> text=fapi2-");
    } finally {
      provoked.delete(400);
      await fapi2Mode("");
    }
    expect((await reportedClient(clientId)).profile === "oauth21", "a refused change was stored");

    await switchProfile(page, "kw-profile", { to: "fapi2", screenshot: "profile-dialog" });
    await page.waitForSelector("li.kw-finding[data-rule^='fapi2-']");
    const raised = await reportedClient(clientId);
    expect(raised.profile === "fapi2" && raised.realmProfile === "oauth21", `the report says ${raised.profile} over ${raised.realmProfile}`);

    await switchProfile(page, "kw-profile", { to: "oauth21" });
    const back = await reportedClient(clientId);
    expect(back.profile === "oauth21" && !back.findings.some((f) => f.rule.startsWith("fapi2-")),
      `after returning: ${back.profile}, ${back.findings.map((f) => f.rule)}`);
  });
  await step("manager holds the realm to FAPI 2.0 and returns it, and the realm loses nothing on the way", page, async () => {
    const realmUrl = `${base}/admin/realms/${encodeURIComponent(realm)}`;
    const withoutProfile = (attributes) => JSON.stringify(Object.entries(attributes).filter(([key]) => key !== "keyward.profile").sort());
    const before = (await (await rest(realmUrl, await adminToken())).json()).attributes;
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}`);
    await page.waitForSelector("#kw-realm-profile[data-profile='oauth21']");
    await ready(page);
    // The modes table says which rules are FAPI 2.0's: raising the realm puts them to work.
    await page.waitForSelector("#kw-modes-table tr[data-profile='fapi2']");
    await page.waitForSelector("#kw-modes-table tr[data-profile='oauth21']");
    await switchProfile(page, "kw-realm-profile", { to: "fapi2", screenshot: "realm-profile-dialog" });
    const raised = await reportedClient(expected.profile.clientId);
    expect(raised.profile === "fapi2" && raised.realmProfile === "fapi2", `the report says ${raised.profile} from ${raised.realmProfile}`);
    expect((await reportedClient("keyward-console")).profile === "oauth21", "the realm's profile raised the console's own client");
    await switchProfile(page, "kw-realm-profile", { to: "oauth21" });
    const after = (await (await rest(realmUrl, await adminToken())).json()).attributes;
    expect(withoutProfile(after) === withoutProfile(before), "the realm's other attributes changed on the way");
    expect((await reportedClient(expected.profile.clientId)).profile === "oauth21", "the client is still held to FAPI 2.0");
  });
  await step("a stale fix shows the 409 message and changes nothing", page, async () => {
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/clients/${encodeURIComponent(expected.stale.clientId)}`);
    await page.waitForSelector(`#kw-client-drawer[data-client-id="${expected.stale.clientId}"]`);
    await ready(page);
    // Someone else changes the client after the page read it.
    const token = await adminToken();
    const clients = await (await rest(`${base}/admin/realms/${encodeURIComponent(realm)}/clients?clientId=${expected.stale.clientId}`, token)).json();
    const changed = { ...clients[0], redirectUris: [...clients[0].redirectUris, "https://stale.example/other-cb"] };
    const put = await rest(`${base}/admin/realms/${encodeURIComponent(realm)}/clients/${clients[0].id}`, token, { method: "PUT", body: JSON.stringify(changed) });
    expect(put.status === 204, `updating the client answered ${put.status}`);
    await page.click(`li[data-rule="${expected.stale.rule}"][data-setting="${expected.stale.setting}"] [data-action='fix']`);
    await page.waitForSelector("#kw-fix-modal");
    provoked.add(409);
    await page.click("#kw-fix-confirm");
    await page.waitForSelector("[data-kind='conflict']");
    provoked.delete(409);
    const stored = await reportedClient(expected.stale.clientId);
    expect(stored.findings.some((f) => f.setting === expected.stale.setting), "the stale fix was applied anyway");
  });
  await step("the runtime evidence shows the redirect URI the client sent", page, async () => {
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/clients/${encodeURIComponent(expected.evidence.clientId)}`);
    await page.waitForSelector(`#kw-client-drawer[data-client-id="${expected.evidence.clientId}"]`);
    await ready(page);
    await page.waitForSelector("#kw-evidence-table");
    expect((await page.textContent("#kw-evidence-table")).includes(expected.evidence.redirectUri),
      `the evidence does not show ${expected.evidence.redirectUri}`);
    // A public client: the drawer says how its refresh tokens are protected, as the report does.
    const reported = await reportedClient(expected.evidence.clientId);
    expect(reported.refreshTokens === "rotation", `the report says refreshTokens ${reported.refreshTokens} for a public client`);
    expect((await page.textContent("#kw-refresh-tokens")).includes("rotated"), "the drawer does not say the refresh tokens are rotated");
  });
  await step("the brand preview shows the realm's login page in both schemes, painted with what is typed", page, async () => {
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/brand`);
    await page.waitForSelector("#kw-brand-form");
    await ready(page);
    await page.fill("#kw-brand-displayName", "Console Test Sign-in");
    await page.fill("#kw-brand-primary-color", "#0b6e4f");
    await page.fill("#kw-brand-dark-primary-color", "#0066cc");
    expect((await page.textContent("#kw-brand-dark-primary-color-warning")).includes("dark page"),
      "no early warning for a dark-mode colour that is too dark for the dark page");
    await page.fill("#kw-brand-dark-primary-color", "");
    const light = await framedLogin(page, "light");
    expect(light.header.includes("Console Test Sign-in"), `the light preview's header says "${light.header}"`);
    expect(light.button === "rgb(11, 110, 79)", `the light preview's button is ${light.button}, not the typed #0b6e4f`);
    expect(!light.dark && light.brandCss, "the light preview is not the keyward login page in light mode");
    const dark = await framedLogin(page, "dark");
    expect(dark.dark && dark.button === "rgb(31, 167, 248)", `the dark preview is not dark with the default dark primary: ${JSON.stringify(dark)}`);
    expect(dark.card === "rgb(38, 41, 45)", `the dark preview's card is ${dark.card}, not the dark page the server judges against`);
    const note = await page.locator("#kw-brand-note-light").textContent();
    expect(note === "", `the light preview shows a note: ${note}`);
  });
  await step("manager saves a brand, and a colour pair below WCAG AA is refused with the reason", page, async () => {
    await page.goto(`${consoleUrl(realm)}#/realms/${encodeURIComponent(realm)}/brand`);
    await page.waitForSelector("#kw-brand-form");
    await ready(page);
    await page.fill("#kw-brand-primary-color", "#ffdd00");
    expect((await page.textContent("#kw-brand-primary-color-warning")).includes("3:1"), "no early warning for a pale primary colour");
    provoked.add(400);
    await page.click("#kw-brand-save");
    await page.waitForSelector("#kw-brand-error .pf-v5-c-alert");
    provoked.delete(400);
    expect((await page.textContent("#kw-brand-error")).includes("WCAG 2.2 AA needs at least 3.0:1"), "the refusal does not say why");
    await check(page, "brand-refused", "light");
    const token = await adminToken();
    const before = await (await rest(`${base}/admin/realms/${encodeURIComponent(realm)}/keyward-brand`, token)).json();
    expect(before.attributes.find((a) => a.key === "keyward.brand.primary-color").value == null, "a refused colour was stored");
    await page.fill("#kw-brand-primary-color", "#0b6e4f");
    const saved = page.waitForResponse((response) => response.url().endsWith("/keyward-brand") && response.request().method() === "PUT");
    await page.click("#kw-brand-save");
    expect((await saved).status() === 200, "saving the brand was refused");
    await page.waitForSelector("#kw-alerts .pf-m-success >> text=Brand saved");
    const after = await (await rest(`${base}/admin/realms/${encodeURIComponent(realm)}/keyward-brand`, token)).json();
    expect(after.attributes.find((a) => a.key === "keyward.brand.primary-color").value === "#0b6e4f", "the colour was not saved");
    await page.fill("#kw-brand-displayName", "Console Test Sign-in");
    await page.click("#kw-brand-save");
    await page.waitForSelector("#kw-alerts .pf-m-success >> text=Brand saved");
    const realmNow = await (await rest(`${base}/admin/realms/${encodeURIComponent(realm)}`, token)).json();
    expect(realmNow.displayName === "Console Test Sign-in", `the product name was not saved as the display name: ${realmNow.displayName}`);
  });
  // The realm's access tokens live 20 s: the manager's steps outlast several, renewed before they expire.
  await step("the console renews its tokens before they expire", page, async () => {
    if (!tokens.renewals) {
      await page.waitForRequest((request) => request.url().endsWith("/protocol/openid-connect/token")
        && (request.postData() ?? "").includes("grant_type=refresh_token"), { timeout: 30000 });
    }
    await page.click("#kw-tab-trend");
    await ready(page);
    expect(await page.locator("#kw-session-ended").count() === 0, "the console says the session ended");
  });
  await step("sign-out ends the Keycloak session", page, async () => {
    await page.click("#kw-sign-out");
    await page.waitForSelector("#kw-signed-out", { timeout: 15000 });
    await page.goto(consoleUrl(realm));
    await page.waitForSelector("#username", { timeout: 15000 });
  });
  await context.close();
}

/** The focused element: a selector-like name, whether a focus indicator shows, and where it is. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.dataset.action ? `[data-action=${element.dataset.action}]` : ""}`;
    return { name, visible, text: element.textContent.trim().slice(0, 40), inDrawer: !!element.closest("#kw-client-drawer"),
      inDialog: !!element.closest("#kw-fix-modal"), row: element.closest("tr")?.dataset.clientId ?? null, main: element.id === "kw-main" };
  });
}

/**
 * Presses Tab until `wanted(focus)` holds, at most `limit` times; every element focused on the way must show a focus
 * indicator (WCAG 2.4.7). Returns the focus reached.
 */
async function tabTo(page, wanted, what, limit = 120, key = "Tab") {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    const focus = await focused(page);
    expect(focus.visible, `${focus.name} ("${focus.text}") takes focus without a visible indicator`);
    if (wanted(focus)) {
      return focus;
    }
  }
  throw new Error(`${limit} presses of Tab did not reach ${what}`);
}

/** Sign-in, the realm view, the client drawer, the fix dialog and the tabs with the keyboard alone. */
async function keyboard(browser) {
  const { context, page } = await open(browser, "light");
  await step("the console works with the keyboard alone, with visible focus", page, async () => {
    await page.goto(consoleUrl(realm));
    await page.waitForSelector("#username", { timeout: 15000 });
    if ((await focused(page)).name !== "input#username") {
      await tabTo(page, (focus) => focus.name === "input#username", "the username field");
    }
    await page.keyboard.type("manager");
    await tabTo(page, (focus) => focus.name === "input#password", "the password field");
    await page.keyboard.type("manager");
    await page.keyboard.press("Enter");
    await ready(page);
    await page.waitForSelector(`tr[data-client-id="${expected.stale.clientId}"]`);

    await tabTo(page, (focus) => focus.name === "a#kw-skip", "the skip link", 3);
    await page.keyboard.press("Enter");
    expect((await focused(page)).main, "the skip link does not move focus to the main content");
    await tabTo(page, (focus) => focus.row === expected.stale.clientId, `the row of ${expected.stale.clientId}`);
    await page.keyboard.press("Enter");
    await page.waitForSelector(`#kw-client-drawer[data-client-id="${expected.stale.clientId}"]`);
    await ready(page);
    expect((await focused(page)).inDrawer, "opening a client does not move focus into its drawer");

    await tabTo(page, (focus) => focus.inDrawer && focus.name.includes("[data-action=fix]"), "a fix button in the drawer");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#kw-fix-modal");
    expect((await focused(page)).inDialog, "the fix dialog does not take focus");
    for (let press = 0; press < 8; press++) {
      await page.keyboard.press(press % 2 ? "Shift+Tab" : "Tab");
      await page.keyboard.press("Tab");
      expect((await focused(page)).inDialog, "focus leaves the open fix dialog");
    }
    await page.keyboard.press("Escape");
    await page.waitForSelector("#kw-fix-modal", { state: "detached" });
    expect((await focused(page)).name.includes("[data-action=fix]"), "closing the dialog does not give focus back to its button");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#kw-client-drawer", { state: "detached" });
    expect((await focused(page)).row === expected.stale.clientId, "closing the drawer does not give focus back to the client's row");

    await tabTo(page, (focus) => focus.name === "a#kw-tab-trend", "the Trend tab", 120, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#kw-trend-chart");
    await ready(page);
  });
  await context.close();
}

/** Every view and open state, without changing anything: axe and a screenshot in this colour mode. */
async function tour(browser, mode) {
  // Tall enough for the realm view's table to show in the screenshots (docs/images).
  const { context, page } = await open(browser, mode, 1400);
  await step(`tour (${mode})`, page, async () => {
    await signIn(page, "master", admin.user, admin.password);
    await page.waitForSelector("#kw-server-view");
    await check(page, "server", mode);
    await page.click(`a[data-realm="${realm}"]`);
    await page.waitForSelector("#kw-realm-view");
    await ready(page);
    await check(page, "realm", mode);
    await openClient(page, expected.stale.clientId);
    await check(page, "client-drawer", mode);
    await page.click(`li[data-rule="${expected.stale.rule}"][data-setting="${expected.stale.setting}"] [data-action='fix']`);
    await page.waitForSelector("#kw-fix-modal");
    await check(page, "fix-dialog", mode);
    await page.click("#kw-fix-cancel");
    await page.waitForSelector("#kw-fix-modal", { state: "detached" });
    await closeDrawer(page);
    await page.click("#kw-tab-trend");
    await page.waitForSelector("#kw-trend-chart");
    await ready(page);
    await check(page, "trend", mode);
    await page.click("#kw-tab-brand");
    await page.waitForSelector("#kw-brand-form");
    await ready(page);
    for (const scheme of ["light", "dark"]) {
      // Each preview keeps its scheme whatever the system's: readable text on its card.
      const login = await framedLogin(page, scheme);
      expect(contrast(login.title, login.card) >= 4.5, `the ${scheme} preview's title ${login.title} is unreadable on ${login.card}`);
    }
    await check(page, "brand", mode);
    await page.click("#kw-sign-out");
    await page.waitForSelector("#kw-signed-out", { timeout: 15000 });
    await check(page, "signed-out", mode);
  });
  await context.close();
}

const browser = await launch();
try {
  await viewer(browser);
  await manager(browser);
  await keyboard(browser);
  for (const mode of ["light", "dark"]) {
    await tour(browser, mode);
  }
} finally {
  await browser.close();
}

writeFileSync(join(outDir, "report.json"), JSON.stringify(report, null, 2));
for (const failure of report.failures) {
  console.error(failure);
}
console.log(`console.mjs: ${report.steps.length} steps, ${report.pages.length} page checks, ${report.failures.length} failures;`
  + ` screenshots and report.json in ${outDir}`);
process.exit(report.failures.length === 0 ? 0 : 1);
