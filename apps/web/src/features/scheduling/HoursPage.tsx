export function HoursPage() {
  return null;
}
