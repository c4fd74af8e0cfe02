// The board's copy of the alert feed, kept in step with the server by sequence numbers alone.
//
// Every change to an alert gets a new, cluster-wide monotonic `sequence`. The store holds the
// latest version of each alert it has seen (id → alert) and applies an incoming version only if
// its sequence is newer than the one held, so a push, a catch-up page and a snapshot may overlap
// or arrive out of order without duplicating or rewinding anything.

/**
 * @typedef {{id: string, sequence: number, merchantId: string, status: string, severity: string,
 *            parentId?: string|null}} Alert
 * @typedef {{sequence: number, alerts: Alert[], truncated: boolean}} AlertPage
 */

export class AlertStore {
  constructor() {
    /** @type {Map<string, Alert>} */
    this.alerts = new Map();
    /**
     * Every change up to this sequence is reflected here: the point to catch up from after a
     * reconnect. null until the first snapshot.
     */
    this.covered = null;
    /** Sequences applied above `covered` (pushes can overtake one another), to close gaps. */
    this.pending = new Set();
    /** When the oldest gap below `pending` was first seen (Date.now()), or null without a gap. */
    this.gapSince = null;
    this.highest = 0;
  }

  /**
   * Where `GetAlertsSince` should continue after a reconnect, or null before the first snapshot
   * (then the board must take one).
   *
   * Not simply the highest sequence applied: the node sends each push on its own task, so a
   * newer push can reach the board before an older one, and a connection that drops in between
   * must not skip the older one. `GetAlertsSince` returns the latest version of everything
   * changed after this point; versions already held are ignored when they come back.
   */
  get lastSequence() {
    return this.covered;
  }

  /** The highest sequence applied from any source (for display and diagnostics). */
  get highestSequence() {
    return this.highest;
  }

  /**
   * Whether a sequence below one already applied has been missing for at least `ms`: a push was
   * lost or never sent (the node consumed the number but failed to publish it). The connection
   * then asks `GetAlertsSince` rather than waiting for the next reconnect.
   */
  hasGapOlderThan(ms, now = Date.now()) {
    return this.gapSince !== null && now - this.gapSince >= ms;
  }

  get(id) {
    return this.alerts.get(id);
  }

  values() {
    return this.alerts.values();
  }

  /**
   * A snapshot: every retained alert as of `sequence`. Alerts held here that the snapshot no
   * longer has were pruned by the server (resolved long ago) and go, unless they are newer than
   * the snapshot (a push that overtook it). Returns whether anything changed.
   */
  applySnapshot(alerts, sequence) {
    const present = new Set(alerts.map((a) => a.id));
    let changed = false;
    for (const [id, held] of this.alerts) {
      if (!present.has(id) && held.sequence <= sequence) {
        this.alerts.delete(id);
        changed = true;
      }
    }

    changed = this.applyVersions(alerts) || changed;
    this.cover(sequence);
    return changed;
  }

  /** A `GetAlertsSince` answer (not truncated): every change up to `page.sequence` is now known. */
  applyPage(page) {
    const changed = this.applyVersions(page.alerts ?? []);
    this.cover(page.sequence);
    return changed;
  }

  /** Alerts pushed with `AlertsChanged`, or returned by an acknowledge/resolve request. */
  applyChanges(alerts) {
    const changed = this.applyVersions(alerts);
    for (const alert of alerts) {
      if (this.covered === null || alert.sequence > this.covered) {
        this.pending.add(alert.sequence);
      }
    }
    this.advance();
    return changed;
  }

  applyVersions(alerts) {
    let changed = false;
    for (const alert of alerts) {
      if (!alert || typeof alert.id !== 'string' || !Number.isFinite(alert.sequence)) {
        continue;
      }

      const held = this.alerts.get(alert.id);
      if (!held || alert.sequence > held.sequence) {
        this.alerts.set(alert.id, alert);
        changed = true;
      }
      this.highest = Math.max(this.highest, alert.sequence);
    }
    return changed;
  }

  cover(sequence) {
    if (!Number.isFinite(sequence)) {
      return;
    }

    this.covered = this.covered === null ? sequence : Math.max(this.covered, sequence);
    for (const s of this.pending) {
      if (s <= this.covered) {
        this.pending.delete(s);
      }
    }
    this.advance();
  }

  advance() {
    if (this.covered === null) {
      return;
    }

    while (this.pending.delete(this.covered + 1)) {
      this.covered++;
    }

    if (this.pending.size === 0) {
      this.gapSince = null;
    } else {
      this.gapSince ??= Date.now();
    }
  }
}
