// The brand tab: the realm's keyward.brand.* attributes, a preview of the login card in their colours, and a save
// that the server refuses, with its reason, when a value cannot be used or a colour pair is below WCAG 2.2 AA.
import { getBrand, putBrand } from '../api.js';
import { errorAlert, formControl, formGroup, h, loader, notify, spinner } from '../dom.js';
import { formatNumber, t } from '../i18n.js';

const COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
/** What the preview and the early warning need to know of each colour attribute. */
const COLOURS = { 'keyward.brand.primary-color': 'primary', 'keyward.brand.accent-color': 'accent' };
const NON_TEXT_MINIMUM = 3;

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

/** The colour in force: the typed one when it is a colour, else the theme's default. */
function colourOf(attribute, typed) {
  return COLOUR.test(typed) ? `#${sixDigits(typed)}` : attribute.defaultValue;
}

/** A mock of the login card in the brand's colours (the real page shows only saved values). */
function preview(displayName) {
  return h('div', { id: 'kw-brand-preview', class: 'kw-brand-preview', role: 'img', 'aria-label': t('brand.preview-label') },
    h('div', { class: 'kw-brand-preview__header' }, displayName),
    h('div', { class: 'kw-brand-preview__field' }, t('brand.preview-field')),
    h('div', { class: 'kw-brand-preview__button' }, t('brand.preview-button')));
}

function paint(card, colours) {
  const onPrimary = contrast(colours.primary, '#ffffff') >= contrast(colours.primary, '#000000') ? '#ffffff' : '#000000';
  card.style.setProperty('--kw-brand-primary', colours.primary);
  card.style.setProperty('--kw-brand-on-primary', onPrimary);
  card.style.setProperty('--kw-brand-accent', colours.accent);
}

export function brandTab(ctx, realm) {
  const body = h('div', { class: 'kw-stack' }, spinner());
  const canSave = ctx.access.canManageRealm(realm);

  function render(brand) {
    const card = preview(brand.displayName || brand.realm);
    const warnings = {};
    const inputs = brand.attributes.map((attribute) => {
      const id = `kw-brand-${attribute.key.replace('keyward.brand.', '')}`;
      const input = h('input', { id, name: attribute.key, type: 'text', value: attribute.value ?? '', placeholder: attribute.defaultValue ?? '',
        readonly: !canSave, 'aria-describedby': `${id}-help`, autocomplete: 'off', spellcheck: 'false' });
      warnings[attribute.key] = h('div', { id: `${id}-warning`, class: 'kw-muted', 'aria-live': 'polite' });
      return { attribute, input, group: formGroup(id, attribute.label, formControl(input), attribute.help, { required: false }) };
    });
    const update = () => {
      const colours = {};
      for (const { attribute, input } of inputs) {
        const role = COLOURS[attribute.key];
        if (role) {
          colours[role] = colourOf(attribute, input.value.trim());
          const ratio = contrast(colours[role], brand.page);
          warnings[attribute.key].textContent = ratio < NON_TEXT_MINIMUM
            ? t('brand.low-contrast', formatNumber(Math.round(ratio * 100) / 100), NON_TEXT_MINIMUM) : '';
        }
      }
      paint(card, colours);
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
      h('h3', { class: 'pf-v5-c-title pf-m-md' }, t('brand.preview')), card, h('p', { class: 'kw-muted' }, t('brand.preview-help')))));
    update();
  }

  loader(ctx, { area: body, fetch: () => getBrand(realm), show: render })();
  return h('div', { id: 'kw-brand', class: 'pf-v5-c-card' }, h('div', { class: 'pf-v5-c-card__body kw-stack' },
    h('h2', { id: 'kw-brand-title', class: 'pf-v5-c-title pf-m-lg' }, t('brand.title')),
    h('p', null, t('brand.intro')),
    body));
}
