// Links the app follows itself: a plain left click navigates in the app, while a click with a
// modifier (new tab, new window, download) or one already handled is left to the browser.

export function isPlainClick(e: MouseEvent): boolean {
  return !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
