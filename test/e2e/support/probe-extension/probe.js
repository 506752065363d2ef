// Test-only content script (see manifest.json): the e2e error recorders
// must see both of these, or their "no errors from Lectern" checks prove nothing.
console.error('Lectern e2e probe: console.error from a content script');
setTimeout(function () {
  throw new Error('Lectern e2e probe: thrown from a content script');
}, 0);
