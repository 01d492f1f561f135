// The clinical lead's dashboard: the queue board from the Server-Sent Events stream /api/lead/stream
// (event "queue"), referrals to watch: undelivered, awaiting a fallback plan, overdue, due for chasing or
// awaiting acknowledgement (refreshed every 30 s), and the overrides (give a call to an operative, send an
// operative on a break, cancel a booked callback), each with a required reason.
import { api, duration, el, fields, requireRole, say, sayError, setOptions, tierBadge, timeOfDay, words } from '/app.js';

const REFERRALS_EVERY_MS = 30000;
const $ = (id) => document.getElementById(id);

const cell = (text) => el('td', { text: String(text) });

function tierCard(tier) {
  const late = tier.longestWaitSeconds > tier.targetSeconds;
  return el('article', { class: 'tier-card tier-card-' + tier.tier, 'aria-label': 'Tier ' + tier.tier, 'data-tier': String(tier.tier) },
    tierBadge(tier.tier),
    el('div', { class: 'count', 'data-waiting': String(tier.waiting), text: String(tier.waiting) }),
    el('div', { text: tier.waiting === 1 ? 'caller waiting' : 'callers waiting' }),
    el('div', { class: late ? 'late' : '', text: 'Longest: ' + duration(tier.longestWaitSeconds) + (late ? ' (over target)' : '') }),
    el('div', { text: 'Estimated: ' + duration(tier.estimatedWaitSeconds) }),
    el('div', { class: 'hint', text: 'Target: ' + duration(tier.targetSeconds) }));
}

function alarm(a) {
  return el('div', { class: 'alarm ' + a.severity },
    el('strong', { text: a.severity === 'critical' ? 'Critical' : 'Warning' }), document.createTextNode(a.message));
}

function operativeRow(o) {
  return el('tr', {},
    el('th', { scope: 'row', text: o.id + (o.clinical ? ' (clinical)' : '') }),
    cell(words(o.state) + (o.currentCall ? ' · ' + o.currentCall : '') + (o.afterCall ? ' · then ' + words(o.afterCall) : '')),
    el('td', { class: 'band-' + (o.loadBand || 'low'), text: (o.loadBand || 'low') + ' (' + (o.load || 0) + ')' }),
    cell(o.recoveryInterruptions || 0),
    cell(o.consecutiveTierOne || 0));
}

function show(board) {
  const tiers = [...board.tiers].sort((a, b) => a.tier - b.tier);
  $('tiers').replaceChildren(...tiers.map(tierCard));
  $('alarms').replaceChildren(...(board.alarms.length ? board.alarms.map(alarm) : [el('p', { text: 'No alarms.' })]));
  $('waiting').replaceChildren(...(board.waiting.length
    ? board.waiting.map((c) => el('tr', {}, el('td', {}, tierBadge(c.tier)), cell(duration(c.waitedSeconds)), cell(words(c.line)), cell(c.id)))
    : [el('tr', {}, el('td', { colspan: '4', text: 'Nobody is waiting.' }))]));
  $('callbacks').textContent = 'Callbacks due: ' + board.callbacks.due + ' · overdue: ' + board.callbacks.overdue
    + ' · check-ins due: ' + board.checkInsDue;
  $('operatives').replaceChildren(...board.operatives.map(operativeRow));
  const cafes = Object.entries(board.cafeSignpostsToday);
  $('cafes').replaceChildren(...(cafes.length ? cafes.map(([cafe, n]) => el('tr', {}, cell(cafe), cell(n)))
    : [el('tr', {}, el('td', { colspan: '2', text: 'No signposts yet.' }))]));
  setOptions($('take-call'), board.waiting.map((c) => [c.id, c.id + ' · tier ' + c.tier]), 'Choose a call');
  const ops = board.operatives.map((o) => [o.id, o.id + ' · ' + words(o.state)]);
  setOptions($('take-operative'), ops, 'Choose an operative');
  setOptions($('break-operative'), ops, 'Choose an operative');
  setOptions($('cancel-call'), board.bookedCallbacks.map((c) => [c.id, c.id + ' · ' + words(c.kind) + ' · tier ' + c.tier
    + ' · ' + (c.state === 'SCHEDULED' ? 'due ' + timeOfDay(c.joinedAt) : 'holding a place')]), 'Choose a callback');
  $('live').textContent = 'Live · updated ' + timeOfDay(board.at);
}

/** The report's lists, most pressing first: a referral shows once, under the first list it is in. */
const REFERRAL_WATCH = [
  ['deliveryFlagged', 'Not delivered (flagged)'],
  ['awaitingFallback', 'Rejected: needs a fallback plan'],
  ['overdue', 'Overdue'],
  ['dueForChasing', 'Due for chasing'],
  ['awaitingAcknowledgement', 'Awaiting acknowledgement'],
];

async function referrals() {
  try {
    const report = await api('/api/referrals');
    const shown = new Set();
    const rows = [];
    for (const [list, needs] of REFERRAL_WATCH) {
      for (const r of report[list].filter((one) => !shown.has(one.id))) {
        shown.add(r.id);
        rows.push(el('tr', { 'data-needs': list }, cell(needs), cell(r.id), cell(r.caller), cell(r.team),
          cell(words(r.urgency)), cell(words(r.status)), cell(timeOfDay(r.respondBy)), cell(r.chases)));
      }
    }
    $('referrals').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '8', text: 'No referral needs watching.' }))]));
    say($('referrals-status'), '');
  } catch (e) {
    sayError($('referrals-status'), e);
  }
}

function stream() {
  const source = new EventSource('/api/lead/stream');
  source.addEventListener('queue', (event) => show(JSON.parse(event.data)));
  source.addEventListener('error', () => {
    $('live').textContent = 'Connection to the live queue lost; reconnecting…';
    // A lost session shows here as a failed stream: asking who is signed in sends a 401 to sign-in.
    api('/api/me').catch(() => {});
  });
}

async function override(form, path, done) {
  const body = fields(form);
  const missing = [...form.querySelectorAll('[required]')].find((input) => !body[input.name]);
  if (missing) {
    say($('action-status'), 'Fill in: ' + form.querySelector('label[for="' + missing.id + '"]').textContent + '.', 'error');
    missing.focus();
    return;
  }
  try {
    const result = await api(path, { method: 'POST', body });
    say($('action-status'), done(result), 'ok');
    form.reset();
  } catch (e) {
    sayError($('action-status'), e);
  }
}

$('take-form').addEventListener('submit', (event) => {
  event.preventDefault();
  override(event.target, '/api/lead/take-call', (r) => r.call + ' given to ' + r.operative + '.');
});
$('break-form').addEventListener('submit', (event) => {
  event.preventDefault();
  override(event.target, '/api/lead/break', (r) => r.operative + ': ' + words(r.block) + '.');
});
$('cancel-form').addEventListener('submit', (event) => {
  event.preventDefault();
  override(event.target, '/api/lead/cancel-callback', (r) => r.call + ': callback cancelled.');
});

await requireRole('CLINICAL_LEAD');
show(await api('/api/lead/queue'));
stream();
referrals();
setInterval(referrals, REFERRALS_EVERY_MS);
