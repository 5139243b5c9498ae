// The fonts Chromium really drew a node's text with (DevTools' "Rendered Fonts"), with glyph counts:
// how the tests tell Hangul drawn in the bundled face from boxes.
import type { Page } from 'playwright-core';

export async function renderedFonts(on: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await on.context().newCDPSession(on);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
  } finally {
    await cdp.detach();
  }
}
