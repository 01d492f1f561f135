// Shared by every page: the API client (JSON, the CSRF header, 401 back to sign-in, {error, message}
// failures), who is signed in, and small DOM and formatting helpers. No framework, no build step.

let csrfToken = null;

/** A refusal or failure from the API, carrying its stable code and readable message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** Back to the sign-in page, saying why. */
export function toSignIn(reason) {
  location.assign('/index.html' + (reason ? '?reason=' + encodeURIComponent(reason) : ''));
}

/**
 * Calls the API: sends `body` as JSON and the CSRF token on anything but GET; resolves with the parsed JSON
 * (or null); rejects with ApiError. A 401 on any call but sign-in goes back to the sign-in page.
 */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = cookie('XSRF-TOKEN') || csrfToken;
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (response.ok) return data;
  if (response.status === 401 && path !== '/api/login') {
    toSignIn('expired');
  }
  throw new ApiError(response.status, data && data.error ? data.error : 'http-' + response.status,
    data && data.message ? data.message : 'The server answered ' + response.status + '.');
}

/** The signed-in person (and remembers their CSRF token); goes to sign-in when nobody is. */
export async function me() {
  const person = await api('/api/me');
  csrfToken = person.csrfToken;
  return person;
}

/** The signed-in person if they hold `role`; anyone else goes back to the sign-in page. */
export async function requireRole(role) {
  const person = await me();
  if (!person.roles.includes(role)) {
    toSignIn('role');
    throw new ApiError(403, 'forbidden', 'This page is not for your role.');
  }
  document.querySelectorAll('[data-person]').forEach((n) => { n.textContent = person.displayName; });
  const signOut = document.getElementById('sign-out');
  if (signOut) {
    signOut.addEventListener('click', async () => {
      try { await api('/api/logout', { method: 'POST' }); } finally { toSignIn('signed-out'); }
    });
  }
  return person;
}

/** The page for a person's first role. */
export function homeFor(person) {
  if (person.roles.includes('OPERATIVE')) return '/operative.html';
  if (person.roles.includes('CLINICAL_LEAD')) return '/lead.html';
  if (person.roles.includes('ADMIN')) return '/admin.html';
  return '/index.html';
}

/** Creates an element: el('td', {class: 'x', text: 'y'}, child...). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Shows a message in a status region: kind 'error', 'ok' or 'info'; an empty text hides it. */
export function say(region, text, kind = 'info') {
  region.textContent = text || '';
  region.hidden = !text;
  region.dataset.kind = kind;
}

/** Shows a failure (ApiError or any error) in a status region. */
export function sayError(region, error) {
  say(region, error instanceof ApiError ? error.message : 'Something went wrong: ' + error.message, 'error');
}

export const TIERS = {
  1: 'Immediate risk',
  2: 'Crisis',
  3: 'Support',
  4: 'Check-in',
};

/** A tier badge: colour and words, never colour alone. */
export function tierBadge(tier, size = '') {
  const label = tier === 4 ? 'Check-in' : 'Tier ' + tier + ' · ' + (TIERS[tier] || 'Unknown');
  return el('span', { class: ('tier-badge tier-' + tier + ' ' + size).trim(), 'data-tier': String(tier), text: label });
}

/** "4 min 05 s", "42 s", "—". */
export function duration(seconds) {
  if (seconds === undefined || seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + String(s % 60).padStart(2, '0') + ' s';
  return Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0') + ' min';
}

/** A local time of day for an ISO instant, e.g. "19:30". */
export function timeOfDay(iso) {
  return iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '—';
}

/** Words for an upper-case enum value: "NHS_111" → "NHS 111", "ON_CALL" → "On call". */
export function words(value) {
  if (!value) return '—';
  const text = String(value).replace(/_/g, ' ').toLowerCase();
  return /\d/.test(text) ? text.toUpperCase() : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replaces a select's options, keeping the chosen value when it is still offered. */
export function setOptions(select, options, placeholder) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '', text: placeholder }),
    ...options.map(([value, label]) => el('option', { value, text: label })));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

/** The form's named, trimmed field values. */
export function fields(form) {
  const data = {};
  for (const [key, value] of new FormData(form).entries()) data[key] = typeof value === 'string' ? value.trim() : value;
  return data;
}
