const bare = (s: string) => s.replace(/\s+/g, '');

/**
 * The list's spelling of a name typed short or long (嘉兴纺织 → 嘉兴纺织有限公司), or undefined when the
 * typed name is on the list (spaces aside, as the cloud compares them) or like none of it. The cloud
 * counts a named employer's places by the exact name, so a worker who typed it differently is told.
 */
export function closeName(typed: string, names: readonly string[]): string | undefined {
  const t = bare(typed);
  if (t.length < 2 || names.some((n) => bare(n) === t)) return undefined;
  return names.find((n) => bare(n).includes(t)) ?? names.find((n) => bare(n).length >= 2 && t.includes(bare(n)));
}
