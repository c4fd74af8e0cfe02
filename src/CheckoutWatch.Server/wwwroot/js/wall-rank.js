// Which merchants the wall display shows, in which order: pure functions of the tiles and the
// alert marks, so the wall re-ranks cheaply once a second however many merchants there are.
//
// Trouble first: merchants with unacknowledged alerts, then acknowledged ones (worse severity
// first), then the worst success rate, then the busiest. The top N get a row each; every other
// merchant is folded into one summary line.

import { HEALTH_THRESHOLDS, healthOf } from './tiles.js';

/** Rows on the wall before the rest is summarised. */
export const WALL_TOP_N = 12;

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 };

/** The success rate a tile is judged by (as healthOf does), or null when too few outcomes. */
export function judgedRate(tile, t = HEALTH_THRESHOLDS) {
  if (!tile) {
    return null;
  }
  if (tile.outcomes1m >= t.minOutcomes1m) {
    return tile.successRate1m ?? null;
  }
  if (tile.outcomes5m >= t.minOutcomes5m) {
    return tile.successRate5m ?? null;
  }
  return null;
}

/** Lower is more trouble: [alert rank, success rate, -volume]. */
function troubleKey(tile, mark) {
  const alertRank = mark ? (mark.open ? 0 : 3) + (SEVERITY_RANK[mark.severity] ?? 2) : 9;
  const rate = judgedRate(tile);
  return [alertRank, rate ?? 2, -(tile?.outcomes1m ?? 0)];
}

/**
 * @param {Map<string, object>} tiles merchantId → MerchantHealth
 * @param {Map<string, {severity: string, open: boolean, count: number}>} marks unresolved alerts per merchant
 * @param {number} topN
 * @returns {{top: string[], rest: {merchants: number, outcomes1m: number, failures1m: number,
 *           health: {good: number, warn: number, bad: number, quiet: number}}}}
 */
export function rankMerchants(tiles, marks, topN = WALL_TOP_N) {
  const ids = new Set(tiles.keys());
  for (const id of marks.keys()) {
    // Cross-merchant alerts ("*") are in the alert feed, not a merchant row.
    if (id !== '*') {
      ids.add(id);
    }
  }

  const keyed = [...ids].map((id) => ({ id, key: troubleKey(tiles.get(id), marks.get(id)) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const top = keyed.slice(0, topN).map((k) => k.id);
  const rest = { merchants: 0, outcomes1m: 0, failures1m: 0, health: { good: 0, warn: 0, bad: 0, quiet: 0 } };
  for (const { id } of keyed.slice(topN)) {
    const tile = tiles.get(id);
    rest.merchants++;
    rest.outcomes1m += tile?.outcomes1m ?? 0;
    rest.failures1m += tile?.failures1m ?? 0;
    rest.health[tile ? healthOf(tile) : 'quiet']++;
  }
  return { top, rest };
}

/** "288 more merchants · 281 good · 5 warn · 2 quiet · 14,020 payments/min, 310 failed" */
export function restSummary(rest, formatCount) {
  if (rest.merchants === 0) {
    return '';
  }
  const parts = [`${formatCount(rest.merchants)} more merchant${rest.merchants === 1 ? '' : 's'}`];
  for (const health of ['bad', 'warn', 'good', 'quiet']) {
    if (rest.health[health] > 0) {
      parts.push(`${formatCount(rest.health[health])} ${health}`);
    }
  }
  parts.push(`${formatCount(rest.outcomes1m)} payments/min, ${formatCount(rest.failures1m)} failed`);
  return parts.join(' · ');
}
