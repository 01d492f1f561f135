// The outcome form of the softphone panel: which pathways a call ends in, with the CMHT lookup, the
// café search, and the callback slot or check-in plan with the number to call. The server checks the pathway rules; its refusal (422) is shown as it is, and nothing is
// saved then.
import { api, ApiError, el, say, sayError, timeOfDay } from '/app.js';

const $ = (id) => document.getElementById(id);

export class OutcomeForm {
  constructor(form, onSaved) {
    this.form = form;
    this.onSaved = onSaved;
    this.call = null;
    this.team = null;
    this.status = $('outcome-status');
    form.querySelectorAll('[data-pathway]').forEach((box) => box.addEventListener('change', () => {
      form.querySelector('[data-for="' + box.dataset.pathway + '"]').hidden = !box.checked;
    }));
    $('cmht-find').addEventListener('click', () => this.findTeam());
    $('cafe-find').addEventListener('click', () => this.findCafes());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  /** A new call: a fresh form. */
  forCall(call) {
    if (this.call && this.call.id === call.id) {
      this.call = call;
      return;
    }
    this.call = call;
    this.team = null;
    this.form.reset();
    this.form.querySelectorAll('[data-for]').forEach((n) => { n.hidden = true; });
    $('cafe-offers').replaceChildren();
    ['cmht-team', 'cafe-status', 'outcome-status'].forEach((id) => say($(id), ''));
  }

  async findTeam() {
    const postcode = $('cmht-postcode').value.trim();
    this.team = null;
    if (!postcode) {
      say($('cmht-team'), 'Enter the caller\'s postcode.', 'error');
      return;
    }
    try {
      const team = await api('/api/cmht?postcode=' + encodeURIComponent(postcode));
      this.team = team.team;
      const transfer = team.warmTransfer && team.warmTransfer.available
        ? ' Warm transfer to the duty line is possible now.' : ' No warm transfer now.';
      say($('cmht-team'), 'Team: ' + team.name + ' (' + team.team + ').' + transfer, 'ok');
    } catch (e) {
      sayError($('cmht-team'), e);
    }
  }

  async findCafes() {
    const query = new URLSearchParams({ district: $('cafe-district').value.trim() });
    const language = $('cafe-language').value.trim().toLowerCase();
    if (language) query.set('language', language);
    const access = [...$('cafe-access').querySelectorAll('input:checked')].map((box) => box.value);
    if (access.length) query.set('access', access.join(','));
    const list = $('cafe-offers');
    list.replaceChildren();
    try {
      const found = await api('/api/cafes?' + query);
      say($('cafe-status'), found.cafes.length ? found.cafes.length + ' café(s) open now or soon in ' + found.district + '.'
        : 'No café open now or soon in ' + found.district + ' suits these needs.', found.cafes.length ? 'ok' : 'info');
      list.replaceChildren(...found.cafes.map((cafe, i) => offer(cafe, i === 0)));
    } catch (e) {
      sayError($('cafe-status'), e);
    }
  }

  pathways() {
    const chosen = [...this.form.querySelectorAll('[data-pathway]:checked')].map((box) => box.dataset.pathway);
    return chosen.map((type) => {
      switch (type) {
        case 'cmht-referral': return {
          type, team: this.team || '', consent: $('cmht-consent').checked,
          urgency: $('cmht-urgency').value, riskSummary: $('cmht-risk').value.trim(),
        };
        case 'cafe-signpost': {
          const picked = this.form.querySelector('input[name="cafe"]:checked');
          const signpost = { type, cafe: picked ? picked.value : '' };
          const textTo = $('cafe-text-to').value.trim();
          if (textTo) signpost.textTo = textTo;
          return signpost;
        }
        case 'emergency-escalation': return { type, service: $('emergency-service').value.trim() };
        case 'advice-and-close': return { type, advice: $('advice-text').value.trim(), nextStep: $('advice-next').value.trim() };
        case 'callback': return { type, slotStart: instant('callback-slot'), callbackNumber: $('callback-number').value.trim() };
        default: return {
          type, firstCall: instant('checkin-first'), everyDays: Number($('checkin-every').value),
          calls: Number($('checkin-calls').value), consent: $('checkin-consent').checked,
          callbackNumber: $('checkin-number').value.trim(),
        };
      }
    });
  }

  notes() {
    return $('outcome-notes').value.trim();
  }

  async submit() {
    const pathways = this.pathways();
    if (!pathways.length) {
      say(this.status, 'Choose at least one pathway.', 'error');
      return;
    }
    if (pathways.some((p) => p.type === 'cmht-referral' && !p.team)) {
      say(this.status, 'Find the CMHT for the caller\'s postcode first.', 'error');
      return;
    }
    if (pathways.some((p) => p.type === 'cmht-referral' && !p.riskSummary)) {
      say(this.status, 'Write the risk summary for the team first.', 'error');
      return;
    }
    if (pathways.some((p) => p.type === 'cafe-signpost' && !p.cafe)) {
      say(this.status, 'Search for cafés and choose one first.', 'error');
      return;
    }
    const unbooked = pathways.find((p) => (p.type === 'callback' && !p.slotStart) || (p.type === 'check-in' && !p.firstCall));
    if (unbooked) {
      say(this.status, unbooked.type === 'callback' ? 'Choose the callback slot first.' : 'Choose when the first check-in call is.', 'error');
      return;
    }
    if (pathways.some((p) => p.callbackNumber === '')) {
      say(this.status, 'Enter the number to call, as the caller confirmed it.', 'error');
      return;
    }
    if (pathways.some((p) => p.type === 'check-in' && !p.consent)) {
      say(this.status, 'Check-in calls need the caller\'s agreement.', 'error');
      return;
    }
    const body = { pathways, clinicalRisk: $('clinical-risk').checked, historyConsent: $('history-consent').checked };
    const notes = this.notes();
    if (notes) body.notes = notes;
    try {
      const saved = await api('/api/calls/' + encodeURIComponent(this.call.id) + '/outcome', { method: 'POST', body });
      const message = ['Outcome recorded for ' + saved.call + ': ' + saved.pathways + '.', ...saved.texts.map(texted),
        ...saved.booked.map(bookedText)].join(' ');
      // The numbers were for this outcome: they are not kept on screen either.
      ['cafe-text-to', 'callback-number', 'checkin-number'].forEach((id) => { $(id).value = ''; });
      say(this.status, message, 'ok');
      this.onSaved(message);
    } catch (e) {
      // A rule's refusal (422) saves nothing; say so before the rule's own words.
      if (e instanceof ApiError && e.status === 422) say(this.status, 'Not saved. ' + capitalised(e.message), 'error');
      else sayError(this.status, e);
      this.status.focus();
    }
  }
}

/** What became of a café's text: sent, or not sent with the details to read out instead. */
const texted = (text) => text.sent ? 'Details of ' + text.cafe + ' texted to the caller.'
  : 'The text was not sent (' + text.error + '): read the details out: ' + text.details;

/** What the outcome booked, in the operative's words. */
const bookedText = (b) => b.type === 'callback'
  ? 'Callback booked for ' + dayAndTime(b.slotStart) + '.'
  : b.calls + ' check-in call(s) booked, every ' + b.everyDays + ' day(s) from ' + dayAndTime(b.firstCall) + '.';

const dayAndTime = (iso) => new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A datetime-local input's value (local time) as an ISO instant, or '' when empty. */
const instant = (id) => ($(id).value ? new Date($(id).value).toISOString() : '');

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function offer(cafe, first) {
  const id = 'cafe-' + cafe.id;
  const when = cafe.openNow
    ? el('span', { class: 'open-now', text: 'Open now, until ' + timeOfDay(cafe.closesAt) })
    : el('span', { class: 'opens-soon', text: 'Opens at ' + timeOfDay(cafe.opensAt) });
  return el('li', {},
    el('label', { class: 'inline', for: id },
      el('input', { type: 'radio', name: 'cafe', id, value: cafe.id, checked: first }),
      el('strong', { text: cafe.name })),
    el('div', {}, when, document.createTextNode(' · ' + cafe.placesLeft + ' places left')),
    el('div', { class: 'hint', text: cafe.address + (cafe.phone ? ' · ' + cafe.phone : '') }));
}
