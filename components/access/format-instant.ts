/** An ISO instant as the access views print it: "2025-06-01 09:00:00 UTC". */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}
