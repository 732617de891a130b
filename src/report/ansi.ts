/** Minimal ANSI styling. Pure: the caller decides whether colour is on (NO_COLOR, TTY) and passes it in. */
export interface Style {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

function wrap(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

const identity = (text: string): string => text;

const COLORED: Style = {
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  magenta: wrap(35, 39),
  bold: wrap(1, 22),
  dim: wrap(2, 22),
};

const PLAIN: Style = {
  green: identity,
  red: identity,
  yellow: identity,
  cyan: identity,
  magenta: identity,
  bold: identity,
  dim: identity,
};

export function style(color: boolean): Style {
  return color ? COLORED : PLAIN;
}
