// The outreach and escalation REST calls of the board. Every answer is { ok, status, body };
// a problem answer's body is the ProblemDetails (title, detail, and claimedBy on a 409 claim).

async function send(method, path, body) {
  const response = await fetch(new URL(path, document.baseURI), {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

export const claimItem = (id) => send('POST', `api/v1/outreach/${encodeURIComponent(id)}/claim`);
export const releaseItem = (id) => send('POST', `api/v1/outreach/${encodeURIComponent(id)}/release`);
export const recordOutcome = (id, outcome) => send('POST', `api/v1/outreach/${encodeURIComponent(id)}/outcome`, outcome);
export const raiseEscalation = (escalation) => send('POST', 'api/v1/escalations', escalation);

/** The text to show for a refused call. */
export function problemText(result) {
  return result.body?.title && result.body?.detail ? `${result.body.title} ${result.body.detail}` : `The server answered ${result.status}.`;
}
