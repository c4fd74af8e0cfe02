// The alert feed column: one card per alert, open first, then acknowledged, then alerts resolved
// within the last hour (dimmed); within each, critical before major before minor, newest first.
// Alerts that a merchant-wide alert explains (parentId) sit compactly under their parent. The
// feed is rendered from the AlertStore (alert-store.js); cards are updated in place and only
// rebuilt when their alert's sequence changes, so a wall display does not flicker.

import { formatCount, formatDuration, formatHourMinute, formatMoney, formatRate } from './format.js';

/** Resolved alerts stay on the board this long after they resolved, dimmed. */
export const RESOLVED_VISIBLE_MS = 60 * 60 * 1000;

const STATUS_RANK = { open: 0, acknowledged: 1, resolved: 2 };
const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 };

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

const statusRank = (alert) => STATUS_RANK[alert.status] ?? 0;
const severityRank = (alert) => SEVERITY_RANK[alert.severity] ?? 3;
const timeOf = (iso) => (iso ? Date.parse(iso) : Number.NaN);
const hhmm = (iso) => (iso ? formatHourMinute(new Date(iso)) : '');

/** When the alert last became news: detected, or resolved for resolved ones. */
function newsAt(alert) {
  const at = alert.status === 'resolved' ? timeOf(alert.resolvedAt) : timeOf(alert.detectedAt);
  return Number.isNaN(at) ? 0 : at;
}

/**
 * The feed's order: status, then severity, then newest first; ids keep ties stable.
 * `rank` gives an alert's severity rank: a parent ranks by the worst of its group.
 */
export function compareAlerts(a, b, rank = severityRank) {
  return statusRank(a) - statusRank(b)
    || rank(a) - rank(b)
    || newsAt(b) - newsAt(a)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

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

function dimensionText(dimension) {
  if (!dimension || dimension.kind === 'merchant') {
    return 'merchant-wide';
  }
  const value = dimension.kind === 'decline_class' ? dimension.value.replaceAll('_', ' ') : dimension.value;
  return `${DIMENSION_LABELS[dimension.kind] ?? dimension.kind.replaceAll('_', ' ')} ${value}`;
}

/**
 * What each merchant tile should show: for merchants with unresolved alerts, the worst severity,
 * whether any is still unacknowledged, and how many incidents (child alerts are part of their
 * parent's incident, so they do not count twice).
 * @returns {Map<string, {severity: string, open: boolean, count: number}>}
 */
export function tileMarks(alerts) {
  const marks = new Map();
  for (const alert of alerts) {
    if (alert.status === 'resolved') {
      continue;
    }

    const mark = marks.get(alert.merchantId) ?? { severity: alert.severity, open: false, count: 0 };
    if (severityRank(alert) < (SEVERITY_RANK[mark.severity] ?? 3)) {
      mark.severity = alert.severity;
    }
    mark.open ||= alert.status === 'open';
    mark.count += alert.parentId ? 0 : 1;
    marks.set(alert.merchantId, mark);
  }

  for (const mark of marks.values()) {
    mark.count = Math.max(1, mark.count);
  }
  return marks;
}

function el(tag, className, text) {
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

/** The severity badge, the merchant and the slice, and the status. */
function buildTop(alert) {
  const top = el('div', 'alert-top');
  top.append(field('span', 'severity-badge', 'severity', alert.severity));
  const where = el('span', 'alert-where');
  where.append(
    field('span', 'alert-merchant', 'merchant', alert.merchantId),
    el('span', 'alert-sep', ' · '),
    field('span', 'alert-dimension', 'dimension', dimensionText(alert.dimension)));
  if (alert.kind !== 'payment_failure_spike') {
    where.append(el('span', 'alert-sep', ' · '), el('span', 'alert-kind', KIND_LABELS[alert.kind] ?? alert.kind));
  }
  top.append(where);
  if (alert.pages && alert.status !== 'resolved') {
    const pager = el('span', 'alert-pages', 'pages on-call');
    pager.title = 'This alert pages the on-call payments engineer';
    top.append(pager);
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

function buildGuidance(guidance) {
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
  row('guidance-say', 'Agents say', guidance.agentGuidance);
  row('guidance-never', 'Never say', guidance.neverSay);
  row('guidance-internal', 'On-call', guidance.internalGuidance);
  return box;
}

function buildActions(alert, state) {
  const bar = el('div', 'alert-actions');
  bar.append(field('p', 'alert-status', 'status', statusText(alert)));
  const buttons = el('div', 'alert-buttons');
  if (alert.status === 'open') {
    const ack = el('button', 'alert-button', 'Acknowledge');
    ack.type = 'button';
    ack.dataset.action = 'acknowledge';
    buttons.append(ack);
  }
  if (alert.status !== 'resolved') {
    const resolve = el('button', 'alert-button alert-button-quiet', 'Resolve');
    resolve.type = 'button';
    resolve.dataset.action = 'resolve';
    buttons.append(resolve);
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
function buildCard(alert, mode, state) {
  const card = el('div', 'alert-card');
  card.append(buildTop(alert), field('h3', 'alert-title', 'title', alert.title));
  if (mode === 'full') {
    const numbers = el('div', 'alert-numbers');
    numbers.append(buildFigures(alert), buildImpact(alert));
    card.append(numbers);
    for (const part of [buildDeclineCodes(alert), buildEvidence(alert), buildGuidance(alert.guidance)]) {
      if (part) {
        card.append(part);
      }
    }
  } else if (mode === 'child' && alert.status !== 'resolved') {
    card.append(buildFigures(alert));
  }
  card.append(buildActions(alert, state));
  return card;
}

/** One alert's list item; its children list outlives rebuilds of the card. */
class AlertView {
  constructor(id) {
    this.root = el('li', 'alert');
    this.root.dataset.alertId = id;
    this.card = null;
    this.children = el('ol', 'alert-children');
    this.root.append(this.children);
    this.key = '';
  }

  render(alert, mode, state) {
    const key = `${alert.sequence}|${mode}|${state.busy}|${state.error ?? ''}`;
    if (key === this.key) {
      return;
    }

    this.key = key;
    const d = this.root.dataset;
    d.severity = alert.severity;
    d.status = alert.status;
    d.kind = alert.kind;
    d.mode = mode;
    d.sequence = String(alert.sequence);
    const card = buildCard(alert, mode, state);
    if (this.card) {
      this.card.replaceWith(card);
    } else {
      this.root.prepend(card);
    }
    this.card = card;
  }
}

/** Puts `node` at position `index` of `parent`, moving it only when it is elsewhere. */
function placeAt(parent, node, index) {
  const at = parent.children[index] ?? null;
  if (at !== node) {
    parent.insertBefore(node, at);
  }
}

/** The alert feed column. */
export class AlertFeed {
  /**
   * @param {object} options
   * @param {HTMLElement} options.panel the column (shown once the feed runs)
   * @param {HTMLOListElement} options.list
   * @param {HTMLElement} options.empty shown when there is nothing to show
   * @param {HTMLElement} options.summary counts beside the heading
   * @param {import('./alert-store.js').AlertStore} options.store
   * @param {import('./tiles.js').TileBoard} options.tiles
   * @param {import('./operator.js').OperatorName} options.operator who acts (temporary, see operator.js)
   * @param {() => Date} options.now the server's time (the display's clock may be wrong)
   */
  constructor({ panel, list, empty, summary, store, tiles, operator, now }) {
    this.list = list;
    this.empty = empty;
    this.summary = summary;
    this.store = store;
    this.tiles = tiles;
    this.operator = operator;
    this.now = now;
    /** @type {Map<string, AlertView>} */
    this.views = new Map();
    /** Per-alert request state that survives re-renders: { busy, error }. */
    this.states = new Map();

    list.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
      const item = button?.closest('li[data-alert-id]');
      if (button && item && !button.disabled) {
        this.act(item.dataset.alertId, button.dataset.action);
      }
    });

    panel.hidden = false;
    this.render();
    // Resolved alerts leave the board an hour after resolving, even when nothing else changes.
    setInterval(() => this.render(), 30_000);
  }

  stateOf(id) {
    return this.states.get(id) ?? { busy: false, error: null };
  }

  render() {
    const now = this.now().getTime();
    const visible = [...this.store.values()].filter((a) =>
      a.status !== 'resolved' || !(now - timeOf(a.resolvedAt) > RESOLVED_VISIBLE_MS));
    const byId = new Map(visible.map((a) => [a.id, a]));

    // A child sits under its parent, one level deep, unless the parent is resolved and the
    // child is not: an open alert must never hide among the dimmed resolved ones.
    const top = [];
    const childrenOf = new Map();
    for (const alert of visible) {
      const parent = alert.parentId ? byId.get(alert.parentId) : undefined;
      const parentIsTop = parent && parent.id !== alert.id && !(parent.parentId && byId.has(parent.parentId));
      if (parentIsTop && (parent.status !== 'resolved' || alert.status === 'resolved')) {
        const siblings = childrenOf.get(parent.id) ?? [];
        siblings.push(alert);
        childrenOf.set(parent.id, siblings);
      } else {
        top.push(alert);
      }
    }

    // A merchant-wide parent can be rated lower than a slice it explains: the group sorts by its
    // worst unresolved member, so a critical incident never sits below a major one.
    const rank = (alert) => Math.min(severityRank(alert), ...(childrenOf.get(alert.id) ?? [])
      .filter((child) => child.status !== 'resolved')
      .map(severityRank));

    const placed = new Set();
    const place = (container, alerts, nested) => {
      alerts.sort((a, b) => compareAlerts(a, b, rank));
      alerts.forEach((alert, index) => {
        if (placed.has(alert.id)) {
          return; // a parent cycle in bad data: show each alert once
        }
        placed.add(alert.id);
        let view = this.views.get(alert.id);
        if (!view) {
          view = new AlertView(alert.id);
          this.views.set(alert.id, view);
        }
        const mode = nested ? 'child' : alert.status === 'resolved' ? 'compact' : 'full';
        view.render(alert, mode, this.stateOf(alert.id));
        placeAt(container, view.root, index);
        place(view.children, childrenOf.get(alert.id) ?? [], true);
      });
      while (container.children.length > alerts.length) {
        container.lastElementChild.remove();
      }
    };
    place(this.list, top, false);

    for (const [id, view] of this.views) {
      if (!placed.has(id)) {
        view.root.remove();
        this.views.delete(id);
        this.states.delete(id);
      }
    }

    this.tiles.setAlertMarks(tileMarks(visible));
    this.renderSummary(visible);
  }

  renderSummary(visible) {
    const count = (status) => visible.filter((a) => a.status === status && !a.parentId).length;
    const open = count('open');
    const acknowledged = count('acknowledged');
    const parts = [`${open} open`];
    if (acknowledged > 0) {
      parts.push(`${acknowledged} acknowledged`);
    }
    // Before the first snapshot the board knows nothing: no counts rather than a hopeful "0 open".
    const text = this.store.lastSequence === null ? '' : parts.join(' · ');
    if (this.summary.textContent !== text) {
      this.summary.textContent = text;
    }
    this.summary.dataset.open = String(open);
    this.empty.hidden = visible.length > 0;
    const loaded = this.store.lastSequence !== null;
    this.empty.textContent = loaded ? 'No open alerts' : 'Waiting for the alert feed…';
    this.empty.dataset.loaded = String(loaded);
  }

  /** Acknowledge or resolve through the REST API; the answer is applied at once. */
  async act(id, action) {
    if (action !== 'acknowledge' && action !== 'resolve') {
      return;
    }

    const by = this.operator.value;
    if (!by) {
      this.operator.ask();
      this.states.set(id, { busy: false, error: 'Type your name at the top of the board first.' });
      this.render();
      return;
    }

    this.states.set(id, { busy: true, error: null });
    this.render();
    let error = null;
    try {
      const url = new URL(`api/v1/alerts/${encodeURIComponent(id)}/${action}`, document.baseURI);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ by }),
      });
      if (response.ok) {
        this.store.applyChanges([await response.json()]);
      } else {
        const problem = await response.json().catch(() => null);
        error = problem?.detail ?? problem?.title ?? `The server answered ${response.status}.`;
      }
    } catch {
      error = 'The server could not be reached; try again.';
    }

    if (error) {
      this.states.set(id, { busy: false, error });
    } else {
      this.states.delete(id);
    }
    this.render();
  }
}
