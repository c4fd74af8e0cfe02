// "Saved today": customers recovered and revenue saved since midnight UTC, from the agents'
// outreach outcomes, plus the queue's open and claimed counts. Self-contained so that any view
// (the board's masthead, the wall display) can mount it on an element of its own:
//
//   import { mountSavedToday } from './saved-today.js';
//   mountSavedToday(document.getElementById('saved-today'), connection);
//
// It listens to the hub's SavedTodayChanged pushes and reloads the figures from
// GET api/v1/outreach/saved-today on every (re)connect of the connection it is given.

import { formatCount, formatMoney } from './format.js';

const SAVED_TODAY = 'api/v1/outreach/saved-today';

/** "€1,234.50 + £90.00": revenue per currency; CheckoutWatch does not convert between currencies. */
export function revenueText(revenue) {
  const parts = (revenue ?? []).filter((r) => r.amountMinor > 0).map((r) => formatMoney(r.amountMinor, r.currency));
  return parts.length === 0 ? formatMoney(0, 'EUR') : parts.join(' + ');
}

/** Fills the element's [data-field] children (customers, revenue, open, claimed) from the figures. */
export function renderSavedToday(element, saved) {
  const set = (field, text) => {
    const target = element.querySelector(`[data-field="${field}"]`);
    if (target) {
      target.textContent = text;
    }
  };
  set('customers', formatCount(saved.customersRecovered ?? 0));
  set('revenue', revenueText(saved.revenue));
  set('open', formatCount(saved.open ?? 0));
  set('claimed', formatCount(saved.claimed ?? 0));
  element.dataset.customers = String(saved.customersRecovered ?? 0);
  element.hidden = false;
}

/**
 * Keeps the element current. Builds the default markup when the element is empty.
 * @param {HTMLElement} element
 * @param {object} connection a @microsoft/signalr HubConnection (started or starting)
 */
export function mountSavedToday(element, connection) {
  if (!element.firstElementChild) {
    element.innerHTML = '<span class="saved-label">Saved today</span> '
      + '<strong data-field="customers">0</strong> <span class="saved-unit">customers</span> · '
      + '<strong data-field="revenue">—</strong> '
      + '<span class="saved-queue">(<span data-field="open">0</span> open, <span data-field="claimed">0</span> claimed)</span>';
  }

  let latestPush = 0;
  const load = async () => {
    const started = Date.now();
    try {
      const response = await fetch(new URL(SAVED_TODAY, document.baseURI), { headers: { Accept: 'application/json' } });
      // A push that arrived while the request was under way is newer than its answer.
      if (response.ok && latestPush < started) {
        renderSavedToday(element, await response.json());
      }
    } catch (err) {
      console.warn('Loading saved today failed', err);
    }
  };

  connection.on('SavedTodayChanged', (saved) => {
    latestPush = Date.now();
    renderSavedToday(element, saved);
  });
  connection.onreconnected(load);
  load();
  return { reload: load };
}
