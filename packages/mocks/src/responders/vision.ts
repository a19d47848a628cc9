/**
 * Image-in tasks: classification (ImageNet-style labels), object detection (boxes in pixel
 * coordinates, COCO labels) and image-to-text, all seeded by the image bytes.
 */
import { createRng } from "../seed.js";
import { sentence } from "../words.js";

const IMAGENET = ["tabby cat", "golden retriever", "sports car", "espresso", "mountain bike", "laptop", "daisy", "lakeside", "pizza", "teddy bear", "container ship", "cello"];
const COCO = ["person", "cat", "dog", "car", "bicycle", "chair", "cup", "laptop", "potted plant", "bird"];

/** ImageClassificationOutput: five labels with descending scores summing below 1. */
export function imageClassificationOutput(seed: number): Array<{ label: string; score: number }> {
  const rng = createRng(seed);
  const labels = [...IMAGENET].sort(() => rng.next() - 0.5).slice(0, 5);
  let remaining = 0.95;
  return labels.map((label) => {
    const score = Math.round(remaining * (0.5 + rng.next() * 0.3) * 1e4) / 1e4;
    remaining -= score;
    return { label: label.toUpperCase(), score };
  });
}

/** ObjectDetectionOutput: 1-4 objects with boxes inside a 640x480 frame. */
export function objectDetectionOutput(seed: number): Array<{ score: number; label: string; box: { xmin: number; ymin: number; xmax: number; ymax: number } }> {
  const rng = createRng(seed);
  const count = rng.int(1, 4);
  return Array.from({ length: count }, () => {
    const xmin = rng.int(0, 500);
    const ymin = rng.int(0, 360);
    return {
      score: Math.round((0.6 + rng.next() * 0.39) * 1e4) / 1e4,
      label: rng.pick(COCO),
      box: { xmin, ymin, xmax: xmin + rng.int(20, 640 - xmin), ymax: ymin + rng.int(20, 480 - ymin) },
    };
  }).sort((a, b) => b.score - a.score);
}

/** ImageToTextOutput: `{description}`. */
export function imageToTextOutput(seed: number): Record<string, unknown> {
  const rng = createRng(seed);
  return { description: `The image shows ${rng.pick(COCO)} near a ${rng.pick(IMAGENET)}. ${sentence(rng, 12)}` };
}
