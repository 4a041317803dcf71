/**
 * The CSS variables of Obsidian's default themes (1.x, default accent) that the side view uses, defined as Obsidian
 * defines them: on `body`, `.theme-light` and `.theme-dark` (Obsidian puts one of the two classes on the body), and
 * the right sidebar's own background, for the browser test of obsidian/styles.css.
 */
export const OBSIDIAN_THEMES = `
body {
  --accent-h: 254;
  --accent-s: 80%;
  --accent-l: 68%;
  --font-interface: -apple-system, BlinkMacSystemFont, 'Segoe UI', Inter, Ubuntu, sans-serif;
  --font-monospace: Menlo, SFMono-Regular, Consolas, 'Roboto Mono', monospace;
  --font-ui-smaller: 12px;
  --font-ui-small: 13px;
  --font-ui-medium: 15px;
  --radius-s: 4px;
  --button-radius: 4px;
  --text-on-accent: #ffffff;
  --interactive-accent: hsl(var(--accent-h), var(--accent-s), var(--accent-l));
  --interactive-accent-hover: hsl(calc(var(--accent-h) - 3), calc(var(--accent-s) * 1.02), calc(var(--accent-l) * 1.15));
  --text-accent: hsl(var(--accent-h), var(--accent-s), var(--accent-l));
  --text-accent-hover: hsl(calc(var(--accent-h) - 3), calc(var(--accent-s) * 1.02), calc(var(--accent-l) * 1.15));
  font-family: var(--font-interface);
  margin: 0;
}
.theme-light {
  --color-red: #e93147;
  --color-orange: #ec7500;
  --color-green: #08b94e;
  --color-blue: #086ddd;
  --background-primary: #ffffff;
  --background-secondary: #f6f6f6;
  --background-modifier-hover: rgba(0, 0, 0, 0.067);
  --background-modifier-border: #e0e0e0;
  --background-modifier-border-hover: #d4d4d4;
  --text-normal: #222222;
  --text-muted: #5c5c5c;
  --text-faint: #ababab;
  --text-error: #e93147;
  --text-warning: #ec7500;
  --text-success: #08b94e;
  --text-accent: hsl(var(--accent-h), var(--accent-s), calc(var(--accent-l) - 10%));
  --interactive-accent: hsl(var(--accent-h), var(--accent-s), calc(var(--accent-l) - 6%));
}
.theme-dark {
  --color-red: #fb464c;
  --color-orange: #e9973f;
  --color-green: #44cf6e;
  --color-blue: #027aff;
  --background-primary: #1e1e1e;
  --background-secondary: #262626;
  --background-modifier-hover: rgba(255, 255, 255, 0.075);
  --background-modifier-border: #363636;
  --background-modifier-border-hover: #3f3f3f;
  --text-normal: #dadada;
  --text-muted: #b3b3b3;
  --text-faint: #666666;
  --text-error: #fb464c;
  --text-warning: #e9973f;
  --text-success: #44cf6e;
}
body {
  color: var(--text-normal);
  background: var(--background-primary);
}
/* two leaves of the right sidebar side by side, as Obsidian lays out a leaf's content */
.sidebar {
  display: flex;
  gap: 1px;
  background: var(--background-modifier-border);
  min-height: 100vh;
}
.view-content {
  width: 440px;
  padding: 12px 12px 32px;
  overflow: auto;
  background: var(--background-secondary);
}
`;
