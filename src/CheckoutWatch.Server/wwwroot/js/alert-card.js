// One alert's card: what went wrong where, observed against expected, the impact, the decline
// codes, the knowledge-base guidance, the status and the actions. Pure DOM building from an
// alert as the hub sends it; alerts.js decides which cards exist, in which order and mode.

import { formatCount, formatDuration, formatHourMinute, formatMoney, formatRate } from './format.js';

const KIND_LABELS = {
  payment_failure_spike: 'payment failures',
  traffic_drop: 'traffic drop',
  stuck_sessions: 'stuck sessions',
};

const DIMENSION_LABELS = {
  psp: 'PSP',
  payment_method: 'method',
  card_network: 'network',
  decline_class: 'decline class',
  decline_code: 'decline code',
};

const WHO_ACTS = {
  customer: 'the customer',
  payments_team: 'payments team',
  nobody: 'nobody (never retry)',
};

const timeOf = (iso) => (iso ? Date.parse(iso) : Number.NaN);
const hhmm = (iso) => (iso ? formatHourMinute(new Date(iso)) : '');

/** "open since 14:02", "acknowledged by Dana at 14:05", "resolved (auto) at 14:30", "resolved by Dana at 14:31". */
export function statusText(alert) {
  switch (alert.status) {
    case 'acknowledged':
      return `acknowledged by ${alert.acknowledgedBy ?? 'someone'} at ${hhmm(alert.acknowledgedAt)}`;
    case 'resolved':
      return alert.resolvedBy && alert.resolvedBy !== 'auto'
        ? `resolved by ${alert.resolvedBy} at ${hhmm(alert.resolvedAt)}`
        : `resolved (auto) at ${hhmm(alert.resolvedAt)}`;
    default: {
      const again = alert.occurrences > 1 ? ` · ${alert.occurrences}× in a row` : '';
      return `open since ${hhmm(alert.detectedAt)}${again}`;
    }
  }
}

// A no-break space keeps "51.8 %" together when a line wraps.
const percent = (rate) => {
  const value = formatRate(rate);
  return value === '—' ? value : `${value}\u00a0%`;
};

/**
 * The window the observed figures cover. An alert's very first version can carry 0 s (the
 * window is measured from the incident's start to the evaluation that opened it); the time from
 * its first failing event to its last update says the same thing honestly.
 */
function windowSeconds(alert) {
  const reported = alert.figures?.windowSeconds ?? 0;
  if (reported >= 1) {
    return reported;
  }

  const span = (timeOf(alert.updatedAt) - timeOf(alert.startedAt)) / 1000;
  return Number.isFinite(span) && span >= 1 ? span : null;
}

/**
 * Observed against expected, as parts: { observed, versus, window }.
 * Spikes: "38 %" "vs 4.1 %" "over 45 s"; traffic drops: "12 starts" "vs 80 expected";
 * stuck sessions: "14 of 60 sessions" "stuck (23 %)".
 */
export function figureParts(alert) {
  const f = alert.figures ?? {};
  const seconds = windowSeconds(alert);
  const window = seconds === null ? '' : `over ${formatDuration(seconds)}`;
  switch (alert.kind) {
    case 'traffic_drop':
      return {
        observed: `${formatCount(Math.round(f.observedStarts ?? 0))} starts`,
        versus: `vs ${formatCount(Math.round(f.expectedStarts ?? 0))} expected`,
        window,
      };
    case 'stuck_sessions':
      return {
        observed: `${formatCount(f.failures)} of ${formatCount(f.attempts)} sessions`,
        versus: `stuck (${percent(f.observedRate)})`,
        window,
      };
    default:
      return {
        observed: percent(f.observedRate),
        versus: `vs ${percent(f.baselineRate)}`,
        window,
      };
  }
}

export function figuresText(alert) {
  const { observed, versus, window } = figureParts(alert);
  return [observed, versus, window].filter(Boolean).join(' ');
}

/** Merchant "*" is a platform-wide alert (a PSP failing across merchants): say so in words. */
const PLATFORM_MERCHANT = '*';

export function merchantText(alert) {
  if (alert.merchantId !== PLATFORM_MERCHANT) {
    return alert.merchantId;
  }
  return alert.dimension?.kind === 'psp' ? `all merchants on ${alert.dimension.value}` : 'all merchants';
}

function dimensionText(dimension, merchantId) {
  if (merchantId === PLATFORM_MERCHANT && dimension?.kind === 'psp') {
    return 'PSP-wide';
  }
  if (!dimension || dimension.kind === 'merchant') {
    return 'merchant-wide';
  }
  const value = dimension.kind === 'decline_class' ? dimension.value.replaceAll('_', ' ') : dimension.value;
  return `${DIMENSION_LABELS[dimension.kind] ?? dimension.kind.replaceAll('_', ' ')} ${value}`;
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function field(tag, className, name, text) {
  const node = el(tag, className, text);
  node.dataset.field = name;
  return node;
}

/** The severity badge, the merchant and the slice, and whether it pages on-call. */
function buildTop(alert) {
  const top = el('div', 'alert-top');
  top.append(field('span', 'severity-badge', 'severity', alert.severity));
  const where = el('span', 'alert-where');
  where.append(
    field('span', 'alert-merchant', 'merchant', merchantText(alert)),
    el('span', 'alert-sep', ' · '),
    field('span', 'alert-dimension', 'dimension', dimensionText(alert.dimension, alert.merchantId)));
  if (alert.kind !== 'payment_failure_spike') {
    where.append(el('span', 'alert-sep', ' · '), el('span', 'alert-kind', KIND_LABELS[alert.kind] ?? alert.kind));
  }
  top.append(where);
  if (alert.silenced && alert.status !== 'resolved') {
    const silenced = field('span', 'alert-silenced', 'silenced', `silenced until ${hhmm(alert.silenced.endsAt)}`);
    silenced.title = `${alert.silenced.reason} (by ${alert.silenced.author}): on the board, but nobody is notified`;
    top.append(silenced);
  } else if (alert.pages && alert.status === 'open') {
    const pager = el('span', 'alert-pages', 'pages on-call');
    pager.title = 'This alert pages the on-call payments engineer';
    top.append(pager);
  }
  const delivery = alert.delivery;
  if (delivery && (delivery.state === 'failed' || delivery.state === 'retrying')) {
    const marker = field('span', 'alert-delivery', 'delivery',
      delivery.state === 'failed' ? `⚠ ${delivery.failed} notification${delivery.failed === 1 ? '' : 's'} failed` : '⚠ notification retrying');
    marker.dataset.state = delivery.state;
    marker.title = delivery.lastError ?? '';
    top.append(marker);
  }
  return top;
}

function buildFigures(alert) {
  const { observed, versus, window } = figureParts(alert);
  const line = field('p', 'alert-figures', 'figures');
  line.append(el('strong', 'alert-observed', observed), ' ', el('span', 'alert-versus', versus));
  if (window) {
    line.append(' ', el('span', 'alert-window', window));
  }
  return line;
}

function buildImpact(alert) {
  const impact = el('dl', 'alert-impact');
  const fact = (label, name, value) => {
    const wrap = el('div', 'alert-fact');
    wrap.append(el('dt', null, label), field('dd', null, name, value));
    impact.append(wrap);
  };
  fact('sessions affected', 'affected-sessions', formatCount(alert.affectedSessions));
  if (alert.kind !== 'traffic_drop') {
    fact('revenue at risk', 'revenue', formatMoney(alert.revenueAtRiskMinor, alert.currency));
  }
  return impact;
}

function buildDeclineCodes(alert) {
  const codes = alert.topDeclineCodes ?? [];
  if (codes.length === 0) {
    return null;
  }

  const list = field('ul', 'decline-codes', 'decline-codes');
  list.setAttribute('aria-label', 'top decline codes');
  for (const code of codes) {
    const item = el('li', 'decline-code');
    item.dataset.class = code.class ?? 'unknown';
    item.append(el('span', 'decline-code-value', code.code), ` ×${formatCount(code.count)}`);
    if (code.class) {
      item.append(el('span', 'decline-code-class', ` ${code.class.replaceAll('_', ' ')}`));
    }
    list.append(item);
  }
  return list;
}

function buildEvidence(alert) {
  const slices = (alert.evidence ?? []).slice(0, 3);
  if (slices.length === 0) {
    return null;
  }

  const line = field('p', 'alert-evidence', 'evidence');
  line.append(el('span', 'label', 'also elevated '));
  line.append(slices.map((e) => `${dimensionText(e.dimension)} ${percent(e.observedRate)}`).join(' · '));
  return line;
}

/**
 * The knowledge-base guidance. Once someone has acknowledged the alert it shrinks to what the
 * failure means and who acts: on a wall, the room goes to the alerts nobody owns yet.
 */
function buildGuidance(guidance, brief) {
  if (!guidance) {
    return null;
  }

  const box = field('div', 'guidance', 'guidance');
  const row = (className, label, text) => {
    if (!text) {
      return;
    }
    const p = el('p', className);
    p.append(el('span', 'label', label), ' ', text);
    box.append(p);
  };

  const meaning = el('p', 'guidance-meaning');
  if (guidance.code) {
    meaning.append(el('span', 'guidance-code', guidance.code), ' ');
  }
  meaning.append(guidance.meaning ?? '');
  box.append(meaning);
  row('guidance-who', 'Who acts', WHO_ACTS[guidance.whoActs] ?? guidance.whoActs?.replaceAll('_', ' '));
  if (brief) {
    return box;
  }
  row('guidance-say', 'Agents say', guidance.agentGuidance);
  row('guidance-never', 'Never say', guidance.neverSay);
  row('guidance-internal', 'On-call', guidance.internalGuidance);
  return box;
}

function buildActions(alert, state) {
  const bar = el('div', 'alert-actions');
  bar.append(field('p', 'alert-status', 'status', statusText(alert)));
  const buttons = el('div', 'alert-buttons');
  // Only for people whose role may act (act-on-alerts); the server checks again on every call.
  if (state.canAct && alert.status === 'open') {
    const ack = el('button', 'alert-button', 'Acknowledge');
    ack.type = 'button';
    ack.dataset.action = 'acknowledge';
    buttons.append(ack);
  }
  if (state.canAct && alert.status !== 'resolved') {
    const resolve = el('button', 'alert-button alert-button-quiet', 'Resolve');
    resolve.type = 'button';
    resolve.dataset.action = 'resolve';
    buttons.append(resolve);
  } else {
    const reopen = el('button', 'alert-button alert-button-quiet', 'Reopen');
    reopen.type = 'button';
    reopen.dataset.action = 'reopen';
    buttons.append(reopen);
  }
  for (const button of buttons.children) {
    button.disabled = state.busy;
  }
  bar.append(buttons);
  if (state.error) {
    bar.append(field('p', 'alert-error', 'error', state.error));
  }
  return bar;
}

/** The card's content for its mode: 'full' (a live incident), 'compact' (resolved) or 'child'. */
export function buildCard(alert, mode, state) {
  const card = el('div', 'alert-card');
  card.append(buildTop(alert), field('h3', 'alert-title', 'title', alert.title));
  if (mode === 'full') {
    const numbers = el('div', 'alert-numbers');
    numbers.append(buildFigures(alert), buildImpact(alert));
    card.append(numbers);
    for (const part of [buildDeclineCodes(alert), buildEvidence(alert), buildGuidance(alert.guidance, alert.status === 'acknowledged')]) {
      if (part) {
        card.append(part);
      }
    }
  } else if (mode === 'child' && alert.status !== 'resolved') {
    card.append(buildFigures(alert));
  }
  if (alert.latestNote && mode !== 'child') {
    const note = field('p', 'alert-latest-note', 'latest-note');
    note.append(el('span', 'label', `${alert.latestNote.by} at ${hhmm(alert.latestNote.at)}: `), alert.latestNote.text);
    card.append(note);
  }
  card.append(buildActions(alert, state));
  return card;
}
