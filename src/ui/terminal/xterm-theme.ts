// Terminal colours per page theme. The light palette darkens the ANSI colours so that cyan or
// yellow output stays readable on a light background.

import type { ITheme } from '@xterm/xterm';

const dark: ITheme = {
  background: '#0d1117',
  foreground: '#d7dde5',
  cursor: '#7cc4ff',
  cursorAccent: '#0d1117',
  selectionBackground: '#2f4a6d',
  black: '#1b2129',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#c9d1d9',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#a5f0b0',
  brightYellow: '#f2cc60',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#8ee6ee',
  brightWhite: '#f0f6fc',
};

const light: ITheme = {
  background: '#fbfcfe',
  foreground: '#1f2933',
  cursor: '#1f6feb',
  cursorAccent: '#fbfcfe',
  selectionBackground: '#c7dcff',
  black: '#24292f',
  red: '#cf222e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0550ae',
  magenta: '#8250df',
  cyan: '#0b6e79',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#0969da',
  brightMagenta: '#a475f9',
  brightCyan: '#1b7c83',
  brightWhite: '#8c959f',
};

export function xtermTheme(isDark: boolean): ITheme {
  return isDark ? dark : light;
}
