// The brand tab: the product name and the realm's keyward.brand.* attributes, the realm's real login page in the
// light and the dark scheme painted with what is typed, and a save that the server refuses, with its reason, when a
// value cannot be used or a colour pair is below WCAG 2.2 AA.
import { getBrand, putBrand } from '../api.js';
import { loginFormUrl } from '../auth.js';
import { errorAlert, formControl, formGroup, h, loader, notify, spinner } from '../dom.js';
import { formatNumber, t } from '../i18n.js';

const COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const NAME = 'displayName';
/** The colour attributes: which custom property of the theme each sets, in which scheme. */
const COLOURS = {
  'keyward.brand.primary-color': { scheme: 'light', role: 'primary' },
  'keyward.brand.accent-color': { scheme: 'light', role: 'accent' },
  'keyward.brand.dark-primary-color': { scheme: 'dark', role: 'primary' },
  'keyward.brand.dark-accent-color': { scheme: 'dark', role: 'accent' },
};
const LOGOS = { 'keyward.brand.logo-url': 'light', 'keyward.brand.dark-logo-url': 'dark' };
const NON_TEXT_MINIMUM = 3;
/** keycloak.v2 marks dark pages with this class; the theme's dark colours hang on it. */
const DARK_CLASS = 'pf-v5-theme-dark';

function sixDigits(colour) {
  const hex = colour.slice(1).toLowerCase();
  return hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
}

function luminance(colour) {
  const hex = sixDigits(colour);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast, as the server computes it: the server decides on save, this only warns while typing. */
function contrast(first, second) {
  const [a, b] = [luminance(first), luminance(second)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The value in force: the typed one when it is usable, else the default. */
function colourOf(attribute, typed) {
  return COLOUR.test(typed) ? `#${sixDigits(typed)}` : attribute.defaultValue;
}

/**
 * The realm's real login page in one scheme, framed inert (no focus, no input, so nothing can be submitted) and
 * painted with the values typed so far. The page itself is checked for accessibility by the theme's browser tests.
 */
function loginFrame(realm, scheme, displayNameHtml) {
  const frame = h('iframe', { class: 'kw-brand-frame', id: `kw-brand-frame-${scheme}`, title: t(`brand.frame-${scheme}`), inert: true });
  const note = h('p', { class: 'kw-muted', id: `kw-brand-note-${scheme}` });
  let looks = null;

  function paint() {
    const page = frame.contentDocument;
    const header = page?.getElementById('kc-header-wrapper');
    if (!looks || !header) {
      return;
    }
    const root = page.documentElement;
    root.classList.toggle(DARK_CLASS, scheme === 'dark');
    // The browser's own colours (default text, form controls) follow the system unless the scheme is fixed.
    root.style.setProperty('color-scheme', scheme);
    root.style.setProperty('--keyward-primary', looks.primary);
    root.style.setProperty('--keyward-on-primary',
      contrast(looks.primary, '#ffffff') >= contrast(looks.primary, '#000000') ? '#ffffff' : '#000000');
    root.style.setProperty('--keyward-accent', looks.accent);
    root.style.setProperty('--keyward-logo', looks.logo ? `url(${JSON.stringify(looks.logo)})` : 'none');
    root.style.setProperty('--keyward-logo-height', looks.logo ? '3rem' : '0');
    if (!displayNameHtml) {
      header.textContent = looks.name;
    }
  }

  function judge() {
    const page = frame.contentDocument;
    note.textContent = '';
    if (!page?.getElementById('kc-header-wrapper')) {
      // Another origin (an identity provider the realm redirects to) or an error page: nothing to paint.
      note.textContent = t('brand.frame-unavailable');
    } else if (!page.querySelector("link[href*='/keyward-brand/brand.css']")) {
      note.textContent = t('brand.frame-other-theme');
    } else if (scheme === 'dark' && !/\bdark\b/.test(page.querySelector('meta[name=color-scheme]')?.content ?? '')) {
      note.textContent = t('brand.frame-dark-off');
    } else if (displayNameHtml) {
      note.textContent = t('brand.frame-html-name');
    }
    paint();
  }

  loginFormUrl(realm).then((url) => {
    // Listening only now skips the empty document every new frame loads first.
    frame.addEventListener('load', judge);
    frame.setAttribute('src', url);
  }, () => {
    note.textContent = t('brand.frame-unavailable');
  });
  return {
    element: h('figure', { class: 'kw-brand-figure' }, h('figcaption', { class: 'pf-v5-c-title pf-m-md' }, t(`brand.scheme-${scheme}`)), frame, note),
    show(values) {
      looks = values;
      paint();
    },
  };
}

export function brandTab(ctx, realm) {
  const body = h('div', { class: 'kw-stack' }, spinner());
  const canSave = ctx.access.canManageRealm(realm);

  function render(brand) {
    const frames = { light: loginFrame(realm, 'light', brand.displayNameHtml), dark: loginFrame(realm, 'dark', brand.displayNameHtml) };
    const pages = { light: brand.page, dark: brand.darkPage };
    const warnings = {};
    const inputs = brand.attributes.map((attribute) => {
      const id = `kw-brand-${attribute.key.replace('keyward.brand.', '')}`;
      const input = h('input', { id, name: attribute.key, type: 'text', value: attribute.value ?? '', placeholder: attribute.defaultValue ?? '',
        readonly: !canSave, 'aria-describedby': `${id}-help ${id}-warning`, autocomplete: 'off', spellcheck: 'false' });
      warnings[attribute.key] = h('div', { id: `${id}-warning`, class: 'kw-muted', 'aria-live': 'polite' });
      return { attribute, input, group: formGroup(id, attribute.label, formControl(input), attribute.help, { required: false }) };
    });
    const update = () => {
      const looks = { light: {}, dark: {} };
      for (const { attribute, input } of inputs) {
        const typed = input.value.trim();
        const colour = COLOURS[attribute.key];
        if (colour) {
          const value = colourOf(attribute, typed);
          looks[colour.scheme][colour.role] = value;
          const ratio = contrast(value, pages[colour.scheme]);
          warnings[attribute.key].textContent = ratio < NON_TEXT_MINIMUM
            ? t(`brand.low-contrast-${colour.scheme}`, formatNumber(Math.round(ratio * 100) / 100), NON_TEXT_MINIMUM) : '';
        } else if (LOGOS[attribute.key]) {
          looks[LOGOS[attribute.key]].logo = /^https?:\/\/\S+$/.test(typed) ? typed : null;
        } else if (attribute.key === NAME) {
          looks.light.name = looks.dark.name = typed || attribute.defaultValue;
        }
      }
      looks.dark.logo ??= looks.light.logo;
      frames.light.show(looks.light);
      frames.dark.show(looks.dark);
    };
    const error = h('div', { id: 'kw-brand-error', 'aria-live': 'polite' });
    const form = h('form', { id: 'kw-brand-form', class: 'pf-v5-c-form', 'aria-labelledby': 'kw-brand-title', oninput: update },
      inputs.map(({ attribute, group }) => [group, warnings[attribute.key]]),
      error,
      canSave
        ? h('div', { class: 'pf-v5-c-form__group pf-m-action' }, h('div', { class: 'pf-v5-c-form__actions' },
          h('button', { type: 'submit', id: 'kw-brand-save', class: 'pf-v5-c-button pf-m-primary' }, t('brand.save'))))
        : h('p', { class: 'kw-muted' }, t('brand.read-only', realm)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const changes = Object.fromEntries(inputs.filter(({ attribute, input }) => input.value.trim() !== (attribute.value ?? ''))
        .map(({ attribute, input }) => [attribute.key, input.value.trim()]));
      if (Object.keys(changes).length === 0) {
        notify('info', t('brand.unchanged'));
        return;
      }
      const done = ctx.begin();
      try {
        render(await putBrand(realm, changes));
        notify('success', t('brand.saved'));
      } catch (failure) {
        error.replaceChildren(errorAlert(failure));
      } finally {
        done();
      }
    });
    body.replaceChildren(h('div', { class: 'kw-brand-tab' }, form, h('div', { class: 'kw-stack' },
      h('h3', { class: 'pf-v5-c-title pf-m-md' }, t('brand.preview')), h('p', { class: 'kw-muted' }, t('brand.preview-help')),
      frames.light.element, frames.dark.element)));
    update();
  }

  loader(ctx, { area: body, fetch: () => getBrand(realm), show: render })();
  return h('div', { id: 'kw-brand', class: 'pf-v5-c-card' }, h('div', { class: 'pf-v5-c-card__body kw-stack' },
    h('h2', { id: 'kw-brand-title', class: 'pf-v5-c-title pf-m-lg' }, t('brand.title')),
    h('p', null, t('brand.intro')),
    body));
}
