// Who is signed in. The board asks once on load; without a session it goes to the sign-in page
// and comes back here afterwards. The header shows the name and a sign-out button.

const ME = 'api/v1/me';

/** The sign-in page, returning to this page afterwards. */
export function goToSignIn() {
  const back = window.location.pathname + window.location.search;
  window.location.assign(new URL(`signin.html?returnUrl=${encodeURIComponent(back)}`, document.baseURI));
}

/**
 * The signed-in user ({ name, roles, policies }), or never resolves when the page is on its way
 * to the sign-in page.
 */
export async function currentUser() {
  const response = await fetch(new URL(ME, document.baseURI), { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    goToSignIn();
    return new Promise(() => {});
  }
  if (!response.ok) {
    throw new Error(`GET ${ME} answered ${response.status}`);
  }
  return response.json();
}

/** Fills the header's user box: name, roles, sign-out. */
export function showUser(box, user) {
  box.querySelector('[data-field="user-name"]').textContent = user.name;
  box.querySelector('[data-field="user-roles"]').textContent = user.roles.join(', ');
  box.hidden = false;
}

/** Whether the user passes a policy (names in Auth/Policies.cs): the server decides again on every call. */
export const allows = (user, policy) => (user.policies ?? []).includes(policy);
