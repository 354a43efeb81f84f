import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorSchemeManager,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Calm, dense and AA-contrast: indigo primary at shade 7 (white text 5:1), a darker green (white text on
 * shade 7 5:1) so "light" and filled badges keep 4.5:1, orange and teal likewise, `dimmed` text darkened from gray-6 (3.3:1) to gray-7 (8:1), error text at red-8.
 */
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#2f7d3e',
  '#23743a',
  '#1b5e2a',
];
// Shades 6–9 darkened so filled red buttons (white text) and error messages reach 4.5:1.
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#e03131',
  '#c92a2a',
  '#a51d1d',
  '#861515',
];
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#c2410c',
  '#b53b0c',
  '#8a2d09',
];

/** Teal with a darker last shade: "light" teal badges (text shade 9 on shade 1) reach 4.5:1. */
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#099268',
  '#066649',
];

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 4 },
  colors: { green, orange, red, teal },
  fontFamily: `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`,
  headings: {
    fontFamily: `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`,
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.2rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    // Required fields keep the `required` attribute (announced by screen readers) but show no
    // asterisk: the visible label stays exactly the accessible name ("Email", not "Email *"),
    // and optional fields are marked "(optional)" instead.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    NumberInput: { defaultProps: { withAsterisk: false } },
    // Mantine's menu puts a focus placeholder <div role="presentation" tabindex="-1"> inside
    // role="menu", which axe reports as a critical aria-required-children violation.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } },
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DEFAULT_THEME.colors.gray[7],
    '--mantine-color-placeholder': DEFAULT_THEME.colors.gray[6],
    '--mantine-color-error': red[8],
  },
  dark: {},
});

/** Colour scheme lives in memory only: the app writes nothing to Web Storage. */
export const memoryColorSchemeManager: MantineColorSchemeManager = {
  get: (defaultValue) => defaultValue,
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};
