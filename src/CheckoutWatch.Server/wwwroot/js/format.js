// Number and time formatting shared by the board's modules.

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

const pad2 = (n) => String(n).padStart(2, '0');

/** hh:mm:ss (24-hour) in the display's local time zone, the same in every locale. */
export function formatTime(date) {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/**
 * A success rate (0..1 or null) as a percentage without the unit: "97.5", "75", "100".
 * Whole percentages drop the decimal so that "75 %" reads at a glance; null (no outcomes in
 * the window) is an em dash rather than a misleading 0 or 100.
 */
export function formatRate(rate) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) {
    return '—';
  }

  // Never round a rate with failures up to a clean 100 %, nor one with successes down to 0 %.
  let tenths = Math.round(rate * 1000);
  if (rate < 1) {
    tenths = Math.min(999, tenths);
  }
  if (rate > 0) {
    tenths = Math.max(1, tenths);
  }
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

export function formatCount(value) {
  return countFormat.format(value ?? 0);
}
