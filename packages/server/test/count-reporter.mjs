// A node:test reporter that prints nothing but a bare "N passed, N failed" line at the end, so CI
// can read the result; run it next to the spec reporter. Suites are not counted (their tests
// are); a test file that fails to load still counts as one failure.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite fails on its own only when a hook or the file itself failed outside any test.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield `${passed} passed, ${failed} failed\n`;
}
