// The caller's previous contacts on the softphone panel: fetched once per call (each view is audited), newest
// first. A note shows only where the caller consented to notes being kept.
import { api, el, say, sayError, tierBadge, words } from '/app.js';

const $ = (id) => document.getElementById(id);

/** Shows the history of the caller on {@code callId}, or clears the panel when there is no call. */
export async function showHistory(callId) {
  const list = $('history-list');
  const status = $('history-status');
  list.replaceChildren();
  say(status, '');
  if (!callId) return;
  try {
    const history = await api('/api/calls/' + encodeURIComponent(callId) + '/history');
    if (!history.contacts.length) {
      say(status, 'No previous contact with this caller.', 'info');
      return;
    }
    say(status, history.contacts.length + ' previous contact(s), newest first.', 'info');
    list.replaceChildren(...history.contacts.map(contact));
  } catch (e) {
    sayError(status, e);
  }
}

function contact(c) {
  const when = new Date(c.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return el('li', {},
    el('div', {}, el('strong', { text: when }), document.createTextNode(' · ' + words(c.line) + ' line '),
      tierBadge(c.tier)),
    el('div', { text: 'Pathways: ' + (c.pathways.join(', ') || '—') }),
    c.referredTo.length ? el('div', { text: 'Referred to: ' + c.referredTo.join(', ') }) : null,
    c.note ? el('div', { class: 'note', text: 'Note: ' + c.note })
      : el('div', { class: 'hint', text: c.consented ? 'No note.' : 'No note kept (no consent).' }));
}
