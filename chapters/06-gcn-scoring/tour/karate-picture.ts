// The karate club as an SVG picture: each member coloured by its score, shaped
// by its real club, so a misplaced member stands out. The layout is a small
// force-directed one (Fruchterman & Reingold, 1991): friends pull together,
// everyone pushes everyone apart, and a seeded start makes the picture the
// same on every run.
import { seededRandom } from '../../shared/seeded-random.ts';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared/repo-files.ts';
import { loadKarateClub, misplaced, SCORED_CLUB, scoreMembers, trainOnLeaders, type Club } from '../model/karate.ts';

export interface Point {
  x: number;
  y: number;
}

/** Positions in the unit square for `ids`, joined by `edges`. */
export function springLayout(ids: readonly string[], edges: readonly [string, string][], seed: number, steps = 300): Map<string, Point> {
  const random = seededRandom(seed);
  const position = ids.map(() => ({ x: random(), y: random() }));
  const index = new Map(ids.map((id, i) => [id, i]));
  const links = edges.map(([a, b]) => [index.get(a)!, index.get(b)!] as const);
  const k = 1.5 * Math.sqrt(1 / ids.length); // sets the distance at which pull and push balance
  for (let step = 0; step < steps; step++) {
    const temperature = 0.1 * (1 - step / steps); // the most a node may move this step
    const shift = position.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const dx = position[i].x - position[j].x;
        const dy = position[i].y - position[j].y;
        const distance = Math.max(Math.hypot(dx, dy), 1e-6);
        const push = (k * k) / distance / distance;
        shift[i].x += dx * push;
        shift[i].y += dy * push;
        shift[j].x -= dx * push;
        shift[j].y -= dy * push;
      }
    }
    for (const [i, j] of links) {
      const dx = position[i].x - position[j].x;
      const dy = position[i].y - position[j].y;
      const pull = Math.hypot(dx, dy) / k;
      shift[i].x -= dx * pull;
      shift[i].y -= dy * pull;
      shift[j].x += dx * pull;
      shift[j].y += dy * pull;
    }
    position.forEach((p, i) => {
      const length = Math.max(Math.hypot(shift[i].x, shift[i].y), 1e-9);
      const move = Math.min(length, temperature);
      p.x += (shift[i].x / length) * move;
      p.y += (shift[i].y / length) * move;
    });
  }
  // Fit into the unit square.
  const xs = position.map((p) => p.x);
  const ys = position.map((p) => p.y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const scale = 1 / Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY);
  return new Map(ids.map((id, i) => [id, { x: (position[i].x - minX) * scale, y: (position[i].y - minY) * scale }]));
}

/** Okabe–Ito orange (score 1: Mr. Hi) to blue (score 0: Officer), readable with colour blindness. */
function colourFor(score: number): string {
  const [from, to] = [[0x00, 0x72, 0xb2], [0xe6, 0x9f, 0x00]];
  const channel = (c: number) => Math.round(from[c] + (to[c] - from[c]) * score).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

export interface KaratePicture {
  ids: readonly string[];
  edges: readonly [string, string][];
  clubs: ReadonlyMap<string, Club>;
  scores: ReadonlyMap<string, number>;
  caption: string;
}

export function karateSvg({ ids, edges, clubs, scores, caption }: KaratePicture): string {
  const size = 560;
  const margin = 30;
  const layout = springLayout(ids, edges, 34);
  const at = (id: string) => {
    const { x, y } = layout.get(id)!;
    return { x: (margin + x * (size - 2 * margin)).toFixed(1), y: (margin + y * (size - 2 * margin)).toFixed(1) };
  };
  const lines = edges.map(([a, b]) => {
    const [p, q] = [at(a), at(b)];
    return `  <line x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}"/>`;
  });
  const members = ids.map((id) => {
    const { x, y } = at(id);
    const score = scores.get(id)!;
    const wrong = score >= 0.5 !== (clubs.get(id) === SCORED_CLUB);
    const style = `fill="${colourFor(score)}"${wrong ? ' stroke="#d00" stroke-width="3"' : ''}`;
    const shape =
      clubs.get(id) === SCORED_CLUB
        ? `<circle cx="${x}" cy="${y}" r="11" ${style}/>`
        : `<rect x="${(Number(x) - 10).toFixed(1)}" y="${(Number(y) - 10).toFixed(1)}" width="20" height="20" ${style}/>`;
    return `  <g><title>member ${id}: ${clubs.get(id)}, score ${score.toFixed(2)}</title>${shape}<text x="${x}" y="${y}">${id}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size + 70}" width="${size}" height="${size + 70}" font-family="sans-serif">`,
    `  <rect width="100%" height="100%" fill="#fff"/>`,
    `  <g stroke="#999" stroke-width="1">`,
    ...lines.map((line) => `  ${line}`),
    `  </g>`,
    `  <g font-size="10" text-anchor="middle" dominant-baseline="central" fill="#fff">`,
    ...members.map((member) => `  ${member}`),
    `  </g>`,
    `  <g font-size="13" fill="#222">`,
    `    <text x="${margin}" y="${size + 10}">${caption}</text>`,
    `    <text x="${margin}" y="${size + 30}">Colour: the score, from blue (0, Officer) to orange (1, Mr. Hi).</text>`,
    `    <text x="${margin}" y="${size + 48}">Shape: the real club, circle Mr. Hi, square Officer. Red ring: misplaced.</text>`,
    `  </g>`,
    `</svg>`,
    '',
  ].join('\n');
}

export const KARATE_PICTURE = join(REPO_ROOT, 'docs', 'images', '06-karate-club.svg');

/** The lesson's picture: the chapter's trained model on the karate club. */
export function drawKarateClub(): string {
  const karate = loadKarateClub();
  const scores = scoreMembers(karate, trainOnLeaders(karate));
  const right = karate.clubs.size - misplaced(karate, scores).length;
  return karateSvg({
    ids: karate.graph.ids,
    edges: karate.edges,
    clubs: karate.clubs,
    scores,
    caption: `A GCN told only the clubs of members 0 and 33 places ${right} of 34 members right.`,
  });
}
