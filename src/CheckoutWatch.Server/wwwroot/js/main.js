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
import { EscalationsPanel } from './escalations.js';
import { OutreachPanel } from './outreach.js';
import { mountSavedToday } from './saved-today.js';

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

const escalations = new EscalationsPanel({
  panel: document.getElementById('escalations'),
  list: document.getElementById('escalation-list'),
  form: document.getElementById('escalation-form'),
  canRaise: allows(user, 'work-outreach'),
  alerts,
});
// The queue itself is the agents' (and admins') work; others see its counts in "saved today".
const outreach = allows(user, 'work-outreach') ? new OutreachPanel({
  panel: document.getElementById('outreach'),
  list: document.getElementById('outreach-list'),
  summary: document.getElementById('outreach-summary'),
  me: user.name,
  alerts,
  onEscalate: (item) => escalations.prefill(item),
}) : null;
let connection = null;
let savedToday = null;

/** The outreach picture after every (re)connect: queue, escalations, saved today. */
async function loadOutreach() {
  try {
    const snapshot = await connection.invoke('GetOutreach');
    outreach?.replaceAll(snapshot.items);
    escalations.replaceAll(snapshot.escalations);
    savedToday?.reload();
  } catch (err) {
    console.warn('Loading the outreach queue failed', err);
  }
}

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
connection = connectBoard({
  onSnapshot(snapshot) {
    const serverTime = Date.parse(snapshot.serverTime);
    if (!Number.isNaN(serverTime)) {
      clockOffsetMs = serverTime - Date.now();
    }
    board.replaceAll(snapshot.tiles ?? []);
    loadOutreach();
  },
  onTiles(tiles) {
    board.update(tiles);
  },
  alerts,
  onAlerts() {
    feed.render();
    outreach?.render();
  },
  onStatus: showStatus,
  onUnauthorized: goToSignIn,
});
connection.on('OutreachChanged', (items) => outreach?.apply(items));
connection.on('EscalationRaised', (escalation) => escalations.add([escalation]));
savedToday = mountSavedToday(document.getElementById('saved-today'), connection);
