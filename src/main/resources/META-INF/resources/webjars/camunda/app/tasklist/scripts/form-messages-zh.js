/*
 * Chinese validation messages for Camunda Forms in Tasklist. The form-js bundle inside Tasklist
 * has no translation hook and writes its messages in English; this swaps each message for its
 * Chinese wording as it appears. It is loaded as a custom script and registers no plugin.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (.+)\.$/, m => `至少输入 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, m => `最多输入 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must match pattern (.+)\.$/, m => `格式不正确（须符合 ${m[1]}）。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请输入有效的国际电话号码。']
];

function translate(element) {
  const text = element.textContent.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      element.textContent = chinese(match);
      return;
    }
  }
}

function translateAll(root) {
  root.querySelectorAll?.('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span')
    .forEach(translate);
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.matches?.('.fjs-form-field-error, .fjs-form-field-error *')) {
          translate(node);
        }
        translateAll(node);
      } else if (node.nodeType === Node.TEXT_NODE
          && node.parentElement?.closest('.fjs-form-field-error')) {
        translate(node.parentElement);
      }
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];
