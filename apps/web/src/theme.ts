// Mantine theme: a dark blue that keeps 7:1 contrast on white, large targets, and a focus
// ring on every keyboard focus.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const tyndau: MantineColorsTuple = ['#e7f0fa', '#c9dcf2', '#a6c5ea', '#7aa8de', '#4f8ad1', '#2f6fbf', '#1f5ca8', '#174c8f', '#123d75', '#0c2d59'];
// Mantine's red.6 is 3.6:1 on white; errors must be readable (≥ 4.5:1).
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#e03131', '#b3261e', '#a51d1d', '#8f1717', '#7a1212'];
// Due soon: an amber dark enough to read.
const amber: MantineColorsTuple = ['#fff8e6', '#ffecb8', '#ffe08a', '#ffd25c', '#f5b82e', '#d99a0b', '#8a5a00', '#744b00', '#5e3d00', '#4a3000'];
// Done, on time.
const green: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#40c057', '#1e7b34', '#19692c', '#145724', '#0f451c'];

export const theme = createTheme({
  primaryColor: 'tyndau',
  primaryShade: 7,
  colors: { tyndau, red, amber, green },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
  fontSizes: { xs: '0.875rem', sm: '1rem', md: '1.125rem', lg: '1.25rem', xl: '1.5rem' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Links look like links without relying on colour (WCAG 1.4.1), which older readers expect.
    Anchor: { defaultProps: { underline: 'always' } },
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
  },
});
