// The sign-in page: POST /api/login, then go to the page for the person's role.
import { api, fields, homeFor, me, say, sayError } from '/app.js';

const REASONS = {
  expired: 'Your session has ended. Please sign in again.',
  'signed-out': 'You have signed out.',
  role: 'That page is not available to your account. Please sign in with the right account.',
};

const form = document.getElementById('sign-in');
const error = document.getElementById('sign-in-error');
const reason = new URLSearchParams(location.search).get('reason');
if (REASONS[reason]) say(document.getElementById('notice'), REASONS[reason], 'info');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { username, password } = fields(form);
  if (!username || !password) {
    say(error, 'Enter your username and password.', 'error');
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  say(error, '');
  try {
    await api('/api/login', { method: 'POST', body: { username, password } });
    location.assign(homeFor(await me()));
  } catch (e) {
    sayError(error, e);
    form.password.value = '';
    form.password.focus();
  } finally {
    button.disabled = false;
  }
});
