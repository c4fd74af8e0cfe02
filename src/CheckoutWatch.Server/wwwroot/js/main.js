// Entry point of the war-room board: wires the hub connection to the tiles, the alert feed,
// the connection indicator and the clock.

import { AlertStore } from './alert-store.js';
import { AlertFeed } from './alerts.js';
import { connectBoard } from './connection.js';
import { showConnectionStatus } from './connection-status.js';
import { formatTime } from './format.js';
import { allows, currentUser, goToSignIn, showUser } from './session.js';
import { SilencePanel } from './silences.js';
import { TileBoard } from './tiles.js';

const indicator = document.getElementById('connection-state');
const clock = document.getElementById('clock');
const board = new TileBoard(document.getElementById('tiles'), document.getElementById('tiles-empty'));

// Server time minus this display's time, from the last snapshot: a wall display's own clock is
// often wrong, and the header clock and "stale since" should agree with the server's figures.
let clockOffsetMs = 0;
const serverNow = (localMs = Date.now()) => new Date(localMs + clockOffsetMs);

// Nothing is shown or connected before the server says who is signed in.
const user = await currentUser();
showUser(document.getElementById('session'), user);

const alerts = new AlertStore();
const feed = new AlertFeed({
  panel: document.getElementById('alert-feed'),
  list: document.getElementById('alert-list'),
  empty: document.getElementById('alerts-empty'),
  summary: document.getElementById('alerts-summary'),
  store: alerts,
  tiles: board,
  canAct: allows(user, 'act-on-alerts'),
  onSignedOut: goToSignIn,
  now: () => serverNow(),
});

if (allows(user, 'act-on-alerts')) {
  new SilencePanel(document.getElementById('silences'), goToSignIn);
}

function tickClock() {
  const now = serverNow();
  clock.textContent = formatTime(now);
  clock.dateTime = now.toISOString();
  setTimeout(tickClock, 1000 - (Date.now() % 1000) + 5);
}

function showStatus(status) {
  showConnectionStatus(indicator, status, (localMs) => serverNow(localMs));
}

tickClock();
connectBoard({
  onSnapshot(snapshot) {
    const serverTime = Date.parse(snapshot.serverTime);
    if (!Number.isNaN(serverTime)) {
      clockOffsetMs = serverTime - Date.now();
    }
    board.replaceAll(snapshot.tiles ?? []);
  },
  onTiles(tiles) {
    board.update(tiles);
  },
  alerts,
  onAlerts() {
    feed.render();
  },
  onStatus: showStatus,
  onUnauthorized: goToSignIn,
});
