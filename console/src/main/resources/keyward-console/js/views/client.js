// The client drawer: one client's findings (with one-click fixes), runtime evidence, exemptions and their history.
import { deleteExemption, getEvidence, getExemptionEvents, getModes, getReport, postFix, putClientProfile, putExemption } from '../api.js';
import {
  alertBox, button, confirmChange, drawerPanel, emptyState, errorAlert, formControl, formGroup, h, label, loader, notify, select, spinner, table, th,
} from '../dom.js';
import { formatDate, formatDateTime, formatNumber, t } from '../i18n.js';

/** Keyward's default longest exemption, used when the realm's modes may not be read (they need view-realm). */
const DEFAULT_EXEMPTION_DAYS = 90;
const VERDICT_COLORS = { compliant: 'green', breaks: 'red', exempted: 'gold' };
const OUTCOME_COLORS = { breaks: 'red', refused: 'red', reported: 'orange', exempted: 'gold', changes: 'blue' };
const EVENT_ACTIONS = { CREATE: 'granted', UPDATE: 'changed', DELETE: 'revoked' };
const exemptionLimits = new Map();

export function verdictLabels(client) {
  const labels = h('span', { class: 'kw-labels' }, label(t(`verdict.${client.verdict}`), VERDICT_COLORS[client.verdict]));
  if (['compliant', 'exempted'].includes(client.verdict) && client.verdictWhenEnforced === 'breaks') {
    labels.append(label(t('verdict.breaks-when-enforced'), 'orange'));
  }
  return labels;
}

function outcomeLabel(outcome) {
  return label(t(`outcome.${outcome}`), OUTCOME_COLORS[outcome]);
}

function shown(value) {
  return value === '' || value === null || value === undefined ? t('value.not-set') : String(value);
}

function details(pairs) {
  return h('dl', { class: 'pf-v5-c-description-list pf-m-horizontal pf-m-compact' }, pairs.map(([term, value]) =>
    h('div', { class: 'pf-v5-c-description-list__group' },
      h('dt', { class: 'pf-v5-c-description-list__term' }, h('span', { class: 'pf-v5-c-description-list__text' }, term)),
      h('dd', { class: 'pf-v5-c-description-list__description' }, h('div', { class: 'pf-v5-c-description-list__text kw-break' }, value)))));
}

function part(id, title, ...children) {
  return h('div', { id, class: 'kw-part' }, h('h3', { class: 'pf-v5-c-title pf-m-lg' }, title), children);
}

/** Which profile holds the client, and who raised it: its realm (or the server), or the client's own keyward.profile. */
function profileText(client) {
  if (client.profile !== 'fapi2') {
    return t('client.profile-oauth21');
  }
  return t(client.realmProfile === 'fapi2' ? 'client.profile-fapi2-realm' : 'client.profile-fapi2-own');
}

function profilePart(client, onChange) {
  return h('div', { id: 'kw-profile', 'data-profile': client.profile },
    h('p', null, profileText(client)),
    onChange && client.realmProfile !== 'fapi2' && button(t(client.profile === 'fapi2' ? 'profile.lower' : 'profile.raise'), {
      variant: 'secondary', 'data-action': 'profile', onclick: (event) => onChange(event.currentTarget),
    }));
}

function findingItem(finding, onFix) {
  return h('li', { class: 'kw-finding', 'data-rule': finding.rule, 'data-setting': finding.setting },
    h('h4', { class: 'pf-v5-c-title pf-m-md' }, finding.rule, ' ', outcomeLabel(finding.outcome)),
    details([[t('finding.setting'), finding.setting], [t('finding.value'), shown(finding.value)], [t('finding.fix'), finding.fix]]),
    finding.description && h('p', null, finding.description),
    onFix && finding.oneClickFix && button(t('fix.button', finding.fix), {
      'data-action': 'fix', onclick: (event) => onFix(finding, event.currentTarget),
    }));
}

function findingsPart(findings, onFix) {
  return part('kw-findings', t('findings.title'), findings.length === 0
    ? h('p', null, t('findings.none'))
    : h('ul', { class: 'kw-findings' }, findings.map((finding) => findingItem(finding, onFix))));
}

function evidencePart(runtime, evidence) {
  const uris = runtime?.redirectUrisSeen ?? [];
  return part('kw-evidence', t('evidence.title'),
    runtime?.count > 0 && h('p', null, t('evidence.summary', formatNumber(runtime.count), formatDateTime(runtime.lastSeen))),
    evidence.length === 0
      ? emptyState({ title: t('evidence.none'), body: t('evidence.none-body'), level: 4 })
      : table({
        id: 'kw-evidence-table', caption: t('evidence.caption'),
        head: ['time', 'request', 'rule', 'outcome', 'setting', 'value', 'reason'].map((column) => th(t(`evidence.${column}`))),
        rows: evidence.map((item) => h('tr', null, h('td', null, formatDateTime(item.time)), h('td', null, item.request),
          h('td', null, item.rule), h('td', null, outcomeLabel(item.outcome)), h('td', null, item.setting),
          h('td', { class: 'kw-break' }, shown(item.value)), h('td', { class: 'kw-break' }, item.reason))),
      }),
    uris.length > 0 && [
      h('h4', { class: 'pf-v5-c-title pf-m-md' }, t('evidence.uris')),
      h('ul', { class: 'kw-uris' }, uris.map((uri) => h('li', { class: 'kw-break' }, h('code', null, uri)))),
      h('p', { class: 'kw-muted' }, t('evidence.uris-hint')),
    ]);
}

function exemptionRow(exemption, onRevoke) {
  const builtin = exemption.source !== 'granted';
  return h('tr', null,
    h('td', null, exemption.rule, builtin && [' ', label(t('exemption.builtin'))]),
    h('td', { class: 'kw-break' }, exemption.reason),
    h('td', null, exemption.expires ? formatDate(exemption.expires) : t('exemption.no-expiry')),
    h('td', null, exemption.grantedBy ?? t('value.unknown')),
    onRevoke && h('td', null, !builtin && button(t('revoke.button', exemption.rule), {
      variant: 'link', class: 'pf-m-inline pf-m-danger', 'data-action': 'revoke', 'data-rule': exemption.rule,
      onclick: (event) => onRevoke(exemption, event.currentTarget),
    })));
}

/** A local calendar day `days` from today, as an input of type date wants it. */
function dayFromToday(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (number) => String(number).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function grantForm(rules, limit, onGrant) {
  if (limit <= 0) {
    return h('p', null, t('grant.disabled'));
  }
  const error = h('div', { id: 'kw-grant-error', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'kw-grant-submit', class: 'pf-v5-c-button pf-m-primary' }, t('grant.submit'));
  const form = h('form', { id: 'kw-grant-form', class: 'pf-v5-c-form', 'aria-labelledby': 'kw-grant-title' },
    h('h4', { id: 'kw-grant-title', class: 'pf-v5-c-title pf-m-md' }, t('grant.title')),
    formGroup('kw-grant-rule', t('grant.rule'), select({ id: 'kw-grant-rule', name: 'rule', required: true },
      rules.map((rule) => ({ value: rule, text: rule })))),
    formGroup('kw-grant-reason', t('grant.reason'),
      formControl(h('textarea', { id: 'kw-grant-reason', name: 'reason', rows: 2, required: true }))),
    formGroup('kw-grant-expires', t('grant.expires'), formControl(h('input', {
      id: 'kw-grant-expires', name: 'expires', type: 'date', required: true, min: dayFromToday(1), max: dayFromToday(limit),
      'aria-describedby': 'kw-grant-expires-help',
    })), t('grant.expires-help', limit)),
    error,
    h('div', { class: 'pf-v5-c-form__group pf-m-action' }, h('div', { class: 'pf-v5-c-form__actions' }, submit)));
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    error.replaceChildren();
    const data = new FormData(form);
    try {
      await onGrant({ rule: data.get('rule'), reason: data.get('reason').trim(), expires: data.get('expires') });
    } catch (failure) {
      error.replaceChildren(errorAlert(failure));
    } finally {
      busy = false;
    }
  });
  return form;
}

function exemptionsPart(client, onRevoke, form) {
  const active = (client.exemptions ?? []).filter((exemption) => exemption.active);
  const head = ['rule', 'reason', 'expires', 'granted-by'].map((column) => th(t(`exemption.${column}`)));
  return part('kw-exemptions', t('exemptions.title'),
    active.length === 0
      ? h('p', null, t('exemptions.none'))
      : table({ caption: t('exemptions.caption'), head: [head, onRevoke && th(t('exemption.actions'))], rows: active.map((exemption) => exemptionRow(exemption, onRevoke)) }),
    form);
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Expired grants from the report, and grants and revokes from admin events, newest first. */
function historyEntries(exemptions, events) {
  const expired = exemptions.filter((exemption) => !exemption.active && exemption.source === 'granted')
    .map((exemption) => ({ ...exemption, time: exemption.expires, action: 'expired', by: exemption.grantedBy }));
  const changes = events.map((event) => ({
    ...parseJson(event.representation),
    time: event.time, action: EVENT_ACTIONS[event.operationType] ?? 'changed', rule: event.resourcePath.split('/').at(-1), by: event.authDetails?.userId,
  }));
  return [...expired, ...changes].sort((a, b) => new Date(b.time) - new Date(a.time));
}

function historyPart(exemptions, events) {
  const entries = historyEntries(exemptions, events);
  return part('kw-exemption-history', t('history.title'),
    entries.length === 0 ? h('p', null, t('history.none')) : table({
      caption: t('history.caption'),
      head: ['time', 'action', 'rule', 'by', 'reason', 'expires'].map((column) => th(t(`history.${column}`))),
      rows: entries.map((entry) => h('tr', null, h('td', null, formatDateTime(entry.time)), h('td', null, t(`history.${entry.action}`)),
        h('td', null, entry.rule), h('td', { class: 'kw-break' }, entry.by ?? t('value.unknown')), h('td', { class: 'kw-break' }, entry.reason ?? ''),
        h('td', null, entry.expires ? formatDate(entry.expires) : ''))),
    }),
    events.length === 0 && h('p', { class: 'kw-muted' }, t('history.needs-events')));
}

function exemptionLimit(ctx, realm) {
  if (!ctx.access.canViewRealm(realm)) {
    return Promise.resolve(DEFAULT_EXEMPTION_DAYS);
  }
  if (!exemptionLimits.has(realm)) {
    exemptionLimits.set(realm, getModes(realm).then((modes) => modes.exemptionMaxDays ?? DEFAULT_EXEMPTION_DAYS).catch(() => DEFAULT_EXEMPTION_DAYS));
  }
  return exemptionLimits.get(realm);
}

/** Admin events, when the user may read them; refused or switched off alike, the history then says what it needs. */
function exemptionEvents(ctx, realm, clientId) {
  return ctx.access.canViewEvents(realm) ? getExemptionEvents(realm, clientId).catch(() => []) : Promise.resolve([]);
}

/** The drawer panel for one client; it loads itself, and calls onChanged after a fix, grant or revoke. */
export function clientPanel(ctx, { realm, clientId, onClose, onChanged }) {
  const canManage = ctx.access.canManage(realm);
  const notices = h('div', { class: 'kw-notices', 'aria-live': 'polite' });
  const content = h('div', { class: 'kw-stack' }, spinner());
  const element = drawerPanel({ id: 'kw-client-drawer', closeId: 'kw-drawer-close', title: clientId, onClose, body: [notices, content] });
  element.setAttribute('data-client-id', clientId);
  const heading = () => element.querySelector('h2');

  /** Redraws part of the panel; focus inside it would go with the old nodes, so it moves to the heading. */
  function redraw(container, ...children) {
    const hadFocus = container.contains(document.activeElement);
    container.replaceChildren(...children);
    if (hadFocus) {
      heading().focus();
    }
  }

  function refresh() {
    redraw(notices);
    load();
    onChanged();
  }

  function conflictAlert() {
    return alertBox('danger', t('fix.conflict'), {
      detail: t('fix.conflict-detail'), attrs: { 'data-kind': 'conflict' },
      actions: [button(t('action.reload'), { variant: 'link', class: 'pf-m-inline', onclick: refresh })],
    });
  }

  /** A change confirmed in a dialog; afterwards the panel reloads, or shows why the change failed. */
  const confirm = (dialog, opener) => confirmChange({
    ...dialog, opener, fallbackFocus: heading, onDone: refresh,
    onFailure: (error) => redraw(notices, error.status === 409 ? conflictAlert() : errorAlert(error)),
  });

  const fix = (client, finding, opener) => confirm({
    id: 'kw-fix', title: t('fix.title', finding.rule), confirmText: t('fix.confirm'), variant: 'primary',
    body: [h('p', null, t('fix.intro', finding.setting, clientId)), details([
      [t('fix.before'), h('span', { id: 'kw-fix-before' }, shown(finding.value))],
      [t('fix.after'), h('span', { id: 'kw-fix-after' }, shown(finding.fixValue))]])],
    run: async () => (await postFix(realm, { clientId, rule: finding.rule, setting: finding.setting, version: client.version })).message
      || t('fix.done', finding.setting),
  }, opener);

  /** Raises the client to FAPI 2.0 by its own keyward.profile, or returns it to its realm's profile. */
  const changeProfile = (client, opener) => {
    const raise = client.profile !== 'fapi2';
    confirm({
      id: 'kw-profile-change', title: t(raise ? 'profile.raise-title' : 'profile.lower-title', clientId), confirmText: t('profile.confirm'),
      variant: 'primary', body: h('p', null, t(raise ? 'profile.raise-body' : 'profile.lower-body', clientId)),
      run: async () => {
        await putClientProfile(realm, clientId, raise ? 'fapi2' : '');
        return t(raise ? 'profile.raised' : 'profile.lowered', clientId);
      },
    }, opener);
  };

  const revoke = (exemption, opener) => confirm({
    id: 'kw-revoke', title: t('revoke.title', exemption.rule), confirmText: t('revoke.confirm'), variant: 'danger',
    body: h('p', null, t('revoke.body', exemption.rule, clientId)),
    run: async () => {
      await deleteExemption(realm, clientId, exemption.rule);
      return t('revoke.done', exemption.rule, clientId);
    },
  }, opener);

  async function grant(exemption) {
    await putExemption(realm, { clientId, ...exemption });
    notify('success', t('grant.done', exemption.rule, clientId));
    refresh();
  }

  function render(report, evidence, limit, events) {
    const client = report.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) {
      redraw(content, emptyState({ title: t('client.missing', clientId, realm), level: 3 }));
      return;
    }
    redraw(content,
      h('p', null, verdictLabels(client)),
      profilePart(client, canManage && ((opener) => changeProfile(client, opener))),
      client.refreshTokens && h('p', { id: 'kw-refresh-tokens' }, t(`client.refresh-tokens-${client.refreshTokens}`)),
      findingsPart(client.findings ?? [], canManage && ((finding, opener) => fix(client, finding, opener))),
      evidencePart(client.runtime, evidence),
      exemptionsPart(client, canManage && revoke, canManage && grantForm(Object.keys(report.modes ?? {}), limit, grant)),
      historyPart(client.exemptions ?? [], events));
  }

  const load = loader(ctx, {
    fetch: () => Promise.all([getReport(realm, { client: clientId }), getEvidence(realm, clientId), exemptionLimit(ctx, realm),
      exemptionEvents(ctx, realm, clientId)]),
    show: (results) => render(...results),
    fail: (alert) => redraw(content, alert),
  });

  load();
  return { element };
}
