/** A short two-tone alarm through WebAudio (no audio file, no network). Silently does nothing if audio is blocked. */
declare global {
  interface Window {
    /** Older Safari's name for AudioContext. */
    webkitAudioContext?: typeof AudioContext;
  }
}

let ctx: AudioContext | undefined;

export function beep(): void {
  try {
    const AC = window.AudioContext ?? window.webkitAudioContext;
    if (!AC) return;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume();
    const t = ctx.currentTime;
    for (const [i, f] of [880, 660, 880].entries()) {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.type = 'square';
      o.frequency.value = f;
      g.gain.setValueAtTime(0.0001, t + i * 0.18);
      g.gain.exponentialRampToValueAtTime(0.2, t + i * 0.18 + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.18 + 0.16);
      o.connect(g).connect(ctx.destination);
      o.start(t + i * 0.18);
      o.stop(t + i * 0.18 + 0.17);
    }
  } catch {
    /* audio unavailable */
  }
}
