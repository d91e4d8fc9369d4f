// The server view: every realm's compliance at a glance, sorted in the browser (the list is one answer).
import { getRealms } from '../api.js';
import { emptyState, h, loader, nextSort, refocusSort, sortableTh, spinner, table } from '../dom.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';
import { realmHash } from './realm.js';

const MODES = ['enforce', 'report', 'off'];
/** Columns after the realm name and modes: summary fields, numbers all. */
const COUNTS = ['clients', 'compliant', 'breaks', 'breaksWhenEnforced', 'exempted', 'builtin'];

/** How many rules the realm runs in each mode (its effective mode, the realm one). */
function modeCounts(modes) {
  const rules = Object.values(modes ?? {});
  return Object.fromEntries(MODES.map((mode) => [mode, rules.filter((rule) => rule.realm === mode).length]));
}

function sortValue(entry, key) {
  if (key === 'realm') {
    return entry.realm;
  }
  return key === 'modes' ? modeCounts(entry.modes).enforce : entry.summary?.[key] ?? 0;
}

function sorted(realms, sort) {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a, b) => {
    const [left, right] = [sortValue(a, sort.key), sortValue(b, sort.key)];
    return typeof left === 'string' ? left.localeCompare(right) : left - right;
  };
  return [...realms].sort((a, b) => sign * compare(a, b) || a.realm.localeCompare(b.realm));
}

function realmRow(entry) {
  const counts = modeCounts(entry.modes);
  return h('tr', null,
    h('td', null, h('a', { href: realmHash(entry.realm), 'data-realm': entry.realm, class: 'kw-break' }, entry.realm)),
    h('td', null, t('modes.summary', counts.enforce, counts.report, counts.off)),
    COUNTS.map((field) => h('td', null, formatNumber(entry.summary?.[field]))));
}

export function serverView(ctx) {
  let sort = { key: 'realm', direction: 'ascending' };
  let realms = [];
  const generated = h('p', { class: 'kw-muted' });
  const tableArea = h('div', null, spinner());

  function render(sortUsed) {
    if (realms.length === 0) {
      tableArea.replaceChildren(emptyState({ title: t('server.none') }));
      return;
    }
    const onSort = (key) => {
      sort = nextSort(sort, key);
      render(key);
    };
    tableArea.replaceChildren(table({
      id: 'kw-realms-table', caption: t('server.caption'),
      head: ['realm', 'modes', ...COUNTS].map((key) => sortableTh(t(`server.${key}`), key, sort, onSort)),
      rows: sorted(realms, sort).map(realmRow),
    }));
    if (sortUsed) {
      refocusSort(tableArea, sortUsed);
    }
  }

  const load = loader(ctx, { area: tableArea, fetch: getRealms, show: (answer) => {
    realms = answer.realms ?? [];
    generated.textContent = t('server.generated', formatDateTime(answer.generatedAt));
    render();
  } });

  const element = h('div', { id: 'kw-server-view' },
    h('section', { class: 'pf-v5-c-page__main-section pf-m-light' },
      h('h1', { class: 'pf-v5-c-title pf-m-2xl' }, t('server.title')), h('p', null, t('server.intro')), generated),
    h('section', { class: 'pf-v5-c-page__main-section' }, tableArea));
  return { element, update: load };
}
