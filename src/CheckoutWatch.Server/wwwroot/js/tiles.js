// One tile per merchant, updated in place: a message changes the text and the sparkline of the
// tiles it names and nothing else on the page.

/* global uPlot */

import { formatCount, formatRate } from './format.js';

/**
 * Health colouring. Declines are part of normal checkout traffic, so "good" is not 100 %.
 * A handful of outcomes says little (2 failures out of 3 is not an outage), so a tile is only
 * coloured once its window holds enough outcomes: the last minute when it is busy, the last five
 * minutes when it is not, and otherwise it stays neutral ("quiet"). Alerts, not colours, are the
 * board's verdict; the colours are there to be read from across the room.
 */
export const HEALTH_THRESHOLDS = Object.freeze({
  good: 0.9,
  warn: 0.8,
  minOutcomes1m: 20,
  minOutcomes5m: 10,
});

/** 'good' | 'warn' | 'bad' | 'quiet' for a MerchantHealth tile. */
export function healthOf(tile, t = HEALTH_THRESHOLDS) {
  let rate = null;
  if (tile.outcomes1m >= t.minOutcomes1m) {
    rate = tile.successRate1m;
  } else if (tile.outcomes5m >= t.minOutcomes5m) {
    rate = tile.successRate5m;
  }

  if (rate === null || rate === undefined) {
    return 'quiet';
  }

  return rate >= t.good ? 'good' : rate >= t.warn ? 'warn' : 'bad';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text;
  }
}

/** Sets a percentage figure as "97.5 %", with the unit in its own span so it can be smaller. */
function setRate(node, rate) {
  const value = formatRate(rate);
  const text = value === '—' ? value : `${value} %`;
  if (node.textContent === text) {
    return;
  }

  node.replaceChildren(value);
  if (value !== '—') {
    node.append(el('span', 'unit', ' %'));
  }
}

function figure(label, field) {
  const wrap = el('div', 'figure');
  const dd = el('dd', 'figure-value', '0');
  dd.dataset.field = field;
  wrap.append(el('dt', 'figure-label', label), dd);
  return { wrap, value: dd };
}

/** The history sparkline: success rate as a line over outcome volume as bars, last 5 minutes. */
class Sparkline {
  constructor(host, tileEl) {
    this.host = host;
    this.tileEl = tileEl;
    this.chart = null;
    this.data = [[], [], []];
    this.colors = this.readColors();
    this.resizeObserver = new ResizeObserver(() => this.resize());
  }

  readColors() {
    const style = getComputedStyle(this.tileEl);
    return {
      line: style.getPropertyValue('--tile-accent').trim() || '#9ca3af',
      volume: style.getPropertyValue('--spark-volume').trim() || 'rgba(148, 163, 184, 0.25)',
    };
  }

  size() {
    return {
      width: Math.max(40, Math.floor(this.host.clientWidth)),
      height: Math.max(24, Math.floor(this.host.clientHeight)),
    };
  }

  mount() {
    const { width, height } = this.size();
    const opts = {
      width,
      height,
      padding: [4, 2, 2, 2],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: true },
        rate: {
          // 70-100 % unless the data dips lower: dips stay visible without overstating noise.
          range: (_u, min) => [Math.max(0, Math.min(0.7, (min ?? 1) - 0.02)), 1],
        },
        volume: {
          // Volume bars fill the lower part only, behind the success-rate line.
          range: (_u, _min, max) => [0, Math.max(1, max ?? 0) * 1.6],
        },
      },
      axes: [
        { show: false },
        { show: false, scale: 'rate' },
      ],
      series: [
        {},
        {
          label: 'outcomes',
          scale: 'volume',
          stroke: 'transparent',
          fill: () => this.colors.volume,
          paths: uPlot.paths.bars({ size: [0.75, Infinity], gap: 1 }),
          points: { show: false },
        },
        {
          label: 'success rate',
          scale: 'rate',
          stroke: () => this.colors.line,
          width: 3,
          spanGaps: false,
          points: { show: false },
        },
      ],
    };

    this.chart = new uPlot(opts, this.data, this.host);
    this.resizeObserver.observe(this.host);
  }

  setHistory(history) {
    const points = history ?? [];
    this.data = [
      points.map((p) => Date.parse(p.at) / 1000),
      points.map((p) => p.outcomes),
      points.map((p) => p.successRate),
    ];
    this.chart?.setData(this.data);
  }

  /** Re-reads the colours after the tile's health changed. */
  recolor() {
    this.colors = this.readColors();
    this.chart?.redraw(false, false);
  }

  resize() {
    if (!this.chart) {
      return;
    }
    const { width, height } = this.size();
    if (width !== this.chart.width || height !== this.chart.height) {
      this.chart.setSize({ width, height });
    }
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.chart?.destroy();
    this.chart = null;
  }
}

class TileView {
  constructor(merchantId) {
    this.merchantId = merchantId;
    this.health = 'quiet';

    const root = el('article', 'tile');
    root.dataset.merchantId = merchantId;
    root.dataset.health = this.health;

    const head = el('header', 'tile-head');
    const name = el('h3', 'merchant', merchantId);
    name.title = merchantId;
    const inFlight = el('span', 'in-flight');
    this.inFlight = el('span', 'in-flight-value', '0');
    this.inFlight.dataset.field = 'in-flight';
    inFlight.append(this.inFlight, el('span', 'in-flight-label', ' in flight'));
    // The merchant's worst unresolved alert (set by the alert feed), hidden while there is none.
    this.alertBadge = el('span', 'tile-alert');
    this.alertBadge.dataset.field = 'alert';
    this.alertBadge.hidden = true;
    head.append(name, this.alertBadge, inFlight);

    const rates = el('div', 'rates');
    this.rate = el('span', 'rate', '—');
    this.rate.dataset.field = 'success-rate';
    const rate5 = el('span', 'rate-5m');
    this.rate5 = el('span', 'rate-5m-value', '—');
    this.rate5.dataset.field = 'success-rate-5m';
    rate5.append(el('span', 'rate-5m-label', '5 min'), this.rate5);
    rates.append(this.rate, rate5);

    const figures = el('dl', 'figures');
    const volume = figure('payments / min', 'volume');
    const failures = figure('failed / min', 'failures');
    const started = figure('checkouts / min', 'checkouts-started');
    figures.append(volume.wrap, failures.wrap, started.wrap);
    this.volume = volume.value;
    this.failures = failures.value;
    this.started = started.value;

    const history = el('div', 'history');
    const spark = el('div', 'spark');
    spark.dataset.field = 'history';
    const axis = el('div', 'history-axis');
    axis.append(el('span', null, '5 min ago'), el('span', null, 'now'));
    history.append(spark, axis);

    root.append(head, rates, figures, history);
    this.root = root;
    this.sparkline = new Sparkline(spark, root);
  }

  /** Call once the tile is in the document: the chart needs its laid-out size. */
  mount() {
    this.sparkline.mount();
  }

  update(tile) {
    setRate(this.rate, tile.successRate1m);
    setRate(this.rate5, tile.successRate5m);
    setText(this.volume, formatCount(tile.outcomes1m));
    setText(this.failures, formatCount(tile.failures1m));
    setText(this.started, formatCount(tile.checkoutsStarted1m));
    setText(this.inFlight, formatCount(tile.inFlightSessions));
    this.root.dataset.at = tile.at;

    const health = healthOf(tile);
    if (health !== this.health) {
      this.health = health;
      this.root.dataset.health = health;
      this.sparkline.recolor();
    }

    this.sparkline.setHistory(tile.history);
  }

  /**
   * Marks the tile with the merchant's unresolved alerts, or clears the mark (null):
   * data-alert is the worst severity, data-alert-state open or acknowledged.
   * @param {{severity: string, open: boolean, count: number}|null} mark
   */
  setAlert(mark) {
    const d = this.root.dataset;
    if (!mark) {
      delete d.alert;
      delete d.alertState;
      this.alertBadge.hidden = true;
      setText(this.alertBadge, '');
      return;
    }

    d.alert = mark.severity;
    d.alertState = mark.open ? 'open' : 'acknowledged';
    const what = mark.count > 1 ? `${mark.count} alerts` : 'alert';
    setText(this.alertBadge, mark.open ? `${mark.severity} ${what}` : `${what} acknowledged`);
    this.alertBadge.hidden = false;
  }

  destroy() {
    this.sparkline.destroy();
    this.root.remove();
  }
}

/** The grid of merchant tiles. */
export class TileBoard {
  /**
   * @param {HTMLElement} container the grid element
   * @param {HTMLElement} emptyNote shown while there are no tiles
   */
  constructor(container, emptyNote) {
    this.container = container;
    this.emptyNote = emptyNote;
    /** @type {Map<string, TileView>} */
    this.views = new Map();
    /** merchantId → alert mark, kept for tiles that appear after their alert. */
    this.alertMarks = new Map();
  }

  /**
   * The merchants with unresolved alerts (from the alert feed); every other tile is unmarked.
   * @param {Map<string, {severity: string, open: boolean, count: number}>} marks
   */
  setAlertMarks(marks) {
    this.alertMarks = marks;
    for (const [id, view] of this.views) {
      view.setAlert(marks.get(id) ?? null);
    }
  }

  /** A snapshot: the board shows exactly these merchants afterwards. */
  replaceAll(tiles) {
    const keep = new Set(tiles.map((t) => t.merchantId));
    for (const [id, view] of this.views) {
      if (!keep.has(id)) {
        view.destroy();
        this.views.delete(id);
      }
    }
    this.update(tiles);
  }

  /** Changed tiles: updates the ones shown, adds new merchants in order. */
  update(tiles) {
    for (const tile of tiles) {
      let view = this.views.get(tile.merchantId);
      if (!view) {
        view = new TileView(tile.merchantId);
        this.insertSorted(view);
        this.views.set(tile.merchantId, view);
        view.setAlert(this.alertMarks.get(tile.merchantId) ?? null);
        view.update(tile);
        view.mount();
      } else {
        view.update(tile);
      }
    }
    this.emptyNote.hidden = this.views.size > 0;
  }

  insertSorted(view) {
    // Fixed order by merchant id: tiles never jump around on a wall display.
    let before = null;
    for (const [id, other] of this.views) {
      if (collator.compare(id, view.merchantId) > 0
          && (before === null || collator.compare(other.merchantId, before.merchantId) < 0)) {
        before = other;
      }
    }
    this.container.insertBefore(view.root, before?.root ?? null);
  }
}
