// The operative's softphone panel: my state (ready, pause with a reason), the current call (polled every
// 2 s through the state; the call itself is fetched, and audited as a view, only when it changes) and
// re-tiering. The outcome form lives in outcome.js, escalation and warm transfer in handover.js, the caller's
// browser softphone (the call's audio) in softphone.js.
import { api, duration, fields, requireRole, say, sayError, tierBadge, words } from '/app.js';
import { OutcomeForm } from '/outcome.js';
import { showHistory } from '/history.js';
import { HandoverPanel } from '/handover.js';
import { Softphone } from '/softphone.js';

const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);
const outcome = new OutcomeForm($('outcome-form'), (message) => {
  say($('state-status'), message, 'ok');
  refresh();
});
const handover = new HandoverPanel();
let shownCall = null;

function showState(state) {
  $('my-state').textContent = words(state.state);
  const detail = [];
  if (state.afterCall) detail.push('After this call: ' + words(state.afterCall));
  if (state.loadBand) detail.push('Load: ' + state.loadBand);
  $('state-detail').textContent = detail.join(' · ');
  $('ready').disabled = ['AVAILABLE', 'RESERVED', 'ON_CALL'].includes(state.state);
}

function showCall(call) {
  shownCall = call ? call.id : null;
  $('no-call').hidden = !!call;
  $('call').hidden = !call;
  $('outcome-card').hidden = !call;
  $('history-card').hidden = !call;
  $('handover-card').hidden = !call;
  if (!call) return;
  $('call-tier').replaceChildren(tierBadge(call.tier, 'large'));
  $('call-waited').textContent = duration(call.waitedSeconds);
  $('call-line').textContent = words(call.line);
  $('call-source').textContent = words(call.source);
  $('call-caller').textContent = call.caller;
  $('call-language').textContent = call.language || '—';
  $('call-id').textContent = call.id;
  if (call.tier <= 3) $('retier-tier').value = String(call.tier);
  outcome.forCall(call);
  handover.forCall(call);
}

async function refresh() {
  try {
    const state = await api('/api/operative/state');
    showState(state);
    if (!state.currentCall) {
      if (shownCall) showCall(null);
    } else if (state.currentCall !== shownCall) {
      showCall(await api('/api/operative/call'));
      showHistory(shownCall);
    }
  } catch (e) {
    sayError($('state-status'), e);
  }
}

$('ready').addEventListener('click', async () => {
  try {
    showState(await api('/api/operative/ready', { method: 'POST' }));
    say($('state-status'), 'You are ready for calls.', 'ok');
    refresh();
  } catch (e) {
    sayError($('state-status'), e);
  }
});

$('pause-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = fields(event.target);
  if (!body.reason) {
    say($('state-status'), 'Give a reason for the pause.', 'error');
    $('pause-reason').focus();
    return;
  }
  try {
    showState(await api('/api/operative/pause', { method: 'POST', body }));
    say($('state-status'), words(body.block) + ' recorded.', 'ok');
    event.target.reset();
  } catch (e) {
    sayError($('state-status'), e);
  }
});

$('retier-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { tier, reason } = fields(event.target);
  if (!reason) {
    say($('retier-status'), 'Give a reason for the new tier.', 'error');
    $('retier-reason').focus();
    return;
  }
  try {
    await api('/api/calls/' + encodeURIComponent(shownCall) + '/retier',
      { method: 'POST', body: { tier: Number(tier), reason } });
    say($('retier-status'), 'The caller is now tier ' + tier + '.', 'ok');
    event.target.reset();
    showCall(await api('/api/operative/call'));
  } catch (e) {
    sayError($('retier-status'), e);
  }
});

await requireRole('OPERATIVE');
new Softphone().start();
await refresh();
setInterval(refresh, POLL_MS);
