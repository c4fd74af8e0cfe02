// Number and time formatting shared by the board's modules.

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** hh:mm:ss in the display's local time zone. */
export function formatTime(date) {
  return timeFormat.format(date);
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

  // Never round a rate with failures up to a clean 100 %.
  const tenths = rate < 1 ? Math.min(999, Math.round(rate * 1000)) : 1000;
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

export function formatCount(value) {
  return countFormat.format(value ?? 0);
}
