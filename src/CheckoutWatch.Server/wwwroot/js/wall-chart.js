// One alerted merchant's chart on the wall: the failure rate of the last five minutes (from the
// tile's 10-second history) against the alert's baseline and threshold, with the alert's span
// shaded. Used by the wall display and by the alert detail on the board.

/* global uPlot */

import { el, figuresText } from './alert-card.js';
import { formatHourMinute, formatRate } from './format.js';

/** The chart's time window, seconds. */
export const CHART_WINDOW_S = 300;

const percent = (rate) => {
  const value = formatRate(rate);
  return value === '—' ? value : `${value}\u00a0%`;
};

/**
 * The chart's series from a tile's history and an alert: x (unix seconds), failure rate,
 * baseline and threshold (constant lines), plus the alert span [start, end] in unix seconds.
 */
export function chartData(tile, alert, nowMs) {
  const history = tile?.history ?? [];
  const nowS = nowMs / 1000;
  let x = history.map((p) => Date.parse(p.at) / 1000);
  let failure = history.map((p) => (p.successRate === null || p.successRate === undefined ? null : 1 - p.successRate));
  if (x.length === 0) {
    x = [nowS - CHART_WINDOW_S, nowS];
    failure = [null, null];
  }
  const f = alert?.figures ?? {};
  const constant = (value) => x.map(() => (value === null || value === undefined ? null : value));
  const spanStart = alert ? Date.parse(alert.startedAt ?? alert.detectedAt) / 1000 : null;
  const spanEnd = alert?.status === 'resolved' && alert.resolvedAt ? Date.parse(alert.resolvedAt) / 1000 : nowS;
  return {
    series: [x, failure, constant(f.baselineRate), constant(f.thresholdRate)],
    span: spanStart === null || Number.isNaN(spanStart) ? null : [spanStart, spanEnd],
    window: [nowS - CHART_WINDOW_S, nowS],
  };
}

/** A failure-rate chart, mounted once and fed with setData afterwards. */
export class FailureRateChart {
  /** @param {HTMLElement} host a sized element the chart fills */
  constructor(host) {
    this.host = host;
    this.host.classList.add('failure-chart');
    this.plot = el('div', 'failure-chart-plot');
    this.caption = el('p', 'failure-chart-caption');
    this.caption.dataset.field = 'chart-caption';
    this.host.append(this.plot, this.caption);
    this.chart = null;
    this.current = { series: [[], [], [], []], span: null, window: [0, 1] };
    this.key = '';
    this.resizeObserver = new ResizeObserver(() => this.resize());
  }

  size() {
    return {
      width: Math.max(120, Math.floor(this.plot.clientWidth)),
      height: Math.max(80, Math.floor(this.plot.clientHeight)),
    };
  }

  mount() {
    const chart = this;
    const style = getComputedStyle(this.host);
    const color = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    const axis = {
      stroke: color('--muted', '#8a9bb0'),
      grid: { stroke: 'rgba(148, 163, 184, 0.12)' },
      ticks: { show: false },
      font: '600 13px system-ui, sans-serif',
    };
    const opts = {
      ...this.size(),
      padding: [8, 8, 0, 0],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: true, range: () => chart.current.window },
        rate: {
          range: (_u, _min, max) => [0, Math.min(1, Math.max(0.1, (max ?? 0) * 1.25))],
        },
      },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((t) => formatHourMinute(new Date(t * 1000))) },
        { ...axis, scale: 'rate', size: 56, values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)} %`) },
      ],
      series: [
        {},
        { label: 'failure rate', scale: 'rate', stroke: color('--bad', '#f87171'), width: 3, points: { show: false }, spanGaps: false },
        { label: 'baseline', scale: 'rate', stroke: color('--good', '#34d399'), width: 2, dash: [6, 4], points: { show: false } },
        { label: 'threshold', scale: 'rate', stroke: color('--warn', '#fbbf24'), width: 2, dash: [2, 4], points: { show: false } },
      ],
      hooks: {
        // The alert's span, shaded behind the lines.
        drawClear: [(u) => {
          const span = chart.current.span;
          if (!span) {
            return;
          }
          const left = Math.max(u.bbox.left, u.valToPos(span[0], 'x', true));
          const right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(span[1], 'x', true));
          if (right > left) {
            u.ctx.save();
            u.ctx.fillStyle = 'rgba(248, 113, 113, 0.14)';
            u.ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
            u.ctx.restore();
          }
        }],
      },
    };
    this.chart = new uPlot(opts, this.current.series, this.plot);
    this.resizeObserver.observe(this.plot);
  }

  /** Redraws only when the tile or the alert changed (or a second passed, for the moving window). */
  update(tile, alert, nowMs) {
    const key = `${tile?.at ?? ''}|${alert?.sequence ?? ''}|${Math.floor(nowMs / 1000)}`;
    if (key === this.key) {
      return;
    }
    this.key = key;
    this.current = chartData(tile, alert, nowMs);
    const f = alert?.figures ?? {};
    const d = this.host.dataset;
    d.baseline = String(f.baselineRate ?? '');
    d.threshold = String(f.thresholdRate ?? '');
    d.spanStart = this.current.span ? new Date(this.current.span[0] * 1000).toISOString() : '';
    const since = alert ? ` · alert since ${formatHourMinute(new Date(this.current.span[0] * 1000))}` : '';
    const figures = !alert || alert.kind === 'payment_failure_spike'
      ? `failing ${percent(f.observedRate)} · baseline ${percent(f.baselineRate)} · threshold ${percent(f.thresholdRate)}`
      : figuresText(alert);
    const text = `${figures}${since}`;
    if (this.caption.textContent !== text) {
      this.caption.textContent = text;
    }
    if (!this.chart) {
      if (this.host.isConnected) {
        this.mount();
      }
      return;
    }
    this.chart.setData(this.current.series);
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
    this.host.remove();
  }
}
