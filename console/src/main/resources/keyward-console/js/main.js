// Boot, routing and the page header. Views render into <main id="kw-main">, which carries aria-busy while a view
// loads and data-kw-ready once the view shows its data or its error.
import { whoami } from './api.js';
import { completeSignIn, consoleRealm, onSessionEnded, signIn, signOut, userName } from './auth.js';
import { button, emptyState, errorAlert, h, notify } from './dom.js';
import { setLocale, t } from './i18n.js';
import { realmHash, realmView } from './views/realm.js';
import { serverView } from './views/server.js';

const main = document.getElementById('kw-main');
const ctx = { access: null, begin };
let pending = 0;
let generation = 0;
let current = null;

/** Starts a load of the current view and returns the function that ends it; the view is ready when none is left. */
function begin() {
  const own = generation;
  let finished = false;
  pending += 1;
  main.setAttribute('aria-busy', 'true');
  main.removeAttribute('data-kw-ready');
  return () => {
    if (finished || own !== generation) {
      return;
    }
    finished = true;
    pending -= 1;
    if (pending === 0) {
      main.removeAttribute('aria-busy');
      main.setAttribute('data-kw-ready', 'true');
    }
  };
}

/**
 * What the signed-in user may see and do; the server decides anyway, this only hides what it would refuse. Keycloak's
 * whoami answers for one realm at a time (the one it is asked about), so each realm's roles are read when first shown.
 */
function accessFrom(me) {
  const roles = new Map(Object.entries(me.realm_access ?? {}));
  const has = (realm, ...wanted) => wanted.some((role) => (roles.get(realm) ?? []).includes(role));
  return {
    serverView: consoleRealm === 'master' && has('master', 'view-realm'),
    known: (realm) => roles.has(realm),
    load: async (realm) => {
      const there = await whoami(realm);
      roles.set(realm, there.realm_access?.[realm] ?? []);
    },
    canView: (realm) => has(realm, 'view-clients', 'manage-clients'),
    canManage: (realm) => has(realm, 'manage-clients'),
    canViewEvents: (realm) => has(realm, 'view-events', 'manage-events'),
    canViewRealm: (realm) => has(realm, 'view-realm', 'manage-realm'),
    canManageRealm: (realm) => has(realm, 'manage-realm'),
  };
}

function page(...children) {
  return h('section', { class: 'pf-v5-c-page__main-section' }, children);
}

function signInButton(variant, id) {
  return button(t('signin.button'), { id, variant, onclick: () => signIn().catch((error) => notify('danger', error.message)) });
}

function notFound() {
  return page(emptyState({
    title: t('notfound.title'), body: t('notfound.body'), level: 1,
    actions: [h('a', { class: 'pf-v5-c-button pf-m-primary', href: '#/' }, t('notfound.home'))],
  }));
}

const VIEWS = {
  server: () => serverView(ctx),
  realm: (route) => realmView(ctx, route),
  'not-found': () => ({ element: notFound(), update: () => {} }),
};

/** `#/`, `#/realms/R`, `#/realms/R/trend`, `#/realms/R/brand` or `#/realms/R/clients/X`, each segment percent-encoded. */
function parseRoute(hash) {
  let parts;
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decodeURIComponent);
  } catch {
    return { view: 'not-found' };
  }
  const [root, realm, tab, clientId, ...rest] = parts;
  if (parts.length === 0) {
    return { view: 'home' };
  }
  if (root !== 'realms' || !realm || rest.length > 0) {
    return { view: 'not-found' };
  }
  if (tab === undefined || (tab === 'clients' && clientId !== undefined)) {
    return { view: 'realm', realm, tab: 'clients', clientId };
  }
  return (tab === 'trend' || tab === 'brand') && clientId === undefined ? { view: 'realm', realm, tab } : { view: 'not-found' };
}

async function route() {
  let next = parseRoute(location.hash);
  if (next.view === 'realm' && !ctx.access.known(next.realm)) {
    const hash = location.hash;
    const done = begin();
    try {
      await ctx.access.load(next.realm);
    } catch {
      // Without the roles, buttons stay hidden; the realm's own requests show what the server answers.
    } finally {
      done();
    }
    if (location.hash !== hash) {
      return;
    }
  }
  if (next.view === 'home' && !ctx.access.serverView) {
    history.replaceState(null, '', realmHash(consoleRealm));
    next = parseRoute(location.hash);
  } else if (next.view === 'home') {
    next = { view: 'server' };
  }
  const key = next.view === 'realm' ? `realm:${next.realm}` : next.view;
  if (current?.key !== key) {
    const first = current === null;
    generation += 1;
    pending = 0;
    const view = VIEWS[next.view](next);
    current = { key, update: view.update };
    main.replaceChildren(view.element);
    if (!first) {
      main.focus();
    }
  }
  // The view's own loads begin synchronously in update(); this one only covers a view that loads nothing.
  const done = begin();
  current.update(next);
  done();
}

function renderShell() {
  document.title = t('app.title');
  document.getElementById('kw-skip').textContent = t('skip.label');
  document.getElementById('kw-brand').textContent = t('app.title');
  document.getElementById('kw-sign-out').textContent = t('signout.button');
  document.getElementById('kw-notifications').setAttribute('aria-label', t('alerts.label'));
}

function showSessionEnded() {
  notify('danger', t('session.ended'), { id: 'kw-session-ended', dismissable: false, actions: [signInButton('link')] });
}

async function start() {
  const done = begin();
  try {
    const me = await whoami();
    if (me.locale) {
      await setLocale(me.locale);
      renderShell();
    }
    ctx.access = accessFrom(me);
    document.getElementById('kw-user').textContent = userName() || me.displayName || '';
    document.getElementById('kw-account').hidden = false;
    route();
    addEventListener('hashchange', route);
  } catch (error) {
    main.replaceChildren(page(h('h1', { class: 'pf-v5-c-title pf-m-2xl' }, t('app.title')), errorAlert(error, start)));
  } finally {
    done();
  }
}

function followColourScheme() {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => document.documentElement.classList.toggle('pf-v5-theme-dark', dark.matches);
  apply();
  dark.addEventListener('change', apply);
}

function pageFor(outcome) {
  const [id, title, body] = outcome.status === 'signed-out'
    ? ['kw-signed-out', t('signedout.title'), t('signedout.body')]
    : ['kw-sign-in-error', t('signin.error-title'), outcome.message];
  return h('section', { id, class: 'pf-v5-c-page__main-section' },
    emptyState({ title, body, level: 1, actions: [signInButton('primary', 'kw-sign-in')] }));
}

async function boot() {
  followColourScheme();
  document.getElementById('kw-skip').addEventListener('click', (event) => {
    // The hash is the router's, so the skip link moves focus itself.
    event.preventDefault();
    main.focus();
  });
  document.getElementById('kw-sign-out').addEventListener('click', signOut);
  onSessionEnded(showSessionEnded);
  const done = begin();
  try {
    await setLocale(navigator.language);
    renderShell();
    const outcome = await completeSignIn();
    if (outcome.status === 'redirecting') {
      return;
    }
    if (outcome.status === 'signed-in') {
      start();
    } else {
      main.replaceChildren(pageFor(outcome));
    }
  } catch (error) {
    main.replaceChildren(page(errorAlert(error, () => location.reload())));
  }
  done();
}

boot();
