// TEMPORARY — who is acting on alerts, until the board has real sign-in (board roles in the
// spec). The person at the board types a name once into the small field in the header; it is
// kept in this browser's localStorage and sent as `by` with acknowledge and resolve. This is a
// label, not authentication: anyone can type anything, and the server does not check it yet.
// Delete this module when sign-in arrives and take the name from the signed-in user instead.

const STORAGE_KEY = 'checkoutwatch.operatorName';
const MAX_LENGTH = 128; // the server's limit on `by`

function load() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage disabled: the name lasts as long as the page
  }
}

function save(name) {
  try {
    if (name) {
      localStorage.setItem(STORAGE_KEY, name);
    } else {
      localStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // Storage disabled or full: keep the name for this page only.
  }
}

/** The header's "your name" field. */
export class OperatorName {
  /** @param {HTMLInputElement} input */
  constructor(input) {
    this.input = input;
    this.input.maxLength = MAX_LENGTH;
    this.input.value = load();
    this.input.addEventListener('input', () => {
      save(this.value);
      this.input.removeAttribute('aria-invalid');
    });
    this.input.addEventListener('change', () => {
      this.input.value = this.value;
    });
  }

  /** The trimmed name, or '' when nobody has typed one. */
  get value() {
    // The server refuses control characters; a pasted newline should not cost an acknowledgement.
    return this.input.value.replace(/\p{Cc}/gu, ' ').trim().slice(0, MAX_LENGTH);
  }

  /** Draws attention to the empty field when an action needs a name. */
  ask() {
    this.input.setAttribute('aria-invalid', 'true');
    this.input.focus();
  }
}
