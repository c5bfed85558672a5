/** User text quoted in messages and fix titles stays short, so a long name never floods a hover. */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
