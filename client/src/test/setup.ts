import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '../i18n';

// Stores are made per test (one per meeting connection), so resetting means dropping the DOM
// that holds them and anything a screen kept in localStorage.
// Tests find elements by their English text: every test starts in English, whatever it chose before.
beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});
