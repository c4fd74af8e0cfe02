// The board's SignalR connection to /hubs/warroom: keeps reconnecting forever, reloads the
// whole picture (GetSnapshot) on every (re)connect, and reports whether what is on screen is
// live, briefly interrupted, or stale.

/* global signalR */

export const HUB_PATH = 'hubs/warroom';

/** After this long disconnected (nothing can arrive), the board says its figures are stale. */
export const STALE_AFTER_MS = 5_000;

const MAX_RETRY_DELAY_MS = 10_000;

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
 * @param {(snapshot: {serverTime: string, tiles: object[]}) => void} handlers.onSnapshot replaces the board's state
 * @param {(tiles: object[]) => void} handlers.onTiles applies changed tiles
 * @param {(status: {state: 'live'|'reconnecting'|'stale', since: Date|null, hasData: boolean}) => void} handlers.onStatus
 *   since: when the connection dropped (or the board opened, if never connected), null while live
 */
export function connectBoard({ onSnapshot, onTiles, onStatus }) {
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

  const loadSnapshot = async () => {
    const snapshot = await connection.invoke('GetSnapshot');
    hasData = true;
    onSnapshot(snapshot);
    live = true;
    report();
  };

  connection.on('HealthUpdated', (tiles) => {
    hasData = true;
    onTiles(tiles);
  });

  connection.onreconnecting(markDisconnected);

  // Messages may have been missed while disconnected: replace the whole picture.
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
          await loadSnapshot();
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

  setInterval(report, 1_000);
  report();
  startLoop();

  return connection;
}
