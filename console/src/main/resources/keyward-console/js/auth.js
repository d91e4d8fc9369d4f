// Sign-in: OAuth 2.0 authorization code with PKCE (S256) as the public client keyward-console. Tokens live only in
// this module's variables; a reload signs in again, silently while Keycloak's SSO cookie lasts.
import { t } from './i18n.js';

const CLIENT_ID = 'keyward-console';
/** sessionStorage key for what must survive the redirect (state, verifier, hash); never a token. */
const PENDING_KEY = 'keyward-console';
/** Renew when this share of the access token's lifetime has passed. */
const RENEW_AT = 0.7;

/** A path segment encoded as Keycloak's ConsoleAddress does, so the redirect URI matches the registered one exactly. */
export function pathSegment(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// The page is served at {server}/realms/{realm}/keyward/console/; the server may have a context path.
const address = /^(.*)\/realms\/([^/]+)\/keyward\/console\/$/.exec(location.pathname);
export const consoleRealm = decodeURIComponent(address[2]);
export const serverUrl = location.origin + address[1];
const consoleUrl = `${serverUrl}/realms/${pathSegment(consoleRealm)}/keyward/console/`;
const issuer = `${serverUrl}/realms/${pathSegment(consoleRealm)}`;
const oidcUrl = `${issuer}/protocol/openid-connect`;

let tokens = null;
let renewal = null;
let renewTimer = 0;
let ended = false;
const endListeners = [];

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes: 43 base64url characters, as PKCE asks of a verifier. */
function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier) {
  if (!crypto.subtle) {
    throw new Error(t('signin.insecure'));
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function takePending() {
  const saved = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return JSON.parse(saved) ?? {};
  } catch {
    return {};
  }
}

/** The console's authorization request to a realm: code flow, exact redirect URI, PKCE S256, as enforce mode wants. */
async function authorizationUrl(realm, { state, verifier, prompt }) {
  const realmUrl = `${serverUrl}/realms/${pathSegment(realm)}`;
  const query = new URLSearchParams({
    client_id: CLIENT_ID, redirect_uri: `${realmUrl}/keyward/console/`, response_type: 'code', scope: 'openid', state,
    code_challenge: await challengeOf(verifier), code_challenge_method: 'S256',
  });
  if (prompt) {
    query.set('prompt', prompt);
  }
  return `${realmUrl}/protocol/openid-connect/auth?${query}`;
}

/** Sends the browser to Keycloak's sign-in; the page comes back with a code for this hash. */
export async function signIn() {
  const state = randomText();
  const verifier = randomText();
  const url = await authorizationUrl(consoleRealm, { state, verifier });
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, hash: location.hash }));
  location.assign(url);
}

/**
 * A realm's real login form, to be shown (never submitted) in the brand preview: `prompt=login` shows it even to a
 * signed-in admin, and the verifier is thrown away, so no code it could yield is redeemable.
 */
export function loginFormUrl(realm) {
  return authorizationUrl(realm, { state: randomText(), verifier: randomText(), prompt: 'login' });
}

export function signOut() {
  const state = randomText();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ signedOut: state }));
  const query = new URLSearchParams({ client_id: CLIENT_ID });
  if (tokens?.id) {
    query.set('id_token_hint', tokens.id);
  }
  query.set('post_logout_redirect_uri', consoleUrl);
  query.set('state', state);
  location.assign(`${oidcUrl}/logout?${query}`);
}

async function tokenRequest(form) {
  let response;
  try {
    response = await fetch(`${oidcUrl}/token`, { method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, ...form }) });
  } catch {
    throw new Error(t('error.network'));
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error_description || body.error || t('error.status', response.status));
  }
  return body;
}

/** Keeps the newest tokens: Keycloak rotates the refresh token, and an old one would end the session. */
function accept(body) {
  tokens = { access: body.access_token, refresh: body.refresh_token ?? tokens?.refresh, id: body.id_token ?? tokens?.id };
  clearTimeout(renewTimer);
  renewTimer = setTimeout(renew, body.expires_in * 1000 * RENEW_AT);
}

/** Tells the page once that it must sign in again. */
export function endSession() {
  if (!ended) {
    ended = true;
    clearTimeout(renewTimer);
    endListeners.forEach((listener) => listener());
  }
}

export function onSessionEnded(listener) {
  endListeners.push(listener);
}

/** Renews the tokens; resolves to false (and ends the session) when that fails. Concurrent callers share one refresh. */
export function renew() {
  if (ended || !tokens?.refresh) {
    endSession();
    return Promise.resolve(false);
  }
  renewal ??= tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh })
    .then((body) => {
      accept(body);
      return true;
    })
    .catch(() => {
      endSession();
      return false;
    })
    .finally(() => {
      renewal = null;
    });
  return renewal;
}

export function accessToken() {
  return tokens?.access;
}

/** The signed-in user's name from the ID token, or '' when it has none. */
export function userName() {
  try {
    const payload = atob(tokens.id.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(payload, (c) => c.charCodeAt(0)))).preferred_username ?? '';
  } catch {
    return '';
  }
}

async function redeem(params, pending) {
  history.replaceState(null, '', consoleUrl + (pending.hash ?? ''));
  if (params.has('error')) {
    return { status: 'error', message: t('signin.refused', params.get('error_description') || params.get('error')) };
  }
  if (!pending.state || pending.state !== params.get('state')) {
    return { status: 'error', message: t('signin.bad-state') };
  }
  // RFC 9207: the answer must come from this realm's issuer, not from another server mixed up with it.
  if (params.get('iss') !== issuer) {
    return { status: 'error', message: t('signin.bad-issuer', params.get('iss') ?? '', issuer) };
  }
  try {
    accept(await tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: consoleUrl, code_verifier: pending.verifier,
    }));
    return { status: 'signed-in' };
  } catch (error) {
    return { status: 'error', message: t('signin.failed', error.message) };
  }
}

/**
 * Where this page load stands: back from Keycloak with a code or an error, back from sign-out, or neither (then
 * it goes to sign in). Resolves to {status: 'signed-in' | 'signed-out' | 'redirecting' | 'error', message}.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = takePending();
  if (params.has('code') || params.has('error')) {
    return redeem(params, pending);
  }
  if (params.has('state') && params.get('state') === pending.signedOut) {
    history.replaceState(null, '', consoleUrl);
    return { status: 'signed-out' };
  }
  try {
    await signIn();
    return { status: 'redirecting' };
  } catch (error) {
    return { status: 'error', message: error.message };
  }
}
