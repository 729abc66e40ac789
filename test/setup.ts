// Shared test setup: DOM matchers for component tests (harmless in node-environment tests).
import '@testing-library/jest-dom/vitest';
// Every broker registered, as the command line has them (test/engine/brokerLoad.test.ts checks
// the page's loading of them one by one).
import '../src/engine/queue/all.ts';
// Every lesson loaded, as the page has one once it opens it: tests name lessons by id at once.
import '../src/scenarios/all.ts';
import { afterAll, afterEach } from 'vitest';

// In a DOM test, every render is unmounted after its test, whether or not the file says so: an
// app left mounted keeps its work scheduled (the parts it loads after the first screen, through
// React.lazy, among them), and React then ran it after the DOM was torn down ("window is not
// defined"). What React had scheduled runs before the teardown.
afterEach(async () => {
  if (typeof window === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, 20));
});
