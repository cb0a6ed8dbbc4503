/**
 * The pane follows the Office theme: dark («Nero», «Grigio scuro») or light, with the background
 * Office gives the task pane (Office.context.officeTheme; Microsoft's colour guidelines for add-ins:
 * "task pane background colors switch to a dark gray in some themes"). Outside Office, or when
 * Office does not say, the browser's preference decides.
 */
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { ReactNode, useEffect, useMemo } from 'react';
import { OfficeThemeColours, officeTheme } from '../office/host';

/** Relative luminance of "#RRGGBB" (WCAG), 1 for white; undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The Fluent theme for an Office theme: dark or light, with Office's own background and text colours. */
export function paneTheme(office: OfficeThemeColours | undefined, prefersDark = false): Theme {
  const lum = luminance(office?.bodyBackgroundColor);
  const dark = office?.isDarkTheme ?? (lum !== undefined ? lum < 0.4 : prefersDark);
  const base = dark ? webDarkTheme : webLightTheme;
  if (!office?.bodyBackgroundColor || !office.bodyForegroundColor || luminance(office.bodyForegroundColor) === undefined || lum === undefined) return base;
  // Office's colours, only when they keep the text readable on that background (4.5:1)
  const fg = luminance(office.bodyForegroundColor)!;
  const contrast = (Math.max(lum, fg) + 0.05) / (Math.min(lum, fg) + 0.05);
  if (contrast < 4.5 || (lum < 0.4) !== dark) return base;
  return { ...base, colorNeutralBackground1: office.bodyBackgroundColor, colorNeutralForeground1: office.bodyForegroundColor };
}

export function ThemedPane({ children }: { children: ReactNode }) {
  const theme = useMemo(() => paneTheme(officeTheme(), typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true), []);
  useEffect(() => {
    // the page behind the pane takes the theme's background too (no white edge in a dark theme)
    document.body.style.margin = '0';
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
  }, [theme]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh', backgroundColor: theme.colorNeutralBackground1, color: theme.colorNeutralForeground1 }}>
      {children}
    </FluentProvider>
  );
}
