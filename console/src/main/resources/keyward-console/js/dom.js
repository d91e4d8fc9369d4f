// A small DOM toolkit on PatternFly 5 classes. Text always goes in as text nodes, never as markup, so nothing the
// server sends can become HTML; listeners are attached in code, since the page's CSP forbids inline handlers.
import { ApiError } from './api.js';
import { t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_NOTICES = 3;
const NOTICE_MILLIS = 8000;

function build(element, attrs, children) {
  Object.entries(attrs ?? {}).forEach(([name, value]) => {
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, ''), value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false)
    .forEach((child) => element.append(child));
  return element;
}

/** An HTML element: attributes (functions become `on…` listeners) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

// Line icons drawn in a 16×16 box; decorative, so hidden from assistive technology.
const ICONS = {
  success: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z M5 8.5l2 2 4-4.5',
  danger: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z M5.5 5.5l5 5 M10.5 5.5l-5 5',
  warning: 'M8 1.5l7 13H1z M8 6v4 M8 12v.5',
  info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z M8 7v5 M8 4.5V5',
  close: 'M4 4l8 8 M12 4l-8 8',
  caret: 'M4 6l4 4 4-4',
  previous: 'M10 3L5 8l5 5',
  next: 'M6 3l5 5-5 5',
  ascending: 'M8 13V3 M4 7l4-4 4 4',
  descending: 'M8 3v10 M4 9l4 4 4-4',
  unsorted: 'M5 6l3-3 3 3 M5 10l3 3 3-3',
};

export function icon(name) {
  return svg('svg', { class: 'kw-icon', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: ICONS[name] }));
}

/** A PatternFly button; `variant` is primary, secondary, link, plain, danger… */
export function button(text, { variant = 'secondary', class: extra = '', ...attrs } = {}) {
  return h('button', { type: 'button', class: `pf-v5-c-button pf-m-${variant} ${extra}`.trim(), ...attrs }, text);
}

function closeButton(name, onClose, id) {
  return h('button', { type: 'button', class: 'pf-v5-c-button pf-m-plain', 'aria-label': name, id, onclick: onClose }, icon('close'));
}

/** Runs an async action from a button once at a time; the button stays focusable while it runs. */
export function whileBusy(target, action) {
  let busy = false;
  target.addEventListener('click', async () => {
    if (busy) {
      return;
    }
    busy = true;
    target.setAttribute('aria-disabled', 'true');
    try {
      await action();
    } finally {
      busy = false;
      target.removeAttribute('aria-disabled');
    }
  });
  return target;
}

/** A PatternFly label; colour is green, red, orange, gold, blue… or none for grey. */
export function label(text, color) {
  return h('span', { class: color ? `pf-v5-c-label pf-m-${color}` : 'pf-v5-c-label' },
    h('span', { class: 'pf-v5-c-label__content' }, h('span', { class: 'pf-v5-c-label__text' }, text)));
}

export function alertBox(kind, title, { detail, actions = [], onClose, attrs = {} } = {}) {
  return h('div', { class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, ...attrs },
    h('div', { class: 'pf-v5-c-alert__icon' }, icon(kind)),
    h('p', { class: 'pf-v5-c-alert__title' }, h('span', { class: 'pf-v5-screen-reader' }, t(`alert.${kind}`)), ' ', title),
    onClose && h('div', { class: 'pf-v5-c-alert__action' }, closeButton(t('action.close-alert'), onClose)),
    detail && h('div', { class: 'pf-v5-c-alert__description' }, h('p', { class: 'kw-break' }, detail)),
    actions.length > 0 && h('div', { class: 'pf-v5-c-alert__action-group' }, actions));
}

/** Words for any failure: an ApiError says its own; anything else is a fault of the page, never shown raw. */
function describe(error) {
  return error instanceof ApiError ? { title: error.message, detail: error.detail } : { title: t('error.unexpected') };
}

export function errorAlert(error, onRetry) {
  const { title, detail } = describe(error);
  const actions = onRetry ? [button(t('action.retry'), { variant: 'link', class: 'pf-m-inline', onclick: onRetry })] : [];
  return alertBox('danger', title, { detail, actions });
}

/** An alert in the page's polite live region above <main>; `dismissable: false` keeps it until the page goes. */
export function notify(kind, title, { detail, actions, dismissable = true, id } = {}) {
  const list = document.getElementById('kw-alerts');
  const item = h('li', { class: 'pf-v5-c-alert-group__item', id });
  item.append(alertBox(kind, title, { detail, actions, onClose: dismissable && (() => {
    item.remove();
    document.getElementById('kw-main').focus();
  }) }));
  list.append(item);
  // Good news goes by itself after a while, as PatternFly's toasts do, unless the keyboard is on it.
  if (kind === 'success' || kind === 'info') {
    setTimeout(() => {
      if (!item.contains(document.activeElement)) {
        item.remove();
      }
    }, NOTICE_MILLIS);
  }
  // Only the newest few stay, so that the page does not drift down; the session banner always stays.
  const closable = [...list.children].filter((notice) => notice.querySelector('.pf-v5-c-alert__action'));
  closable.slice(0, -MAX_NOTICES).forEach((notice) => notice.remove());
}

/**
 * A part of a view that asks the server again on each call: the page is busy (`ctx.begin`) while it waits, only the
 * newest answer is shown (an older one arriving late is dropped), and a failure is shown in words with a Retry, by
 * `fail(alert)` (default: in place of `area`'s content).
 */
export function loader(ctx, { area, fetch, show, fail = (alert) => area.replaceChildren(alert) }) {
  let loads = 0;
  const run = async () => {
    const current = ++loads;
    const done = ctx.begin();
    try {
      const answer = await fetch();
      if (current === loads) {
        show(answer);
      }
    } catch (error) {
      if (current === loads) {
        fail(errorAlert(error, run));
      }
    } finally {
      done();
    }
  };
  return run;
}

export function notifyError(error) {
  const { title, detail } = describe(error);
  notify('danger', title, { detail });
}

export function emptyState({ title, body, actions = [], level = 2 }) {
  return h('div', { class: 'pf-v5-c-empty-state' },
    h('div', { class: 'pf-v5-c-empty-state__content' },
      h('div', { class: 'pf-v5-c-empty-state__header' },
        h('div', { class: 'pf-v5-c-empty-state__title' }, h(`h${level}`, { class: 'pf-v5-c-empty-state__title-text' }, title))),
      body && h('div', { class: 'pf-v5-c-empty-state__body' }, body),
      actions.length > 0 && h('div', { class: 'pf-v5-c-empty-state__footer' },
        h('div', { class: 'pf-v5-c-empty-state__actions' }, actions))));
}

export function spinner() {
  return svg('svg', { class: 'pf-v5-c-spinner pf-m-lg', role: 'progressbar', viewBox: '0 0 100 100', 'aria-label': t('loading') },
    svg('circle', { class: 'pf-v5-c-spinner__path', cx: 50, cy: 50, r: 45, fill: 'none' }));
}

export function table({ id, caption, head, rows }) {
  const element = h('table', { id, class: 'pf-v5-c-table pf-m-compact' },
    h('caption', { class: 'pf-v5-screen-reader' }, caption),
    h('thead', null, h('tr', null, head)),
    h('tbody', null, rows));
  // PatternFly 5 styles a table through a class on each of its parts.
  element.querySelectorAll('thead, tbody, tr, th, td').forEach((part) => part.classList.add(`pf-v5-c-table__${part.tagName.toLowerCase()}`));
  return element;
}

export function th(text) {
  return h('th', { scope: 'col' }, text);
}

/** A column header that sorts by `key`; `sort` is {key, direction: 'ascending' | 'descending'}. */
export function sortableTh(text, key, sort, onSort) {
  const direction = sort.key === key ? sort.direction : null;
  // pf-m-wrap: a narrow column wraps its header instead of cutting it off.
  return h('th', { scope: 'col', class: `pf-v5-c-table__sort pf-m-wrap${direction ? ' pf-m-selected' : ''}`, 'aria-sort': direction ?? 'none', 'data-sort-key': key },
    h('button', { type: 'button', class: 'pf-v5-c-table__button', onclick: () => onSort(key) },
      h('span', { class: 'pf-v5-c-table__button-content' },
        h('span', { class: 'pf-v5-c-table__text' }, text),
        h('span', { class: 'pf-v5-c-table__sort-indicator' }, icon(direction ?? 'unsorted')))));
}

/** The same column again flips the direction; another column starts ascending. */
export function nextSort(sort, key) {
  const flipped = sort.direction === 'ascending' ? 'descending' : 'ascending';
  return { key, direction: sort.key === key ? flipped : 'ascending' };
}

/** After a table is drawn again, keeps keyboard focus on the header that was used. */
export function refocusSort(root, key) {
  root.querySelector(`th[data-sort-key="${key}"] button`)?.focus();
}

/** Wraps a select, input or textarea in PatternFly's form control (with the select's arrow). */
export function formControl(control) {
  return h('span', { class: control.tagName === 'TEXTAREA' ? 'pf-v5-c-form-control pf-m-textarea' : 'pf-v5-c-form-control' }, control,
    control.tagName === 'SELECT' && h('span', { class: 'pf-v5-c-form-control__utilities' },
      h('span', { class: 'pf-v5-c-form-control__toggle-icon' }, icon('caret'))));
}

/** A labelled form group; `help` (optional) is linked as `${id}-help`. */
export function formGroup(id, text, control, help, { required = true } = {}) {
  return h('div', { class: 'pf-v5-c-form__group' },
    h('div', { class: 'pf-v5-c-form__group-label' }, h('label', { class: 'pf-v5-c-form__label', for: id },
      h('span', { class: 'pf-v5-c-form__label-text' }, text),
      required && h('span', { class: 'pf-v5-c-form__label-required', 'aria-hidden': 'true' }, ` ${t('form.required')}`))),
    h('div', { class: 'pf-v5-c-form__group-control' }, control,
      help && h('div', { class: 'pf-v5-c-form__helper-text', id: `${id}-help` }, h('div', { class: 'pf-v5-c-helper-text' },
        h('div', { class: 'pf-v5-c-helper-text__item' }, h('span', { class: 'pf-v5-c-helper-text__item-text' }, help))))));
}

export function select(attrs, options) {
  return formControl(h('select', attrs, options.map(({ value, text, selected }) => h('option', { value, selected }, text))));
}

export function hiddenLabel(forId, text) {
  return h('label', { for: forId, class: 'pf-v5-screen-reader' }, text);
}

function focusables(root) {
  return [...root.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
    .filter((element) => !element.disabled && !element.closest('[hidden]'));
}

/**
 * A modal dialog: the page behind goes inert, focus moves in and stays in (Tab wraps), Escape or close() ends it
 * and gives focus back to the opener, or to `fallbackFocus()` when the opener was redrawn meanwhile.
 */
export function openModal({ id, title, body, actions, opener, fallbackFocus }) {
  const page = document.getElementById('kw-page');
  const box = h('div', { id, class: 'pf-v5-c-modal-box pf-m-sm', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-body` },
    h('div', { class: 'pf-v5-c-modal-box__close' }, closeButton(t('action.close-dialog'), () => close())),
    h('div', { class: 'pf-v5-c-modal-box__header' }, h('h2', { class: 'pf-v5-c-modal-box__title', id: `${id}-title` }, title)),
    h('div', { class: 'pf-v5-c-modal-box__body', id: `${id}-body` }, body),
    h('div', { class: 'pf-v5-c-modal-box__footer' }, actions));
  const backdrop = h('div', { class: 'pf-v5-c-backdrop' }, h('div', { class: 'pf-v5-l-bullseye' }, box));

  function onKey(event) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      const items = focusables(box);
      const edge = event.shiftKey ? items[0] : items.at(-1);
      if (!box.contains(document.activeElement) || document.activeElement === edge) {
        event.preventDefault();
        (event.shiftKey ? items.at(-1) : items[0]).focus();
      }
    }
  }
  function close() {
    if (!backdrop.isConnected) {
      return;
    }
    document.removeEventListener('keydown', onKey, true);
    backdrop.remove();
    page.inert = false;
    (opener?.isConnected ? opener : fallbackFocus?.())?.focus();
  }

  document.addEventListener('keydown', onKey, true);
  page.inert = true;
  document.body.append(backdrop);
  focusables(box)[0].focus();
  return { close };
}

/**
 * A dialog that confirms one change: `run` makes it and resolves to the success message, shown as a notice, then
 * `onDone`; a failure closes the dialog and goes to `onFailure`. Nothing is retried.
 */
export function confirmChange({ id, title, body, confirmText, variant, run, opener, fallbackFocus, onDone, onFailure }) {
  const ok = button(confirmText, { id: `${id}-confirm`, variant });
  const cancel = button(t('action.cancel'), { id: `${id}-cancel`, variant: 'link' });
  const modal = openModal({ id: `${id}-modal`, title, body, opener, fallbackFocus, actions: [ok, cancel] });
  cancel.addEventListener('click', () => modal.close());
  whileBusy(ok, async () => {
    try {
      const message = await run();
      modal.close();
      notify('success', message);
      onDone();
    } catch (error) {
      modal.close();
      onFailure(error);
    }
  });
}

/** A drawer around `content`; panels come and go with showPanel / hidePanel. */
export function drawer(content) {
  return h('div', { class: 'pf-v5-c-drawer' },
    h('div', { class: 'pf-v5-c-drawer__main' },
      h('div', { class: 'pf-v5-c-drawer__content' }, h('div', { class: 'pf-v5-c-drawer__body' }, content))));
}

/** A drawer panel, a labelled region; Escape inside it or its close button calls onClose. */
export function drawerPanel({ id, closeId, title, onClose, body }) {
  return h('section', { id, class: 'pf-v5-c-drawer__panel pf-m-width-50', 'aria-labelledby': `${id}-title`, onkeydown: (event) => {
    if (event.key === 'Escape') {
      onClose();
    }
  } },
  h('div', { class: 'pf-v5-c-drawer__body' },
    h('div', { class: 'pf-v5-c-drawer__head' },
      h('h2', { id: `${id}-title`, class: 'pf-v5-c-title pf-m-xl kw-break', tabindex: '-1' }, title),
      h('div', { class: 'pf-v5-c-drawer__actions' },
        h('div', { class: 'pf-v5-c-drawer__close' }, closeButton(t('action.close-drawer'), onClose, closeId))))),
  h('div', { class: 'pf-v5-c-drawer__body' }, body));
}

/** Opens the panel and moves focus to its heading, so that screen readers say what opened. */
export function showPanel(drawerElement, panel) {
  hidePanel(drawerElement);
  // Expanded before the panel arrives: PatternFly hides a collapsed panel, and a hidden heading cannot take focus.
  drawerElement.classList.add('pf-m-expanded');
  drawerElement.querySelector('.pf-v5-c-drawer__main').append(panel);
  panel.querySelector('h2').focus();
}

export function hidePanel(drawerElement) {
  drawerElement.querySelector('.pf-v5-c-drawer__panel')?.remove();
  drawerElement.classList.remove('pf-m-expanded');
}
