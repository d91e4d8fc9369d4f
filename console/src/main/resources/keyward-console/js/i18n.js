// Messages and formatting. English is complete and always loaded; a locale's bundle may be partial (translators
// fill it over time), so every key falls back to English.

const TRANSLATED = ['de', 'es', 'fr', 'ja'];

let english = null;
let local = {};
let language = 'en';

async function bundle(code) {
  const response = await fetch(`messages/messages_${code}.json`);
  if (!response.ok) {
    throw new Error(`messages_${code}.json: HTTP ${response.status}`);
  }
  return response.json();
}

/**
 * Uses the locale's bundle when one ships (only those are fetched, so no 404 reaches the browser log). The page's
 * language is the locale only once its bundle has translations; until then the text, and so `lang`, is English.
 */
export async function setLocale(requested) {
  english ??= await bundle('en');
  const code = String(requested ?? '').slice(0, 2).toLowerCase();
  local = TRANSLATED.includes(code) ? await bundle(code).catch(() => ({})) : {};
  language = Object.keys(local).length > 0 ? code : 'en';
  document.documentElement.lang = language;
}

/** The message for a key, with `{0}`, `{1}`… replaced by the arguments. */
export function t(key, ...args) {
  const text = local[key] ?? english?.[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (placeholder, index) => (index < args.length ? String(args[index]) : placeholder));
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language).format(value ?? 0);
}

/** An instant (ISO text or epoch milliseconds) in the browser's time zone. */
export function formatDateTime(value) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A calendar day: report days and exemption expiries are whole days in UTC, shown as the admin entered them. */
export function formatDate(value, style = 'medium') {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  const options = style === 'short' ? { month: 'short', day: 'numeric' } : { dateStyle: style };
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

/** "3 minutes ago", in the largest unit that fits. */
export function formatRelative(value) {
  const seconds = Math.round((new Date(value).getTime() - Date.now()) / 1000);
  const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}
