// Admin REST API calls: bearer token, JSON, and failures as ApiError with words saying what to do.
import { accessToken, consoleRealm, endSession, pathSegment, renew, serverUrl } from './auth.js';
import { t } from './i18n.js';

/** A failed call: `message` says in words what went wrong and what to do; `detail` is the server's own message. */
export class ApiError extends Error {
  constructor(status, message, detail = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
  }
}

function words(status, realm) {
  if (status === 403) {
    return t('error.403', realm);
  }
  if ([400, 404, 409].includes(status)) {
    return t(`error.${status}`);
  }
  return status >= 500 ? t('error.5xx', status) : t('error.status', status);
}

async function failure(response, realm) {
  const body = await response.json().catch(() => null);
  const detail = body?.errorMessage ?? body?.error_description ?? body?.error ?? '';
  return new ApiError(response.status, words(response.status, realm), String(detail));
}

async function send(url, options) {
  try {
    return await fetch(url, { ...options, headers: { ...options.headers, Authorization: `Bearer ${accessToken()}` } });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
}

/** One call; a 401 renews the token and tries once more, a second 401 ends the session. */
async function request(url, { method = 'GET', body, as = 'json', realm = consoleRealm } = {}) {
  const options = { method, headers: { Accept: as === 'json' ? 'application/json' : 'text/csv' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response = await send(url, options);
  if (response.status === 401 && await renew()) {
    response = await send(url, options);
  }
  if (response.status === 401) {
    endSession();
    throw new ApiError(401, t('session.ended'));
  }
  if (!response.ok) {
    throw await failure(response, realm);
  }
  if (response.status === 204) {
    return null;
  }
  return as === 'json' ? response.json() : response.blob();
}

/** The URL with the parameters that have a value (empty filters are left out). */
function withQuery(url, params = {}) {
  const query = new URLSearchParams();
  Object.entries(params).filter(([, value]) => value !== '' && value !== null && value !== undefined)
    .forEach(([name, value]) => query.set(name, value));
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

const realmUrl = (realm, path) => `${serverUrl}/admin/realms/${pathSegment(realm)}${path}`;
const keywardUrl = (realm, path) => realmUrl(realm, `/keyward-oauth21${path}`);

/** The admin roles of the signed-in user in `realm` (Keycloak's admin-console endpoint, asked about one realm). */
export function whoami(realm = consoleRealm) {
  return request(withQuery(`${serverUrl}/admin/${pathSegment(consoleRealm)}/console/whoami`, { currentRealm: realm }));
}

export function getReport(realm, params) {
  return request(withQuery(keywardUrl(realm, '/compliance'), params), { realm });
}

export function getReportCsv(realm, params) {
  return request(withQuery(keywardUrl(realm, '/compliance'), { ...params, format: 'csv' }), { realm, as: 'blob' });
}

export function getRealms() {
  return request(keywardUrl('master', '/compliance/realms'), { realm: 'master' });
}

export function getTrend(realm, windowDays) {
  return request(withQuery(keywardUrl(realm, '/compliance/trend'), { windowDays }), { realm });
}

export function getEvidence(realm, clientId) {
  return request(withQuery(keywardUrl(realm, `/compliance/clients/${pathSegment(clientId)}/evidence`), { max: 50 }), { realm });
}

export function postFix(realm, fix) {
  return request(keywardUrl(realm, '/compliance/fixes'), { method: 'POST', body: fix, realm });
}

export function getBrand(realm) {
  return request(realmUrl(realm, '/keyward-brand'), { realm });
}

export function putBrand(realm, changes) {
  return request(realmUrl(realm, '/keyward-brand'), { method: 'PUT', body: changes, realm });
}

export function getModes(realm) {
  return request(keywardUrl(realm, '/modes'), { realm });
}

export function putExemption(realm, exemption) {
  return request(keywardUrl(realm, '/exemptions'), { method: 'PUT', body: exemption, realm });
}

export function deleteExemption(realm, clientId, rule) {
  return request(withQuery(keywardUrl(realm, '/exemptions'), { clientId, rule }), { method: 'DELETE', realm });
}

/** Keycloak's representation of the client with this client ID (the query matches others too), or undefined. */
async function findClient(realm, clientId, briefRepresentation) {
  const clients = await request(withQuery(realmUrl(realm, '/clients'), { clientId, briefRepresentation }), { realm });
  return clients.find((candidate) => candidate.clientId === clientId);
}

/** Admin events about a client's exemptions; they name the client by its internal id, so look that up first. */
export async function getExemptionEvents(realm, clientId) {
  const client = await findClient(realm, clientId, true);
  if (!client) {
    return [];
  }
  const resourcePath = `clients/${client.id}/keyward-exemptions/*`;
  return request(withQuery(realmUrl(realm, '/admin-events'), { resourcePath, max: 50 }), { realm });
}

/**
 * Sets the client's own keyward.profile ('' returns it to its realm's) through Keycloak's client API, as Keycloak's admin
 * console does: read the client, change the attribute, write it back. Keyward's registration check judges the change there.
 */
export async function putClientProfile(realm, clientId, profile) {
  const client = await findClient(realm, clientId, false);
  if (!client) {
    throw new ApiError(404, t('error.404'));
  }
  return request(realmUrl(realm, `/clients/${pathSegment(client.id)}`), {
    method: 'PUT', body: { ...client, attributes: { ...client.attributes, 'keyward.profile': profile } }, realm,
  });
}

/**
 * Sets the realm's keyward.profile ('' returns it to the server's) through Keycloak's realm API. Its PUT drops the
 * attributes it is not given, so the whole realm goes back with the one attribute changed, as Keycloak's admin console sends it.
 */
export async function putRealmProfile(realm, profile) {
  const current = await request(realmUrl(realm, ''), { realm });
  return request(realmUrl(realm, ''), {
    method: 'PUT', body: { ...current, attributes: { ...current.attributes, 'keyward.profile': profile } }, realm,
  });
}
