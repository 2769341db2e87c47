import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Stores are made per test (one per meeting connection), so resetting means dropping the DOM
// that holds them and anything a screen kept in localStorage.
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});
