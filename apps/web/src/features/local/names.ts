/** "Family, Given" from an information card (what every local actor reads). */
export function cardName(card: { familyName: string; givenNames: string } | null | undefined): string {
  if (!card) return "—";
  return `${card.familyName}, ${card.givenNames}`;
}
