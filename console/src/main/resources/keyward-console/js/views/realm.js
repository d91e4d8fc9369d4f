// A realm's page: rule modes, the summary, the filtered and paged client table with its drawer, and the trend tab.
import { getReport, getReportCsv, putRealmProfile } from '../api.js';
import {
  button, confirmChange, drawer, emptyState, formControl, h, hiddenLabel, hidePanel, icon, loader, nextSort, notifyError, refocusSort, select, showPanel, sortableTh, spinner, table, th,
} from '../dom.js';
import { formatDate, formatDateTime, formatNumber, formatRelative, t } from '../i18n.js';
import { brandTab } from './brand.js';
import { clientPanel, verdictLabels } from './client.js';
import { trendTab } from './trend.js';

/** Summary buttons: the verdict filter each one sets, and the summary field it counts. */
const SUMMARY = [['', 'clients'], ['compliant', 'compliant'], ['breaks', 'breaks'], ['breaks-when-enforced', 'breaksWhenEnforced'],
  ['exempted', 'exempted'], ['builtin', 'builtin']];
const PAGE_SIZES = [20, 50, 100];
const SORTABLE = ['clientId', 'verdict', 'findings', 'runtime'];
const SEARCH_DELAY_MS = 250;

/** The hash of a realm's page, or of a place in it; every segment is encoded (client ids may contain `/`). */
export function realmHash(realm, ...segments) {
  return ['#/realms', ...[realm, ...segments].map(encodeURIComponent)].join('/');
}

const verdictText = (verdict) => (verdict ? t(`verdict.${verdict}`) : t('verdict.all'));

function modesTable(modes) {
  return table({
    id: 'kw-modes-table', caption: t('modes.caption'),
    head: ['rule', 'profile', 'server', 'realm', 'source'].map((column) => th(t(`modes.${column}`))),
    rows: Object.entries(modes).map(([rule, mode]) => h('tr', { 'data-profile': mode.profile },
      h('td', null, rule), h('td', null, t(`profile.name-${mode.profile}`)),
      h('td', null, t(`mode.${mode.server}`)), h('td', null, t(`mode.${mode.realm}`)),
      h('td', null, t(mode.realm === mode.server ? 'modes.from-server' : 'modes.from-realm')))),
  });
}

/** The realm's profile, and for a realm admin the switch that raises the realm to FAPI 2.0 or returns it. */
function profileLine(profile, onChange) {
  const raisedByServer = profile.server === 'fapi2';
  return h('div', { id: 'kw-realm-profile', 'data-profile': profile.realm },
    h('p', null, t(raisedByServer ? 'realm.profile-server' : `realm.profile-${profile.realm}`)),
    onChange && !raisedByServer && button(t(profile.realm === 'fapi2' ? 'realm-profile.lower' : 'realm-profile.raise'), {
      'data-action': 'realm-profile', onclick: (event) => onChange(event.currentTarget),
    }));
}

function summaryButtons(onPick) {
  const element = h('div', { id: 'kw-summary', class: 'kw-summary', role: 'group', 'aria-label': t('summary.label') },
    SUMMARY.map(([verdict, field]) => button([h('span', { class: 'kw-summary-count', 'data-field': field }), h('span', null, verdictText(verdict))],
      { class: 'kw-summary-item', 'data-filter': verdict, 'aria-pressed': 'false', onclick: () => onPick(verdict) })));
  function update(summary, current) {
    element.querySelectorAll('[data-field]').forEach((count) => { count.textContent = formatNumber(summary[count.dataset.field]); });
    element.querySelectorAll('button').forEach((item) => item.setAttribute('aria-pressed', String(item.dataset.filter === current)));
  }
  return { element, update };
}

function findingsCell(findings) {
  const rules = [...new Set(findings.map((finding) => finding.rule))];
  return [formatNumber(findings.length), rules.length > 0 && h('span', { class: 'kw-muted kw-rules' }, rules.join(', '))];
}

function runtimeCell(runtime) {
  if (!(runtime?.count > 0)) {
    return t('runtime.none');
  }
  return [formatNumber(runtime.count), ' ',
    h('time', { class: 'kw-muted', datetime: runtime.lastSeen, title: formatDateTime(runtime.lastSeen) }, t('runtime.last-seen', formatRelative(runtime.lastSeen)))];
}

function exemptionCell(exemptions) {
  const granted = (exemptions ?? []).filter((exemption) => exemption.active && exemption.source === 'granted');
  return granted.length === 0 ? t('value.none')
    : granted.map((exemption) => h('div', null, t('exemption.until', exemption.rule, formatDate(exemption.expires))));
}

function clientRow(realm, client) {
  return h('tr', { 'data-client-id': client.clientId, 'data-verdict': client.verdict },
    h('td', null, button(client.clientId, {
      variant: 'link', class: 'pf-m-inline kw-break', onclick: () => { location.hash = realmHash(realm, 'clients', client.clientId); },
    })),
    h('td', null, verdictLabels(client)),
    h('td', null, findingsCell(client.findings ?? [])),
    h('td', null, runtimeCell(client.runtime)),
    h('td', null, exemptionCell(client.exemptions)));
}

function pageButton(id, name, iconName, action) {
  return h('div', { class: 'pf-v5-c-pagination__nav-control' }, button(icon(iconName), {
    id, variant: 'plain', 'aria-label': name,
    onclick: (event) => { if (event.currentTarget.getAttribute('aria-disabled') !== 'true') action(); },
  }));
}

/**
 * Search, filters, page size, paging and the CSV download. `apply(patch)` is how every control changes the filters:
 * it also takes a search still waiting for its debounce, so that one request carries both.
 */
function clientsToolbar(state, change, download) {
  let timer = 0;
  const search = h('input', { id: 'kw-search', type: 'search', placeholder: t('filter.search-placeholder'), oninput: () => {
    clearTimeout(timer);
    timer = setTimeout(() => apply({}), SEARCH_DELAY_MS);
  } });
  function apply(patch) {
    clearTimeout(timer);
    const text = search.value.trim();
    change(text === state.search ? patch : { ...patch, search: text, first: 0 });
  }
  const verdict = select({ id: 'kw-filter-verdict', onchange: (event) => apply({ verdict: event.target.value }) },
    SUMMARY.map(([value]) => ({ value, text: verdictText(value) })));
  const rule = select({ id: 'kw-filter-rule', onchange: (event) => apply({ rule: event.target.value }) }, [{ value: '', text: t('filter.rule-all') }]);
  const size = select({ id: 'kw-page-size', onchange: (event) => apply({ max: Number(event.target.value) }) },
    PAGE_SIZES.map((value) => ({ value, text: t('page.size-option', value), selected: value === state.max })));
  const info = h('span', { id: 'kw-page-info', class: 'kw-page-info' });
  const item = (...children) => h('div', { class: 'pf-v5-c-toolbar__item' }, children);
  const element = h('div', { class: 'pf-v5-c-toolbar' }, h('div', { class: 'pf-v5-c-toolbar__content' }, h('div', { class: 'pf-v5-c-toolbar__content-section' },
    item(hiddenLabel('kw-search', t('filter.search')), formControl(search)),
    item(hiddenLabel('kw-filter-verdict', t('filter.verdict')), verdict),
    item(hiddenLabel('kw-filter-rule', t('filter.rule')), rule),
    item(button(t('csv.download'), { id: 'kw-download-csv', onclick: download })),
    h('div', { class: 'pf-v5-c-toolbar__item pf-m-pagination' }, h('div', { class: 'pf-v5-c-pagination pf-m-compact' },
      h('div', { class: 'pf-v5-c-pagination__page-menu' }, hiddenLabel('kw-page-size', t('page.size')), size), info,
      h('nav', { class: 'pf-v5-c-pagination__nav', 'aria-label': t('page.label') },
        pageButton('kw-page-prev', t('page.previous'), 'previous', () => apply({ first: Math.max(0, state.first - state.max) })),
        pageButton('kw-page-next', t('page.next'), 'next', () => apply({ first: state.first + state.max }))))))));

  function update(report) {
    const ruleSelect = rule.querySelector('select');
    if (ruleSelect.options.length === 1) {
      Object.keys(report.modes ?? {}).forEach((id) => ruleSelect.append(h('option', { value: id }, id)));
    }
    verdict.querySelector('select').value = state.verdict;
    info.textContent = t('page.info', formatNumber(report.matched === 0 ? 0 : state.first + 1),
      formatNumber(Math.min(state.first + state.max, report.matched)), formatNumber(report.matched));
    element.querySelector('#kw-page-prev').setAttribute('aria-disabled', String(state.first === 0));
    element.querySelector('#kw-page-next').setAttribute('aria-disabled', String(state.first + state.max >= report.matched));
  }
  /** Clears the search and rule fields, and puts focus in the search (the button used for this goes away). */
  function reset() {
    search.value = '';
    rule.querySelector('select').value = '';
    search.focus();
  }
  return { element, apply, update, reset };
}

/** The clients tab: filters live here and are applied by the server, one request per change. */
function clientsTab(ctx, realm) {
  const state = { verdict: '', rule: '', search: '', sort: { key: 'clientId', direction: 'ascending' }, first: 0, max: PAGE_SIZES[0], clientId: null };
  let sortUsed = null;
  const change = (patch) => {
    Object.assign(state, { first: 0 }, patch);
    loadList();
  };
  const query = () => ({ verdict: state.verdict, rule: state.rule, search: state.search,
    sort: `${state.sort.direction === 'descending' ? '-' : ''}${state.sort.key}` });
  const profileArea = h('div');
  const modesArea = h('div');
  const generated = h('p', { class: 'kw-muted' });
  const toolbar = clientsToolbar(state, change, downloadCsv);
  const summary = summaryButtons((verdict) => toolbar.apply({ verdict }));
  const tableArea = h('div', null, spinner());
  const drawerElement = drawer([
    profileArea,
    h('h2', { class: 'pf-v5-c-title pf-m-lg' }, t('modes.title')), modesArea,
    h('h2', { class: 'pf-v5-c-title pf-m-lg' }, t('summary.title')), generated, summary.element,
    h('h2', { class: 'pf-v5-c-title pf-m-lg' }, t('clients.title')), toolbar.element, tableArea]);

  function onSort(key) {
    sortUsed = key;
    toolbar.apply({ sort: nextSort(state.sort, key) });
  }

  function clearFilters() {
    toolbar.reset();
    toolbar.apply({ verdict: '', rule: '' });
  }

  function renderTable(report) {
    const refocus = sortUsed;
    sortUsed = null;
    if (report.clients.length === 0) {
      tableArea.replaceChildren(emptyState({ title: t('clients.none'), body: t('clients.none-body'), level: 3,
        actions: [button(t('filter.clear'), { variant: 'link', onclick: clearFilters })] }));
      return;
    }
    tableArea.replaceChildren(table({
      id: 'kw-clients-table', caption: t('clients.caption', realm),
      head: [SORTABLE.map((key) => sortableTh(t(`clients.${key}`), key, state.sort, onSort)), th(t('clients.exemption'))],
      rows: report.clients.map((client) => clientRow(realm, client)),
    }));
    if (refocus) {
      refocusSort(tableArea, refocus);
    }
  }

  /** Raises the whole realm to FAPI 2.0 by its keyward.profile, or returns it to the server's profile; every client's report changes. */
  function changeProfile(report, opener) {
    const raise = report.profile.realm !== 'fapi2';
    // Whether raising the realm refuses anything at once: it does where the realm enforces a FAPI 2.0 rule.
    const enforced = Object.values(report.modes ?? {}).some((mode) => mode.profile === 'fapi2' && mode.realm === 'enforce');
    const body = raise ? (enforced ? 'realm-profile.raise-body-enforced' : 'realm-profile.raise-body') : 'realm-profile.lower-body';
    confirmChange({
      id: 'kw-realm-profile-change', title: t(raise ? 'realm-profile.raise-title' : 'realm-profile.lower-title', realm),
      confirmText: t('profile.confirm'), variant: raise && enforced ? 'danger' : 'primary', body: h('p', null, t(body, realm)),
      run: async () => {
        await putRealmProfile(realm, raise ? 'fapi2' : '');
        return t(raise ? 'realm-profile.raised' : 'realm-profile.lowered', realm);
      },
      opener, fallbackFocus: () => document.getElementById('kw-main'), onDone: loadList, onFailure: notifyError,
    });
  }

  function render(report) {
    profileArea.replaceChildren(profileLine(report.profile, ctx.access.canManageRealm(realm) && ((opener) => changeProfile(report, opener))));
    modesArea.replaceChildren(modesTable(report.modes ?? {}));
    generated.textContent = t('summary.generated', formatDateTime(report.generatedAt), report.windowDays);
    summary.update(report.summary, state.verdict);
    toolbar.update(report);
    renderTable(report);
  }

  /** Answers that arrive after a newer request started are dropped. */
  const loadList = loader(ctx, { area: tableArea, fetch: () => getReport(realm, { ...query(), first: state.first, max: state.max }),
    show: (report) => {
      if (report.clients.length === 0 && state.first > 0 && report.matched > 0) {
        // The page emptied (a fix moved its last client out of the filter): show the last page that has clients.
        state.first = Math.floor((report.matched - 1) / state.max) * state.max;
        loadList();
      } else {
        render(report);
      }
    } });

  async function downloadCsv() {
    try {
      const url = URL.createObjectURL(await getReportCsv(realm, query()));
      h('a', { href: url, download: `keyward-${realm}-compliance.csv` }).click();
      // The download reads the blob after the click returns; let it go once that is surely done.
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      notifyError(error);
    }
  }

  function focusRow(clientId) {
    const row = [...tableArea.querySelectorAll('tr[data-client-id]')].find((candidate) => candidate.dataset.clientId === clientId);
    (row?.querySelector('button') ?? document.getElementById('kw-main')).focus();
  }

  /** Opens the drawer for a client, or closes it (null) and returns focus to the client's row. */
  function showClient(clientId) {
    if (clientId === state.clientId) {
      return;
    }
    const previous = state.clientId;
    state.clientId = clientId;
    if (clientId === null) {
      hidePanel(drawerElement);
      focusRow(previous);
      return;
    }
    const panel = clientPanel(ctx, { realm, clientId, onClose: () => { location.hash = realmHash(realm); }, onChanged: loadList });
    showPanel(drawerElement, panel.element);
  }

  loadList();
  return { element: drawerElement, showClient };
}

function breadcrumb(realm) {
  return h('section', { class: 'pf-v5-c-page__main-breadcrumb' },
    h('nav', { class: 'pf-v5-c-breadcrumb', 'aria-label': t('breadcrumb.label') }, h('ol', { class: 'pf-v5-c-breadcrumb__list' },
      h('li', { class: 'pf-v5-c-breadcrumb__item' }, h('a', { class: 'pf-v5-c-breadcrumb__link', href: '#/' }, t('server.title'))),
      h('li', { class: 'pf-v5-c-breadcrumb__item' },
        h('span', { class: 'pf-v5-c-breadcrumb__item-divider', 'aria-hidden': 'true' }, icon('next')),
        h('a', { class: 'pf-v5-c-breadcrumb__link pf-m-current', href: realmHash(realm), 'aria-current': 'page' }, realm)))));
}

function tabs(ctx, realm, current) {
  const tab = (key, href) => h('li', { class: `pf-v5-c-tabs__item${key === current ? ' pf-m-current' : ''}` },
    h('a', { id: `kw-tab-${key}`, class: 'pf-v5-c-tabs__link', href, 'aria-current': key === current && 'page' },
      h('span', { class: 'pf-v5-c-tabs__item-text' }, t(`tab.${key}`))));
  return h('nav', { class: 'pf-v5-c-tabs', 'aria-label': t('tab.label') },
    h('ul', { class: 'pf-v5-c-tabs__list' },
      ctx.access.canView(realm) && [tab('clients', realmHash(realm)), tab('trend', realmHash(realm, 'trend'))],
      ctx.access.canViewRealm(realm) && tab('brand', realmHash(realm, 'brand'))));
}

/** The realm view; update(route) switches tabs and opens or closes the client drawer without reloading the rest. */
export function realmView(ctx, { realm }) {
  const tabsArea = h('div');
  const tabContent = h('section', { class: 'pf-v5-c-page__main-section' });
  const element = h('div', { id: 'kw-realm-view' },
    ctx.access.serverView && breadcrumb(realm),
    h('section', { class: 'pf-v5-c-page__main-section pf-m-light' }, h('h1', { class: 'pf-v5-c-title pf-m-2xl kw-break' }, t('realm.title', realm)), tabsArea),
    tabContent);
  let tab = null;
  let clients = null;

  function update(route) {
    if (route.tab !== tab) {
      tab = route.tab;
      tabsArea.replaceChildren(tabs(ctx, realm, tab));
      // Clients and trend need view-clients; the brand needs view-realm.
      const allowed = tab === 'brand' ? ctx.access.canViewRealm(realm) : ctx.access.canView(realm);
      clients = allowed && tab === 'clients' ? clientsTab(ctx, realm) : null;
      tabContent.replaceChildren(!allowed ? emptyState(tab === 'brand'
        ? { title: t('brand.no-access'), body: t('brand.no-access-body', realm) } : { title: t('realm.no-access'), body: t('error.403', realm) })
        : clients?.element ?? (tab === 'brand' ? brandTab(ctx, realm) : trendTab(ctx, realm)));
    }
    clients?.showClient(route.clientId ?? null);
  }
  return { element, update };
}
