// The parts of an alert's detail that are fetched on demand when someone opens them: the
// merchant's failure-rate chart against the alert's baseline and threshold (wall-chart.js), and a
// sample of the affected sessions (the merchant's session findings of the last hour; customer
// contact data only for the roles allowed it, masked by the server otherwise).

import { el } from './alert-card.js';
import { formatHourMinute, formatMoney } from './format.js';
import { FailureRateChart } from './wall-chart.js';

/** Sessions listed at most. */
export const SESSION_SAMPLE = 10;

const FINDING_LABELS = {
  session_stuck: 'stuck at payment',
  repeated_payment_failures: 'repeated failures',
  duplicate_charge: 'duplicate charge',
};

async function getJson(path) {
  const response = await fetch(new URL(path, document.baseURI), { headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

/** One line per sampled session: when, what, session id, amount, PSP, decline code. */
export function sessionText(finding) {
  const parts = [
    formatHourMinute(new Date(finding.detectedAt)),
    FINDING_LABELS[finding.kind] ?? finding.kind.replaceAll('_', ' '),
    finding.sessionId,
  ];
  if (finding.amountMinor) {
    parts.push(formatMoney(finding.amountMinor, finding.currency));
  }
  if (finding.psp) {
    parts.push(finding.psp);
  }
  if (finding.declineCode) {
    parts.push(`code ${finding.declineCode}`);
  }
  if (finding.failedAttempts > 1) {
    parts.push(`${finding.failedAttempts} failed attempts`);
  }
  return parts.join(' · ');
}

/** The chart and the sampled sessions of one alert, each in a <details> loaded when opened. */
export class AlertEvidence {
  constructor() {
    this.alert = null;
    this.chartBox = el('details', 'alert-chart');
    this.chartBox.dataset.field = 'chart';
    this.chartBox.append(el('summary', null, 'Chart'));
    const host = el('div', 'alert-chart-host');
    this.chartBox.append(host);
    this.chart = new FailureRateChart(host);

    this.sessionsBox = el('details', 'alert-sessions');
    this.sessionsBox.dataset.field = 'sessions';
    this.sessionsBox.append(el('summary', null, 'Affected sessions'));
    this.sessionsNote = el('p', 'alert-sessions-note');
    this.sessionsNote.dataset.field = 'sessions-note';
    this.sessionsList = el('ol', 'alert-sessions-list');
    this.sessionsBox.append(this.sessionsNote, this.sessionsList);

    this.chartBox.addEventListener('toggle', () => this.chartBox.open && this.loadChart());
    this.sessionsBox.addEventListener('toggle', () => this.sessionsBox.open && this.loadSessions());
    this.nodes = [this.chartBox, this.sessionsBox];
  }

  /** The alert changed: refresh whatever is open. */
  update(alert) {
    this.alert = alert;
    if (this.chartBox.open) {
      this.loadChart();
    }
    if (this.sessionsBox.open) {
      this.loadSessions();
    }
  }

  async loadChart() {
    const alert = this.alert;
    try {
      const tile = await getJson(`api/v1/merchants/${encodeURIComponent(alert.merchantId)}/health`);
      this.chart.update(tile, alert, Date.now());
    } catch {
      // Offline for a moment: the next change of the alert reloads it.
    }
  }

  async loadSessions() {
    const alert = this.alert;
    try {
      const findings = await getJson(`api/v1/merchants/${encodeURIComponent(alert.merchantId)}/findings`) ?? [];
      const sample = findings.slice(0, SESSION_SAMPLE);
      this.sessionsNote.textContent = findings.length === 0
        ? `No session findings for ${alert.merchantId} in the last hour; ${alert.affectedSessions} sessions counted in the alert's window.`
        : `${sample.length} of ${findings.length} session findings for ${alert.merchantId} in the last hour, newest first.`;
      this.sessionsList.replaceChildren(...sample.map((finding) => {
        const item = el('li', 'alert-session', sessionText(finding));
        item.dataset.sessionId = finding.sessionId;
        item.dataset.kind = finding.kind;
        return item;
      }));
    } catch {
      // Offline for a moment: the next change of the alert reloads it.
    }
  }
}
