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

/** hh:mm (24-hour) in the display's local time zone. */
export function formatHourMinute(date) {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** A duration in seconds, rounded for reading across a room: "45 s", "12 min", "3 h 5 min". */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds ?? 0));
  if (s < 120) {
    return `${s} s`;
  }

  const minutes = Math.round(s / 60);
  if (minutes < 120) {
    return `${minutes} min`;
  }

  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const moneyFormats = new Map();

function moneyFormat(currency) {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/**
 * An amount in minor units (cents, yen, fils) as money in its currency: 129974 EUR is "€1,299.74",
 * 5000 JPY is "¥5,000", 1500 BHD is "BHD 1.500". The currency's own fraction digits decide the
 * conversion, so zero- and three-decimal currencies come out right. An unknown code (the API
 * accepts any ISO 4217-shaped one) falls back to the raw minor units with the code.
 */
export function formatMoney(amountMinor, currency) {
  const amount = amountMinor ?? 0;
  if (!currency) {
    return amount === 0 ? '—' : formatCount(amount);
  }

  try {
    const format = moneyFormat(currency);
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${formatCount(amount)} ${currency} (minor units)`;
  }
}
