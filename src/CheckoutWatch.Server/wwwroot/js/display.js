// A wall display signs in with the token in the URL fragment (display.html#token=cwd_…), once,
// and the fragment is removed from the address bar before anything else happens.

const form = document.getElementById('display-form');
const input = document.getElementById('display-token');
const fragment = new URLSearchParams(window.location.hash.slice(1));
const failed = new URLSearchParams(window.location.search).get('failed') === '1';

document.getElementById('display-error').hidden = !failed;
const token = fragment.get('token');
if (token) {
  history.replaceState(null, '', window.location.pathname + window.location.search);
  if (!failed) {
    input.value = token;
    form.submit();
  }
}
