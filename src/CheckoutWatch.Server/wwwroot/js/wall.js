// Entry point of the wall display (wall.html): a kiosk view nobody touches. The same hub
// connection as the board (catch-up by sequence, live / reconnecting / stale), rendered at most
// once a second into bounded panels: the most troubled merchants, a chart per alerted merchant,
// the open-alert feed and the room's headline figures.

import { AlertStore } from './alert-store.js';
import { tileMarks } from './alerts.js';
import { connectBoard } from './connection.js';
import { showConnectionStatus } from './connection-status.js';
import { formatCount, formatTime } from './format.js';
import { currentUser, goToSignIn } from './session.js';
import { rankMerchants, WALL_TOP_N } from './wall-rank.js';
import { setText, WallAlerts, WallCharts, WallMerchants } from './wall-view.js';

const byId = (id) => document.getElementById(id);

/** The wall redraws at most this often, however many messages arrive. */
const RENDER_INTERVAL_MS = 1000;

let clockOffsetMs = 0;
const serverNow = (localMs = Date.now()) => new Date(localMs + clockOffsetMs);

await currentUser();

/** merchantId → latest MerchantHealth tile. */
const tiles = new Map();
const alerts = new AlertStore();
const merchants = new WallMerchants(byId('wall-merchants'), byId('wall-rest'));
const charts = new WallCharts(byId('wall-charts'), byId('wall-charts-empty'));
const feed = new WallAlerts(byId('wall-alert-list'), byId('wall-alerts-more'));
const indicator = byId('connection-state');

function renderStats(unresolved, ranking) {
  const top = unresolved.filter((a) => !a.parentId);
  const open = top.filter((a) => a.status === 'open').length;
  const stuck = unresolved.filter((a) => a.kind === 'stuck_sessions')
    .reduce((sum, a) => sum + (a.figures?.failures ?? 0), 0);
  let volume = 0;
  for (const tile of tiles.values()) {
    volume += tile.outcomes1m ?? 0;
  }
  const loaded = alerts.lastSequence !== null;
  setText(byId('wall-open'), loaded ? formatCount(open) : '—');
  byId('wall-open').dataset.value = String(open);
  setText(byId('wall-acknowledged'), loaded ? formatCount(top.length - open) : '—');
  setText(byId('wall-stuck'), loaded ? formatCount(stuck) : '—');
  byId('wall-stuck').dataset.value = String(stuck);
  setText(byId('wall-merchant-count'), formatCount(ranking.top.length + ranking.rest.merchants));
  setText(byId('wall-volume'), formatCount(volume));
  byId('wall-alerts-empty').hidden = top.length > 0;
}

function render() {
  const now = serverNow().getTime();
  const unresolved = [...alerts.values()].filter((a) => a.status !== 'resolved');
  const marks = tileMarks(unresolved);
  const ranking = rankMerchants(tiles, marks, WALL_TOP_N);
  const alertsByMerchant = new Map();
  for (const alert of unresolved) {
    const list = alertsByMerchant.get(alert.merchantId) ?? [];
    list.push(alert);
    alertsByMerchant.set(alert.merchantId, list);
  }
  merchants.render(ranking, tiles, marks);
  charts.render(ranking.top, tiles, alertsByMerchant, now);
  feed.render(unresolved);
  renderStats(unresolved, ranking);
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
}

let renderTimer = null;
let lastRender = 0;

/** Coalesces messages into at most one render per RENDER_INTERVAL_MS. */
function scheduleRender() {
  if (renderTimer !== null) {
    return;
  }
  const wait = Math.max(0, lastRender + RENDER_INTERVAL_MS - Date.now());
  renderTimer = setTimeout(() => {
    renderTimer = null;
    lastRender = Date.now();
    render();
  }, wait);
}

function tickClock() {
  const now = serverNow();
  setText(byId('clock'), formatTime(now));
  byId('clock').dateTime = now.toISOString();
  setTimeout(tickClock, 1000 - (Date.now() % 1000) + 5);
}

tickClock();
// The charts' time window moves even when no message arrives.
setInterval(scheduleRender, 5_000);
connectBoard({
  onSnapshot(snapshot) {
    const serverTime = Date.parse(snapshot.serverTime);
    if (!Number.isNaN(serverTime)) {
      clockOffsetMs = serverTime - Date.now();
    }
    tiles.clear();
    for (const tile of snapshot.tiles ?? []) {
      tiles.set(tile.merchantId, tile);
    }
    scheduleRender();
  },
  onTiles(changed) {
    for (const tile of changed) {
      tiles.set(tile.merchantId, tile);
    }
    scheduleRender();
  },
  alerts,
  onAlerts: scheduleRender,
  onStatus: (status) => showConnectionStatus(indicator, status, (localMs) => serverNow(localMs)),
  onUnauthorized: goToSignIn,
});
