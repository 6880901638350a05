/*
 * Works around Tasklist 7.24 keeping "Complete" disabled on a Camunda Form with a dynamic list.
 * form-js reports a field of a list without errors as an empty entry in its error map, and
 * Tasklist counts the entries, so after any edit inside the list it thinks the form is invalid.
 * When the form shows no error message, this re-enables the button; completing still runs
 * form-js's full validation (and the server's), so nothing invalid gets through.
 */
function formWithList() {
  return document.querySelector('.fjs-container .fjs-form-field-dynamiclist');
}

function visibleErrors() {
  return Array.from(document.querySelectorAll('.fjs-container .fjs-form-field-error'))
    .some(error => error.textContent.trim().length > 0);
}

function release(button) {
  if (button.disabled && formWithList() && !visibleErrors()
      && !document.querySelector('.disabled-form')) {
    button.disabled = false;
    button.removeAttribute('disabled');
  }
}

new MutationObserver(() => {
  document.querySelectorAll('button[ng-click="complete()"]').forEach(release);
}).observe(document.documentElement,
  {subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'class']});

export default [];
