// The wall display's panels. Each keeps its DOM nodes keyed (merchant id, alert id) and changes
// only the text and the nodes that differ, so a message redraws what it changed and nothing else,
// and the page holds a bounded number of nodes however many merchants there are.

import { el, figuresText, merchantText, statusText } from './alert-card.js';
import { compareAlerts } from './alerts.js';
import { formatCount, formatRate } from './format.js';
import { healthOf } from './tiles.js';
import { restSummary } from './wall-rank.js';
import { FailureRateChart } from './wall-chart.js';

/** Charts at most (the most troubled alerted merchants). */
export const WALL_MAX_CHARTS = 6;

/** Alerts listed at most; the rest are counted. */
export const WALL_MAX_ALERTS = 8;

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 };

export function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text;
  }
}

function setData(node, name, value) {
  if (value === null || value === undefined) {
    delete node.dataset[name];
  } else if (node.dataset[name] !== value) {
    node.dataset[name] = value;
  }
}

function field(tag, className, name, text) {
  const node = el(tag, className, text);
  node.dataset.field = name;
  return node;
}

/** Puts `node` at position `index` of `parent`, moving it only when it is elsewhere. */
function placeAt(parent, node, index) {
  const at = parent.children[index] ?? null;
  if (at !== node) {
    parent.insertBefore(node, at);
  }
}

const percent = (rate) => {
  const value = formatRate(rate);
  return value === '—' ? value : `${value} %`;
};

/** The alert a merchant's chart is drawn for: unacknowledged first, failure spikes first, worst severity. */
export function chartAlertOf(alerts) {
  return [...alerts].sort((a, b) => (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1)
    || (a.kind === 'payment_failure_spike' ? 0 : 1) - (b.kind === 'payment_failure_spike' ? 0 : 1)
    || (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3)
    || (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0))[0] ?? null;
}

/** One merchant's row: name, alert, big success rate, volume, failures, in flight. */
class MerchantRow {
  constructor(merchantId) {
    this.root = el('article', 'wall-row');
    this.root.dataset.merchantId = merchantId;
    const name = el('h3', 'wall-merchant', merchantId);
    name.title = merchantId;
    this.alert = field('span', 'wall-row-alert', 'alert', '');
    this.rate = field('span', 'wall-rate', 'success-rate', '—');
    this.volume = field('span', 'wall-num', 'volume', '0');
    this.failures = field('span', 'wall-num', 'failures', '0');
    this.inFlight = field('span', 'wall-num', 'in-flight', '0');
    const figure = (value, label) => {
      const wrap = el('span', 'wall-figure');
      wrap.append(value, el('span', 'wall-figure-label', label));
      return wrap;
    };
    const who = el('div', 'wall-row-name');
    who.append(name, this.alert);
    this.root.append(who, this.rate,
      figure(this.volume, 'payments/min'), figure(this.failures, 'failed/min'), figure(this.inFlight, 'in flight'));
  }

  update(tile, mark) {
    setData(this.root, 'health', tile ? healthOf(tile) : 'quiet');
    setText(this.rate, percent(tile?.successRate1m ?? tile?.successRate5m));
    setText(this.volume, formatCount(tile?.outcomes1m ?? 0));
    setText(this.failures, formatCount(tile?.failures1m ?? 0));
    setText(this.inFlight, formatCount(tile?.inFlightSessions ?? 0));
    setData(this.root, 'alert', mark?.severity ?? null);
    setData(this.root, 'alertState', mark ? (mark.open ? 'open' : 'acknowledged') : null);
    const what = mark ? (mark.count > 1 ? `${mark.count} alerts` : 'alert') : '';
    setText(this.alert, mark ? (mark.open ? `${mark.severity} ${what}` : `${what} acknowledged`) : '');
  }
}

/** The ranked merchant rows and the one-line summary of the rest. */
export class WallMerchants {
  constructor(list, rest) {
    this.list = list;
    this.rest = rest;
    /** @type {Map<string, MerchantRow>} */
    this.rows = new Map();
  }

  render(ranking, tiles, marks) {
    ranking.top.forEach((id, index) => {
      let row = this.rows.get(id);
      if (!row) {
        row = new MerchantRow(id);
        this.rows.set(id, row);
      }
      row.update(tiles.get(id), marks.get(id));
      placeAt(this.list, row.root, index);
    });
    const shown = new Set(ranking.top);
    for (const [id, row] of this.rows) {
      if (!shown.has(id)) {
        row.root.remove();
        this.rows.delete(id);
      }
    }
    setText(this.rest, restSummary(ranking.rest, formatCount));
    this.rest.hidden = ranking.rest.merchants === 0;
    this.rest.dataset.merchants = String(ranking.rest.merchants);
  }
}

/** A chart per alerted merchant, most troubled first. */
export class WallCharts {
  constructor(container, empty) {
    this.container = container;
    this.empty = empty;
    /** @type {Map<string, {root: HTMLElement, title: HTMLElement, chart: FailureRateChart}>} */
    this.charts = new Map();
  }

  render(merchantIds, tiles, alertsByMerchant, nowMs) {
    const ids = merchantIds.filter((id) => alertsByMerchant.has(id)).slice(0, WALL_MAX_CHARTS);
    ids.forEach((id, index) => {
      let entry = this.charts.get(id);
      if (!entry) {
        const root = el('figure', 'wall-chart');
        root.dataset.merchantId = id;
        const title = el('figcaption', 'wall-chart-title');
        const host = el('div', 'wall-chart-host');
        root.append(title, host);
        entry = { root, title, chart: new FailureRateChart(host) };
        this.charts.set(id, entry);
      }
      placeAt(this.container, entry.root, index);
      const alert = chartAlertOf(alertsByMerchant.get(id));
      setData(entry.root, 'alertId', alert?.id ?? null);
      setData(entry.root, 'severity', alert?.severity ?? null);
      setText(entry.title, `${id} · ${alert?.title ?? ''}`);
      entry.chart.update(tiles.get(id), alert, nowMs);
    });
    const shown = new Set(ids);
    for (const [id, entry] of this.charts) {
      if (!shown.has(id)) {
        entry.chart.destroy();
        entry.root.remove();
        this.charts.delete(id);
      }
    }
    this.empty.hidden = ids.length > 0;
  }
}

/** The open-alert feed: unresolved alerts, worst first, a card each, the rest counted. */
export class WallAlerts {
  constructor(list, more) {
    this.list = list;
    this.more = more;
    /** @type {Map<string, {root: HTMLElement, sequence: number}>} */
    this.items = new Map();
  }

  render(unresolved) {
    const sorted = unresolved.filter((a) => !a.parentId).sort((a, b) => compareAlerts(a, b));
    const shown = sorted.slice(0, WALL_MAX_ALERTS);
    shown.forEach((alert, index) => {
      let item = this.items.get(alert.id);
      if (!item || item.sequence !== alert.sequence) {
        const root = this.build(alert);
        if (item) {
          item.root.replaceWith(root);
        }
        item = { root, sequence: alert.sequence };
        this.items.set(alert.id, item);
      }
      placeAt(this.list, item.root, index);
    });
    const ids = new Set(shown.map((a) => a.id));
    for (const [id, item] of this.items) {
      if (!ids.has(id)) {
        item.root.remove();
        this.items.delete(id);
      }
    }
    const hidden = sorted.length - shown.length;
    setText(this.more, hidden > 0 ? `+ ${formatCount(hidden)} more open or acknowledged` : '');
    this.more.hidden = hidden === 0;
  }

  build(alert) {
    const item = el('li', 'wall-alert');
    const d = item.dataset;
    d.alertId = alert.id;
    d.severity = alert.severity;
    d.status = alert.status;
    d.silenced = String(Boolean(alert.silenced));
    const top = el('p', 'wall-alert-top');
    top.append(field('span', 'severity-badge', 'severity', alert.severity), ' ',
      field('span', 'wall-alert-merchant', 'merchant', merchantText(alert)));
    if (alert.silenced) {
      top.append(' ', field('span', 'alert-silenced', 'silenced', 'silenced'));
    }
    item.append(top,
      field('p', 'wall-alert-title', 'title', alert.title),
      field('p', 'wall-alert-figures', 'figures', figuresText(alert)),
      field('p', 'wall-alert-status', 'status', statusText(alert)));
    return item;
  }
}
