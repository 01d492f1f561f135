// The softphone's audible ring: the UK double ring (400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off)
// synthesised with Web Audio, so no sound file is fetched. Browsers only let a page make sound after a
// user gesture: unlock() is called from the click that connects the phone.

const CADENCE_S = [[0, 0.4], [0.6, 1.0]];
const PERIOD_S = 3;

export class Ring {
  #context = null;
  #timer = null;
  #gain = null;

  /** Makes sound possible later; call from a user gesture. */
  unlock() {
    if (!this.#context) this.#context = new AudioContext();
    this.#context.resume();
  }

  start() {
    if (!this.#context || this.#timer) return;
    this.#gain = this.#context.createGain();
    this.#gain.gain.value = 0;
    this.#gain.connect(this.#context.destination);
    for (const frequency of [400, 450]) {
      const tone = this.#context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(this.#gain);
      tone.start();
    }
    const cadence = () => {
      const now = this.#context.currentTime;
      for (const [on, off] of CADENCE_S) {
        this.#gain.gain.setValueAtTime(0.15, now + on);
        this.#gain.gain.setValueAtTime(0, now + off);
      }
    };
    cadence();
    this.#timer = setInterval(cadence, PERIOD_S * 1000);
  }

  stop() {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#gain.disconnect();
    this.#gain = null;
  }
}
