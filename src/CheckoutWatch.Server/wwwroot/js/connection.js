// The board's SignalR connection to /hubs/warroom: keeps reconnecting forever, reloads the
// picture on every (re)connect, and reports whether what is on screen is live, briefly
// interrupted, or stale.
//
// Alerts are kept by sequence (see alert-store.js): the first connect takes the whole feed from
// GetSnapshot; every reconnect asks GetAlertsSince(the last sequence the board is sure of) and
// only falls back to the snapshot's alerts when the server says it pruned part of that range.
// Tiles carry no sequence, so every (re)connect replaces them from GetSnapshot.

/* global signalR */

export const HUB_PATH = 'hubs/warroom';

/** After this long disconnected (nothing can arrive), the board says its figures are stale. */
export const STALE_AFTER_MS = 5_000;

const MAX_RETRY_DELAY_MS = 10_000;

/** A missing alert sequence that no push filled within this long is fetched with GetAlertsSince. */
export const ALERT_GAP_GRACE_MS = 5_000;

/**
 * Exponential backoff from half a second, capped at 10 s, with jitter so that a room full of
 * boards does not reconnect in lockstep after a node restarts. Never null: retry forever.
 */
export function retryDelay(previousRetryCount) {
  const base = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(previousRetryCount, 10));
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects and stays connected.
 * @param {object} handlers
 * @param {(snapshot: {serverTime: string, tiles: object[]}) => void} handlers.onSnapshot replaces the tiles and sets the clock
 * @param {(tiles: object[]) => void} handlers.onTiles applies changed tiles
 * @param {import('./alert-store.js').AlertStore} handlers.alerts the board's alerts, kept in step by sequence
 * @param {() => void} handlers.onAlerts called after the alert store changed
 * @param {() => void} handlers.onUnauthorized the session ended (signed out, expired, revoked): sign in again
 * @param {(status: {state: 'live'|'reconnecting'|'stale', since: Date|null, hasData: boolean}) => void} handlers.onStatus
 *   since: when the connection dropped (or the board opened, if never connected), null while live
 */
export function connectBoard({ onSnapshot, onTiles, alerts, onAlerts, onStatus, onUnauthorized }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL(HUB_PATH, document.baseURI).href)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  // Whether any snapshot or message has arrived yet.
  let hasData = false;
  // True once connected and the snapshot is loaded, false from the moment the connection drops.
  let live = false;
  let offlineSince = Date.now();
  let starting = false;
  let reported = '';

  const report = () => {
    let state = 'live';
    let since = null;
    if (!live) {
      // The server sends only changes, so a quiet board may hear nothing for minutes while
      // perfectly current: what is on screen was current until the connection dropped, and it
      // is stale once nothing could have arrived for 5 s.
      state = Date.now() - offlineSince > STALE_AFTER_MS ? 'stale' : 'reconnecting';
      since = new Date(offlineSince);
    }

    const key = `${state}|${since?.getTime() ?? ''}`;
    if (key !== reported) {
      reported = key;
      onStatus({ state, since, hasData });
    }
  };

  const markDisconnected = () => {
    if (live) {
      live = false;
      offlineSince = Date.now();
    }
    report();
  };

  /**
   * What a (re)connect loads. The first time, the whole snapshot. Afterwards the alerts changed
   * since the last sequence the board is sure of (pushes received meanwhile overlap harmlessly),
   * and the snapshot only for the tiles, or for the alerts too when the server pruned part of
   * the range (`truncated`).
   */
  const loadPicture = async () => {
    const since = alerts.lastSequence;
    const page = since === null ? null : await connection.invoke('GetAlertsSince', since);
    const snapshot = await connection.invoke('GetSnapshot');
    hasData = true;
    onSnapshot(snapshot);
    if (page && !page.truncated) {
      alerts.applyPage(page);
    } else {
      alerts.applySnapshot(snapshot.alerts ?? [], snapshot.alertSequence);
    }
    // Always: the feed also says whether it has loaded at all.
    onAlerts();
    live = true;
    report();
  };

  let catchingUp = false;

  /** Closes a gap in the alert sequence that no push filled, without waiting for a reconnect. */
  const closeAlertGap = async () => {
    if (catchingUp || !live || !alerts.hasGapOlderThan(ALERT_GAP_GRACE_MS)) {
      return;
    }

    catchingUp = true;
    try {
      const page = await connection.invoke('GetAlertsSince', alerts.lastSequence);
      const changed = page.truncated
        ? alerts.applySnapshot(...await snapshotAlerts())
        : alerts.applyPage(page);
      if (changed) {
        onAlerts();
      }
    } catch (err) {
      console.warn('Catching up on missed alerts failed', err);
    } finally {
      catchingUp = false;
    }
  };

  const snapshotAlerts = async () => {
    const snapshot = await connection.invoke('GetSnapshot');
    return [snapshot.alerts ?? [], snapshot.alertSequence];
  };

  connection.on('HealthUpdated', (tiles) => {
    hasData = true;
    onTiles(tiles);
  });

  connection.on('AlertsChanged', (changed) => {
    if (alerts.applyChanges(changed ?? [])) {
      onAlerts();
    }
  });

  connection.onreconnecting(markDisconnected);

  // Messages may have been missed while disconnected: catch up (loadPicture).
  connection.onreconnected(() => startLoop());

  // Automatic reconnect covers dropped connections, not a failed first start nor a close the
  // server asks for (e.g. a node shutting down): start again ourselves, forever.
  connection.onclose(() => {
    markDisconnected();
    startLoop();
  });

  async function startLoop() {
    if (starting) {
      return;
    }

    starting = true;
    try {
      for (let attempt = 0; ; attempt++) {
        if (connection.state === signalR.HubConnectionState.Disconnected) {
          try {
            await connection.start();
          } catch (err) {
            if (err?.statusCode === 401) {
              // No retry can help: the session is gone.
              onUnauthorized();
              return;
            }
            console.warn(`Connecting to the war room failed (attempt ${attempt + 1})`, err);
            await delay(retryDelay(attempt));
            continue;
          }
        }

        if (connection.state !== signalR.HubConnectionState.Connected) {
          // Reconnecting on its own (automatic reconnect owns this now) or still connecting.
          return;
        }

        try {
          await loadPicture();
          return;
        } catch (err) {
          console.warn('Loading the board snapshot failed', err);
          // Whatever the connection did meanwhile, the top of the loop picks it up.
          await delay(retryDelay(attempt));
        }
      }
    } finally {
      starting = false;
    }
  }

  setInterval(() => {
    report();
    closeAlertGap();
  }, 1_000);
  report();
  startLoop();

  return connection;
}
