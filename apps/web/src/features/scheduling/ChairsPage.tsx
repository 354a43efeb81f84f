export function ChairsPage() {
  return null;
}
