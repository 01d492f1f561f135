// The panel's softphone: a SIP-over-WebSocket user agent (JsSIP) registered as the signed-in operative's
// PJSIP endpoint. The PBX connects a caller by sending this endpoint an INVITE; the panel rings (sound and
// a highlighted card), the operative answers with a click or the keyboard, hears the caller in an <audio>
// element, and can mute and hang up. Settings come from GET /api/operative/softphone; the phone password is
// typed once per page load and held only in this module's memory (never sent to our server or stored).
// The caller's number in the INVITE is never shown: the current-call card shows their pseudonym.
import JsSIP from '/vendor/jssip.min.js';
import { api, say, sayError } from '/app.js';
import { Ring } from '/ring.js';

const $ = (id) => document.getElementById(id);

const STATES = {
  off: 'Not in use',
  'not-connected': 'Not connected',
  connecting: 'Connecting…',
  registered: 'Registered: calls ring here',
  ringing: 'Ringing',
  'in-call': 'In call',
  failed: 'Failed',
};

/** Words for the reasons getUserMedia refuses the microphone. */
const MICROPHONE_PROBLEMS = {
  NotAllowedError: 'The browser is not allowed to use your microphone. Allow it for this site (the icon at the left of the address bar), then press Answer again.',
  SecurityError: 'The browser is not allowed to use your microphone. Allow it for this site (the icon at the left of the address bar), then press Answer again.',
  NotFoundError: 'No microphone was found. Plug in your headset, then press Answer again.',
  NotReadableError: 'Your microphone is in use by another program or could not be started. Close the other program, then press Answer again.',
  OverconstrainedError: 'Your microphone cannot be used for calls. Choose another input device, then press Answer again.',
};

/** Words for JsSIP's failure causes (JsSIP.C.causes) that an operative can act on. */
function causeInWords(cause) {
  const causes = JsSIP.C.causes;
  switch (cause) {
    case causes.AUTHENTICATION_ERROR: return 'The PBX refused the phone password. Check it and connect again.';
    case causes.CONNECTION_ERROR: return 'The PBX cannot be reached. The phone keeps trying; ask the telephony admin if this lasts.';
    case causes.REQUEST_TIMEOUT: return 'The PBX did not answer in time. The phone keeps trying.';
    case causes.NOT_FOUND: return 'The PBX does not know this phone. Ask the telephony admin to set up your endpoint.';
    case causes.USER_DENIED_MEDIA_ACCESS: return MICROPHONE_PROBLEMS.NotAllowedError;
    case causes.CANCELED: return 'The caller hung up before you answered.';
    default: return 'The PBX said: ' + cause + '.';
  }
}

export class Softphone {
  #settings = null;
  #ua = null;
  #session = null;
  #ring = new Ring();

  async start() {
    $('phone-login').addEventListener('submit', (event) => this.#connect(event));
    $('phone-answer').addEventListener('click', () => this.#answer());
    $('phone-mute').addEventListener('click', () => this.#toggleMute());
    $('phone-hangup').addEventListener('click', () => this.#session && this.#session.terminate());
    window.addEventListener('pagehide', () => this.#ua && this.#ua.stop());
    try {
      this.#settings = await api('/api/operative/softphone');
    } catch (e) {
      this.#show('failed');
      sayError($('phone-detail'), e);
      return;
    }
    if (!this.#settings.enabled) {
      this.#show('off');
      say($('phone-detail'), 'The browser softphone is not set up on this server. Answer and speak on your desk phone.', 'info');
      return;
    }
    this.#show('not-connected');
    say($('phone-detail'), 'Type your phone password to take calls in this browser.', 'info');
    $('phone-login').hidden = false;
  }

  #connect(event) {
    event.preventDefault();
    const password = $('phone-password').value;
    if (!password) {
      say($('phone-detail'), 'Type your phone password first.', 'error');
      $('phone-password').focus();
      return;
    }
    $('phone-password').value = '';
    this.#ring.unlock();
    if (this.#ua) this.#ua.stop();
    const { wssUrl, sipDomain, sipUser } = this.#settings;
    const ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(wssUrl)],
      uri: 'sip:' + sipUser + '@' + sipDomain,
      authorization_user: sipUser,
      password,
      register: true,
      session_timers: false,
    });
    this.#ua = ua;
    // A replaced or refused agent's late events must not overwrite what the current one shows.
    const current = (handler) => (e) => { if (ua === this.#ua) handler(e); };
    ua.on('connecting', current(() => this.#show('connecting')));
    ua.on('disconnected', current(() => {
      if (this.#session) return;
      this.#show('failed');
      say($('phone-detail'), causeInWords(JsSIP.C.causes.CONNECTION_ERROR), 'error');
    }));
    ua.on('registered', current(() => {
      $('phone-login').hidden = true;
      this.#show('registered');
      say($('phone-detail'), 'Registered as ' + sipUser + '.', 'ok');
    }));
    ua.on('registrationFailed', current((e) => {
      this.#ua = null;
      ua.stop();
      this.#show('failed');
      say($('phone-detail'), causeInWords(e.cause), 'error');
      $('phone-login').hidden = false;
      $('phone-password').focus();
    }));
    ua.on('newRTCSession', current((e) => this.#incoming(e)));
    ua.start();
  }

  #incoming({ originator, session }) {
    if (originator !== 'remote') return;
    if (this.#session) {
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    this.#session = session;
    session.on('peerconnection', ({ peerconnection }) => {
      peerconnection.addEventListener('track', (track) => { $('phone-audio').srcObject = track.streams[0]; });
    });
    session.on('accepted', () => this.#inCall());
    session.on('ended', () => this.#ended('The call ended.', 'info'));
    session.on('failed', (e) => this.#ended(causeInWords(e.cause), e.cause === JsSIP.C.causes.CANCELED ? 'info' : 'error'));
    this.#show('ringing');
    say($('phone-detail'), 'A call is ringing. Press Answer (or Enter on it) to take it.', 'info');
    $('phone-call').hidden = false;
    $('phone-answer').hidden = false;
    $('phone-mute').hidden = true;
    this.#ring.start();
  }

  async #answer() {
    const session = this.#session;
    if (!session) return;
    let microphone;
    try {
      microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch (e) {
      say($('phone-detail'), MICROPHONE_PROBLEMS[e.name] || 'Your microphone could not be used: ' + e.message, 'error');
      return;
    }
    if (session !== this.#session || !session.isInProgress()) {
      microphone.getTracks().forEach((track) => track.stop());
      return;
    }
    this.#ring.stop();
    session.answer({ mediaStream: microphone, pcConfig: { iceServers: this.#settings.iceServers } });
  }

  #inCall() {
    this.#ring.stop();
    this.#show('in-call');
    say($('phone-detail'), 'You are speaking with the caller.', 'ok');
    $('phone-answer').hidden = true;
    $('phone-mute').hidden = false;
    $('phone-mute').textContent = 'Mute';
    $('phone-mute').setAttribute('aria-pressed', 'false');
    $('phone-hangup').focus();
  }

  #toggleMute() {
    if (!this.#session) return;
    const muted = this.#session.isMuted().audio;
    if (muted) this.#session.unmute({ audio: true }); else this.#session.mute({ audio: true });
    $('phone-mute').textContent = muted ? 'Mute' : 'Unmute';
    $('phone-mute').setAttribute('aria-pressed', String(!muted));
    say($('phone-detail'), muted ? 'The caller can hear you again.' : 'Muted: the caller cannot hear you.', muted ? 'ok' : 'info');
  }

  #ended(message, kind) {
    this.#ring.stop();
    const connection = this.#session && this.#session.connection;
    if (connection) connection.getSenders().forEach((sender) => sender.track && sender.track.stop());
    this.#session = null;
    $('phone-audio').srcObject = null;
    $('phone-call').hidden = true;
    const registered = this.#ua && this.#ua.isRegistered();
    this.#show(registered ? 'registered' : 'not-connected');
    say($('phone-detail'), message, kind);
  }

  #show(state) {
    $('phone-state').textContent = STATES[state];
    $('phone-state').dataset.state = state;
    if (state === 'ringing') $('phone-card').dataset.ringing = ''; else delete $('phone-card').dataset.ringing;
  }
}
