// Moving the caller on from the softphone panel: "Emergency" (with a confirmation step: it sends the caller
// to 999 at once) and "Warm transfer" to a CMHT duty line (found by the caller's postcode; offered only while
// staffed) or to one of the numbers admins configured. The server drives the phone system; this only asks,
// and shows what happened. Every control is a native button, radio or input: all of it works by keyboard.
import { api, el, say, sayError, timeOfDay } from '/app.js';

const $ = (id) => document.getElementById(id);

export class HandoverPanel {
  constructor() {
    this.call = null;
    this.status = $('handover-status');
    $('emergency-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.askToConfirm();
    });
    $('emergency-confirm').addEventListener('click', () => this.escalate());
    $('emergency-cancel').addEventListener('click', () => this.cancelConfirm());
    $('transfer-open').addEventListener('click', () => this.openTransfer());
    $('transfer-find-team').addEventListener('click', () => this.findTeam());
    $('transfer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.transfer();
    });
  }

  /** A new call: fresh forms, the transfer choices closed. */
  forCall(call) {
    if (this.call === call.id) return;
    this.call = call.id;
    $('emergency-form').reset();
    $('transfer-form').reset();
    this.cancelConfirm();
    this.showTransfer(false);
    say(this.status, '');
    say($('transfer-team-status'), '');
    $('transfer-team').replaceChildren();
    $('transfer-numbers').replaceChildren();
  }

  showTransfer(open) {
    $('transfer-options').hidden = !open;
    $('transfer-open').setAttribute('aria-expanded', String(open));
  }

  /** Opens the transfer choices and lists the configured numbers (asked only now: the list can change). */
  async openTransfer() {
    this.showTransfer(true);
    $('transfer-postcode').focus();
    try {
      const { numbers } = await api('/api/transfer-numbers');
      $('transfer-numbers').replaceChildren(...numbers.map((n) => target('number', n.number, n.name + ' · ' + n.number)));
    } catch (e) {
      sayError(this.status, e);
    }
  }

  askToConfirm() {
    const { service, reason } = this.emergencyFields();
    if (!reason) {
      say(this.status, 'Give a reason for the escalation.', 'error');
      $('emergency-reason').focus();
      return;
    }
    $('emergency-question').textContent = 'Send this caller to the emergency route now (' + service + ')? '
      + 'They leave this call at once.';
    $('emergency-confirmation').hidden = false;
    $('emergency-confirm').focus();
  }

  cancelConfirm() {
    $('emergency-confirmation').hidden = true;
  }

  async escalate() {
    const body = this.emergencyFields();
    this.cancelConfirm();
    try {
      await api('/api/calls/' + encodeURIComponent(this.call) + '/escalate', { method: 'POST', body: withoutBlank(body) });
      say(this.status, 'The caller is being put through to the emergency services (' + body.service + ').', 'ok');
    } catch (e) {
      sayError(this.status, e);
    }
    this.status.focus();
  }

  async findTeam() {
    const postcode = $('transfer-postcode').value.trim();
    const status = $('transfer-team-status');
    $('transfer-team').replaceChildren();
    if (!postcode) {
      say(status, 'Give the caller\'s postcode to find their team.', 'error');
      return;
    }
    try {
      const team = await api('/api/cmht?postcode=' + encodeURIComponent(postcode));
      const line = team.warmTransfer;
      if (line.available) {
        $('transfer-team').replaceChildren(target('team', team.team, team.name + ' duty line · ' + team.dutyLine));
        say(status, 'The duty line is staffed now.', 'ok');
      } else {
        const next = line.nextOpening ? ' It next opens ' + new Date(line.nextOpening).toLocaleDateString('en-GB',
          { weekday: 'long' }) + ' at ' + timeOfDay(line.nextOpening) + '.' : '';
        say(status, team.name + ': no warm transfer now, ' + line.why + '.' + next, 'info');
      }
    } catch (e) {
      sayError(status, e);
    }
  }

  async transfer() {
    const chosen = $('transfer-form').querySelector('input[name="target"]:checked');
    const reason = $('transfer-reason').value.trim();
    if (!chosen) {
      say(this.status, 'Choose where to transfer the caller.', 'error');
      return;
    }
    if (!reason) {
      say(this.status, 'Give a reason for the transfer.', 'error');
      $('transfer-reason').focus();
      return;
    }
    const body = withoutBlank({ [chosen.dataset.kind]: chosen.value, reason, context: $('transfer-context').value.trim() });
    try {
      const done = await api('/api/calls/' + encodeURIComponent(this.call) + '/transfer', { method: 'POST', body });
      say(this.status, 'Transferring the caller to ' + done.variables.CRISISLINE_TRANSFER_TO
        + ' with your handover note. If nobody answers, they come back to holding.', 'ok');
    } catch (e) {
      sayError(this.status, e);
    }
    this.status.focus();
  }

  emergencyFields() {
    return {
      service: $('emergency-service-now').value,
      reason: $('emergency-reason').value.trim(),
      context: $('emergency-context').value.trim(),
    };
  }
}

function target(kind, value, label) {
  const input = el('input', { type: 'radio', name: 'target', value, 'data-kind': kind });
  return el('li', {}, el('label', { class: 'inline' }, input, document.createTextNode(' ' + label)));
}

function withoutBlank(body) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== ''));
}
