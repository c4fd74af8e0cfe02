// The sign-in page: the form posts by itself; this only carries the page the person came from,
// says when the last attempt failed, and offers OpenID Connect when the node is configured for it.

const params = new URLSearchParams(window.location.search);
const returnUrl = params.get('returnUrl');
// Only a path on this node (the server checks again).
const local = returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : '/';

document.getElementById('signin-return').value = local;
document.getElementById('signin-error').hidden = params.get('failed') !== '1';

fetch(new URL('api/v1/auth/providers', document.baseURI), { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : null))
  .then((providers) => {
    if (providers?.oidc) {
      const link = document.getElementById('signin-oidc-link');
      link.href = `api/v1/auth/oidc?returnUrl=${encodeURIComponent(local)}`;
      document.getElementById('signin-oidc').hidden = false;
    }
  })
  .catch(() => {
    // Password sign-in works without this.
  });
