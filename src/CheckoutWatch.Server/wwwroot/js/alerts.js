// The alert feed column: one card per alert, open first, then acknowledged, then alerts resolved
// within the last hour (dimmed); within each, critical before major before minor, newest first.
// Alerts that a merchant-wide alert explains (parentId) sit compactly under their parent. The
// feed is rendered from the AlertStore (alert-store.js); cards (alert-card.js) are updated in
// place and only rebuilt when their alert's sequence changes, so a wall display does not flicker.

import { buildCard, el } from './alert-card.js';
import { AlertDetail } from './alert-detail.js';

/** Resolved alerts stay on the board this long after they resolved, dimmed. */
export const RESOLVED_VISIBLE_MS = 60 * 60 * 1000;

const STATUS_RANK = { open: 0, acknowledged: 1, resolved: 2 };
const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 };

const statusRank = (alert) => STATUS_RANK[alert.status] ?? 0;
const severityRank = (alert) => SEVERITY_RANK[alert.severity] ?? 3;
const timeOf = (iso) => (iso ? Date.parse(iso) : Number.NaN);

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

/** One alert's list item; its children list outlives rebuilds of the card. */
class AlertView {
  constructor(id) {
    this.root = el('li', 'alert');
    this.root.dataset.alertId = id;
    this.card = null;
    this.children = el('ol', 'alert-children');
    this.detail = new AlertDetail(id);
    this.root.append(this.detail.root, this.children);
    this.key = '';
  }

  render(alert, mode, state) {
    this.detail.update(alert, mode);
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
    d.silenced = String(Boolean(alert.silenced) && alert.status !== 'resolved');
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
   * @param {boolean} options.canAct whether the signed-in user may acknowledge and resolve
   * @param {() => void} options.onSignedOut called when the server says the session is gone
   * @param {() => Date} options.now the server's time (the display's clock may be wrong)
   */
  constructor({ panel, list, empty, summary, store, tiles, canAct, onSignedOut, now }) {
    this.list = list;
    this.empty = empty;
    this.summary = summary;
    this.store = store;
    this.tiles = tiles;
    this.canAct = canAct;
    this.onSignedOut = onSignedOut;
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
    list.addEventListener('submit', (event) => {
      event.preventDefault();
      const item = event.target instanceof Element ? event.target.closest('li[data-alert-id]') : null;
      if (item) {
        this.act(item.dataset.alertId, 'note');
      }
    });

    panel.hidden = false;
    this.render();
    // Resolved alerts leave the board an hour after resolving, even when nothing else changes.
    setInterval(() => this.render(), 30_000);
  }

  stateOf(id) {
    return { busy: false, error: null, ...this.states.get(id), canAct: this.canAct };
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

  /** Acknowledge, resolve, reopen or add a note through the REST API; the answer is applied at once. */
  async act(id, action) {
    if (!['acknowledge', 'resolve', 'reopen', 'note'].includes(action)) {
      return;
    }

    const input = this.views.get(id)?.detail.input;
    const text = action === 'note' ? (input?.value ?? '').trim() : '';
    if (action === 'note' && !text) {
      this.states.set(id, { busy: false, error: 'Write the note first.' });
      this.render();
      return;
    }

    this.states.set(id, { busy: true, error: null });
    this.render();
    let error = null;
    try {
      const path = action === 'note' ? 'notes' : action;
      const url = new URL(`api/v1/alerts/${encodeURIComponent(id)}/${path}`, document.baseURI);
      const response = await fetch(url, {
        method: 'POST',
        headers: action === 'note' ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
        body: action === 'note' ? JSON.stringify({ text }) : undefined,
      });
      if (response.status === 401) {
        this.onSignedOut();
        return;
      }
      if (response.ok) {
        if (action === 'note' && input) {
          input.value = '';
        }
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
