/**
 * The web app manifest, in one place: the build writes it, and the tests check
 * the built file against `manifestSchema`.
 */
import type { ManifestOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#0a4f96';
export const BACKGROUND_COLOR = '#eef3f7';

export const appManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Aquajog: pool intervals and IT band rehab',
  short_name: 'Aquajog',
  description: 'An interval timer for deep-water running and at-home IT band rehab. Big digits, spoken and vibrating cues, works with no signal.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['health', 'fitness', 'sports'],
  screenshots: [
    { src: 'screenshots/timer-narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'The pool timer: zone, time left and round' },
    { src: 'screenshots/library-narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'The workout library' },
    { src: 'screenshots/timer-wide.png', sizes: '1280x720', type: 'image/png', form_factor: 'wide', label: 'The pool timer in landscape' },
  ],
};
