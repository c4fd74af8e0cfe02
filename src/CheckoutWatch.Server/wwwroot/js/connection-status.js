// The connection indicator's words, shared by the board and the wall display:
// "live", "reconnecting…", "stale since 14:02:07" (server time), or before any data arrived
// "connecting…" / "no data since …".

import { formatTime } from './format.js';

/**
 * Shows a connection status (from connection.js) on the indicator and on <body data-connection>.
 * @param {HTMLElement} indicator
 * @param {{state: 'live'|'reconnecting'|'stale', since: Date|null, hasData: boolean}} status
 * @param {(localMs: number) => Date} toServerTime the display's clock corrected to the server's
 */
export function showConnectionStatus(indicator, { state, since, hasData }, toServerTime) {
  indicator.dataset.state = state;
  document.body.dataset.connection = state;
  if (state === 'live') {
    indicator.textContent = 'live';
  } else if (state === 'reconnecting') {
    indicator.textContent = hasData ? 'reconnecting…' : 'connecting…';
  } else {
    const at = formatTime(toServerTime(since.getTime()));
    indicator.textContent = hasData ? `stale since ${at}` : `no data since ${at}`;
  }
}
