/**
 * Settings as the app uses them: their schema, defaults and persistence live
 * in the storage layer (src/storage/settings.ts); applying the theme to the
 * page lives here, beside the DOM.
 */
import type { Settings } from '../../storage/settings';

export {
  DEFAULT_SETTINGS,
  loadChoices,
  loadSettings,
  loadProgrammeHint,
  loadTodayHint,
  saveChoices,
  saveSettings,
  saveProgrammeHint,
  SETTINGS_FIELDS,
  isSettings,
  THEMES,
  type ProgrammeHint,
  type RememberedChoices,
  type Settings,
} from '../../storage/settings';

/** Applies the theme to the document root (`data-theme`), which the tokens read. */
export function applyTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}
