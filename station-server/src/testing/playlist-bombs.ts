// Hostile operators' files for tests (unit and fault tests): each must be refused with its name.

/** Nested anchors, each list repeating the one before nine times: 9^levels nodes if expanded. */
export function aliasBomb(levels = 12): string {
  let text = 'name: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

/** Brackets nested `depth` deep: the YAML parser recurses once per level. */
export const deepNesting = (depth = 30_000): string => `name: Deep\nsongs: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
