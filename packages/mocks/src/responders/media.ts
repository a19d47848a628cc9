/**
 * Images and audio: text-to-image (binary PNG/JPEG, or base64 JSON for flux), speech
 * recognition (whisper words + WebVTT, whisper-turbo segments) and text-to-speech (silent MP3).
 */
import { pictureJpeg, picturePng } from "../encoders/picture.js";
import { createRng } from "../seed.js";
import { sentenceWords } from "../words.js";

/** Generated images are capped so a 2048x2048 request stays cheap; the size is still honoured below it. */
const MAX_SIDE = 2048;

function side(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? Math.min(value, MAX_SIDE) : fallback;
}

/** PNG bytes for an SDXL-family request (default 1024x1024 like the real models). */
export function textToImagePng(input: { width?: number; height?: number }, seed: number): Uint8Array {
  return picturePng(seed, side(input.width, 1024), side(input.height, 1024));
}

/** JPEG bytes for models that answer image/jpeg (phoenix). */
export function textToImageJpeg(input: { width?: number; height?: number }, seed: number): Uint8Array {
  return pictureJpeg(seed, side(input.width, 1024), side(input.height, 1024));
}

/** FluxOutput: `{image: base64 JPEG}`. */
export function fluxOutput(input: { width?: number; height?: number }, seed: number): Record<string, unknown> {
  return { image: Buffer.from(pictureJpeg(seed, side(input.width, 1024), side(input.height, 1024))).toString("base64") };
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`;
}

interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** Words spread over the audio's duration (16 kB of audio taken as one second). */
function transcribe(audioBytes: number, seed: number): { words: TimedWord[]; duration: number } {
  const duration = Math.max(1, Math.round((audioBytes / 16_000) * 100) / 100);
  const rng = createRng(seed);
  const count = Math.max(2, Math.min(200, Math.round(duration * 2.5)));
  const step = duration / count;
  const words = sentenceWords(rng, count).map((word, i) => ({
    word,
    start: Math.round(i * step * 100) / 100,
    end: Math.round((i + 0.9) * step * 100) / 100,
  }));
  return { words, duration };
}

function vtt(words: TimedWord[]): string {
  let out = "WEBVTT\n\n";
  for (let i = 0; i < words.length; i += 8) {
    const cue = words.slice(i, i + 8);
    out += `${vttTime(cue[0]!.start)} --> ${vttTime(cue.at(-1)!.end)}\n${cue.map((w) => w.word).join(" ")}\n\n`;
  }
  return out;
}

/** WhisperOutput: `{text, word_count, words[{word,start,end}], vtt}`. */
export function whisperOutput(audioBytes: number, seed: number): Record<string, unknown> {
  const { words } = transcribe(audioBytes, seed);
  return { text: words.map((w) => w.word).join(" "), word_count: words.length, words, vtt: vtt(words) };
}

/** WhisperTurboOutput: segments with per-word timings, transcription_info and vtt. */
export function whisperTurboOutput(audioBytes: number, seed: number, language = "en"): Record<string, unknown> {
  const { words, duration } = transcribe(audioBytes, seed);
  const segments = [];
  for (let i = 0; i < words.length; i += 12) {
    const part = words.slice(i, i + 12);
    segments.push({
      start: part[0]!.start,
      end: part.at(-1)!.end,
      text: part.map((w) => w.word).join(" "),
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.4,
      no_speech_prob: 0.01,
      words: part,
    });
  }
  return {
    text: words.map((w) => w.word).join(" "),
    word_count: words.length,
    segments,
    transcription_info: { language, language_probability: 0.98, duration, duration_after_vad: duration },
    vtt: vtt(words),
  };
}

/** A silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz): 417 bytes, playable. */
function silentMp3(frames: number): Uint8Array {
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  const out = new Uint8Array(frame.length * frames);
  for (let i = 0; i < frames; i++) out.set(frame, i * frame.length);
  return out;
}

/** MP3 bytes roughly as long as reading `text` aloud takes (about 38 frames per second). */
export function speechMp3(text: string): Uint8Array {
  const seconds = Math.max(1, Math.min(60, text.split(/\s+/).length / 2.5));
  return silentMp3(Math.round(seconds * 38));
}

/** TextToSpeechOutput: `{audio: base64 MP3}`. */
export function textToSpeechOutput(input: { prompt?: string; text?: string }): Record<string, unknown> {
  return { audio: Buffer.from(speechMp3(input.prompt ?? input.text ?? "")).toString("base64") };
}
