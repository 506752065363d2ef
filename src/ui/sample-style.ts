/**
 * What the reading preferences look like, as CSS declarations for the live
 * sample in the popup and options page. The reader view has its own
 * renderer; this one only has to show the effect of each control honestly.
 */
import type { ScalarPrefs } from '../core/prefs/index';

/** Text and background per theme; 'system' follows the page's own scheme (see form.css). */
export const THEME_COLORS: Record<Exclude<ScalarPrefs['theme'], 'system'>, { color: string; background: string }> = {
  light: { color: '#1b1b1b', background: '#ffffff' },
  sepia: { color: '#3b2f1e', background: '#f4ecd8' },
  dark: { color: '#e8e6e3', background: '#1c1c1e' },
  contrast: { color: '#ffffff', background: '#000000' },
};

export const FONT_STACKS: Record<ScalarPrefs['font'], string> = {
  serif: 'Georgia, "Times New Roman", serif',
  sans: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
  // The bundled fonts belong to the reader page; here a close fallback is shown.
  atkinson: '"Atkinson Hyperlegible", Verdana, sans-serif',
  opendyslexic: '"OpenDyslexic", "Comic Sans MS", Verdana, sans-serif',
};

/** CSS custom properties for the sample; form.css turns them into styles. */
export function sampleStyle(prefs: ScalarPrefs): Record<string, string> {
  const style: Record<string, string> = {
    '--sample-font': FONT_STACKS[prefs.font],
    // In the popup the sample is small: the size is shown relative to the default 20px.
    '--sample-size': `${prefs.fontSize / 20}em`,
    '--sample-line-height': String(prefs.lineHeight),
    '--sample-letter-spacing': `${prefs.letterSpacing}em`,
    '--sample-word-spacing': `${prefs.wordSpacing}em`,
    '--sample-paragraph-spacing': `${prefs.paragraphSpacing}em`,
    '--sample-width': `${prefs.contentWidth}ch`,
    '--sample-caption-size': `${prefs.captionSize}%`,
  };
  if (prefs.theme !== 'system') {
    style['--sample-color'] = THEME_COLORS[prefs.theme].color;
    style['--sample-background'] = THEME_COLORS[prefs.theme].background;
  }
  return style;
}

/** A value as the person reads it next to its slider: "20 px", "1.6", "68 ch", "0.12 em", "150 %". */
export function formatValue(value: number, unit: string, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(2, String(step).split('.')[1]?.length ?? 0);
  const text = value.toFixed(decimals);
  return unit ? `${text} ${unit}` : text;
}
